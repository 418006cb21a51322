// The words themselves, for the learned model beside the rule cues (round 11): the folded words of
// the mention's own sentence, tagged by their side of the term (`b:` before, `a:` after), hashed
// into a fixed number of buckets (`h:` + bucket). The model file says how many buckets
// (rules/status-model.json `words`); without that field no word is read. The stretch read is the
// structure's own (structure.ts OWN_BEFORE/OWN_AFTER characters either side of the term, within the
// sentence), so its tokens are already there (DocumentTokens): linear, and almost free.
import { drain, type Steps } from '../../steps';
import type { StatusMentionInput } from './classify';
import { segmentAt, type Segment } from './segment';
import { OWN_AFTER, OWN_BEFORE } from './structure';
import { DocumentTokens } from './tokens';

/** Each mention's own-sentence words, tagged by side: "b:geen", "a:uitgevoerd" (a set, in text order). */
export function ownSentenceWords(source: string, mentions: readonly StatusMentionInput[], segments: readonly Segment[], doc: DocumentTokens = new DocumentTokens(source)): string[][] {
  return drain(ownWordSteps(source, mentions, segments, doc));
}

/** ownSentenceWords in steps (lib/core/steps.ts): a pause may fall between mentions. */
export function* ownWordSteps(source: string, mentions: readonly StatusMentionInput[], segments: readonly Segment[], doc: DocumentTokens = new DocumentTokens(source)): Steps<string[][]> {
  const words: string[][] = new Array(mentions.length);
  for (let i = 0; i < mentions.length; i++) {
    if ((i & 15) === 15) yield;
    const m = mentions[i]!;
    const seg = segments[segmentAt(segments, m.start)];
    const from = Math.max(seg ? seg.start : 0, m.start - OWN_BEFORE);
    const to = Math.min(Math.max(seg ? seg.end : source.length, m.end), m.end + OWN_AFTER);
    const out = new Set<string>();
    for (const t of doc.of(from, to)) {
      if (t.end <= m.start) out.add(`b:${t.text}`);
      else if (t.start >= m.end) out.add(`a:${t.text}`);
    }
    words[i] = [...out];
  }
  return words;
}

/** FNV-1a over the UTF-16 code units: the same bucket in every JavaScript engine. */
export function wordBucket(gram: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) h = Math.imul(h ^ gram.charCodeAt(i), 0x01000193);
  return (h >>> 0) % buckets;
}

/** The hashed feature names of one mention's words (`h:` + bucket; never a veto cue). */
export function hashedWords(words: readonly string[], buckets: number): string[] {
  const out = new Set<string>();
  for (const w of words) out.add(`h:${wordBucket(w, buckets)}`);
  return [...out];
}
