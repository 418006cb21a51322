// Word features of a mention's context, for the experimental richer status model
// (test/tools/status-curve.ts): the folded words and word pairs of the mention's sentence before
// and after the term and of the next sentence, tagged by where they stand, hashed into a fixed
// number of buckets. Not used by the shipped model (rules/status-model.json reads only the cues of
// features.ts); kept pure, over the status engine's own segmenter and tokens, so that if it ever ships (into
// lib/core/questions/status/) the background script computes the same
// features the trainer did. Linear in the text read: at most WINDOW characters either side of the
// term and NEIGHBOUR characters of the next sentence per mention.
import type { StatusMentionInput } from '../../lib/core/questions/status/classify';
import { segmentAt, type Segment } from '../../lib/core/questions/status/segment';
import { tokenize, type Token } from '../../lib/core/questions/status/tokens';

const WINDOW = 400;
const NEIGHBOUR = 300;
/** The term itself in a word pair: "geen §" and "§ uitgevoerd" carry what stands right beside it. */
const TERM = '§';

function grams(tag: string, words: readonly string[], out: string[]): void {
  for (let k = 0; k < words.length; k++) {
    if (words[k] !== TERM) out.push(`${tag}:${words[k]}`);
    if (k + 1 < words.length) out.push(`${tag}:${words[k]} ${words[k + 1]}`);
  }
}

const text = (ts: readonly Token[]) => ts.map((t) => t.text);

/**
 * The tagged unigrams and bigrams of each mention: `b:` the own sentence before the term, `a:` after
 * it (each side with the term as `§`), `n:` the next sentence. Unhashed, so a study can print them.
 */
export function contextWords(source: string, mentions: readonly StatusMentionInput[], segments: readonly Segment[]): string[][] {
  return mentions.map((m) => {
    const out: string[] = [];
    const si = segmentAt(segments, m.start);
    const seg = segments[si];
    const from = Math.max(seg ? seg.start : 0, m.start - WINDOW);
    const to = Math.min(Math.max(seg ? seg.end : source.length, m.end), m.end + WINDOW);
    const before = tokenize(source, from, m.start);
    const after = tokenize(source, m.end, to);
    grams('b', [...text(before), TERM], out);
    grams('a', [TERM, ...text(after)], out);
    const next = segments[si + 1];
    if (seg && next && next.start >= seg.end) grams('n', text(tokenize(source, next.start, Math.min(next.end, next.start + NEIGHBOUR))), out);
    return [...new Set(out)];
  });
}

export { hashedWords, wordBucket } from '../../lib/core/questions/status/words';
