// @vitest-environment node
// The status reading shares one document's tokens and trigger phrases between the rule engine, the
// structure and the features (DocumentTokens), and findPhrases skips the trie search where no
// phrase can start. Both must read exactly as before: each reader with tokens of its own, and the
// search run at every token, give the same statuses and features, on the status eval's documents
// and on a generated meeting document as the PDF panel reads it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '@/lib/core/analyse';
import { classifyMentions, compiledStatusRules, mentionFeatures, readStructure, segmentText, statusFeatures, type StatusMentionInput } from '@/lib/core/questions/status';
import { findPhrases, type PhraseMatch, type TrieNode } from '@/lib/core/questions/status/compile';
import { withStructure } from '@/lib/core/questions/status/structure';
import { DocumentTokens, tokenize, WordTable, type Token } from '@/lib/core/questions/status/tokens';
import { loadBuiltinRules } from '@/lib/core/rules';
import { extractPdfPagesInNode } from '@/lib/surface/pdf/node';
import { parseStatusAnnotated } from '../../../bench/eval/status-score';
import { meetingDocs, meetingPdf } from '../../../bench/meeting-pdfs';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
const compiled = compiledStatusRules(rules.status);

const dir = join(__dirname, '../../../fixtures/eval/status');
const evalTexts = ['tune', 'holdout'].flatMap((set) =>
  readdirSync(join(dir, set))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `${set}/${f}`, text: parseStatusAnnotated(readFileSync(join(dir, set, f), 'utf8'), f).text })),
);

function inputsOf(text: string): { mentions: StatusMentionInput[]; tech: Array<{ start: number; end: number }> } {
  const { matches, safeguardHits } = analyser.find(text);
  const ids = new Set(rules.safeguards.safeguards.map((s) => s.id));
  const mentions = safeguardHits.filter((h) => ids.has(h.group)).map((h) => ({ start: h.start, end: h.end, safeguard: h.group, termId: h.termId ?? '' }));
  return { mentions, tech: matches.map((m) => ({ start: m.start, end: m.end })).sort((a, b) => a.start - b.start) };
}

/** statusFeatures as it was before the readers shared tokens: each reads the text on its own. */
function separately(text: string, mentions: StatusMentionInput[], tech: Array<{ start: number; end: number }>) {
  const segments = segmentText(text, compiled.segment, 'wrapped');
  const rule = classifyMentions(text, mentions, tech, compiled, segments, new DocumentTokens(text));
  const structure = readStructure(text, mentions, segments, compiled, new DocumentTokens(text));
  const decided = rule.map((r, i) => withStructure(r, structure[i]!));
  const features = mentionFeatures(text, mentions, decided, compiled, segments, new DocumentTokens(text), tech);
  structure.forEach((s, i) => { for (const c of s.cues) features[i]!.push(`st:${c}`); });
  return { rule: decided, features };
}

/**
 * longestAt as it was, the trie searched from every token: written as recursion, children in the
 * order the old stack popped them (the classes' last first, the word's child last).
 */
function longestAtEverywhere(tokens: readonly Token[], i: number, node: TrieNode, at = i, best: PhraseMatch | null = null): PhraseMatch | null {
  if (at > i && node.defs.length && (!best || at > best.end)) best = { start: i, end: at, defs: node.defs };
  const t = tokens[at];
  if (!t) return best;
  const word = node.next.get(t.text);
  const children = [...(word ? [word] : []), ...node.classes.filter(({ cls }) => cls.words.has(t.text) || (cls.digits && /^\d+$/.test(t.text))).map((c) => c.node)];
  for (const child of children.reverse()) best = longestAtEverywhere(tokens, i, child, at + 1, best);
  return best;
}

function findPhrasesEverywhere(tokens: readonly Token[], root: TrieNode): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (let i = 0; i < tokens.length; ) {
    const m = longestAtEverywhere(tokens, i, root);
    if (m) {
      out.push(m);
      i = m.end;
    } else i++;
  }
  return out;
}

async function meetingText(): Promise<string> {
  // The first agenda document: a raadsvoorstel about cameratoezicht, 13 pages, 57 safeguard mentions.
  const doc = meetingDocs(40, 2000)[0]!;
  const pages: string[] = [];
  for await (const p of extractPdfPagesInNode(meetingPdf(doc, 1))) pages.push(p.text);
  return pages.join('\n\n');
}

describe('status reading with shared tokens', () => {
  it('DocumentTokens gives tokenize’s tokens, the same array for the same stretch, and makes a finding once', () => {
    const text = 'De DPIA is nog niet uitgevoerd. Dat bleek niet zo te zijn; de FG wordt geraadpleegd.';
    const doc = new DocumentTokens(text);
    expect(doc.of(0, 31)).toEqual(tokenize(text, 0, 31));
    expect(doc.of(0, 31)).toBe(doc.of(0, 31));
    expect(doc.of(0, 31)).not.toBe(doc.of(0, 32));
    let made = 0;
    const kind = {};
    const first = doc.memo(doc.of(0, 31), kind, () => ++made);
    expect(doc.memo(doc.of(0, 31), kind, () => ++made)).toBe(first);
    expect(made).toBe(1);
  });

  it('a second kind of finding is made once too, beside the first', () => {
    const doc = new DocumentTokens('De DPIA is uitgevoerd.');
    const tokens = doc.of(0, 22);
    let made = 0;
    const a = {};
    const b = {};
    expect(doc.memo(tokens, a, () => `a${++made}`)).toBe('a1');
    expect(doc.memo(tokens, b, () => `b${++made}`)).toBe('b2');
    expect(doc.memo(tokens, a, () => `a${++made}`)).toBe('a1');
    expect(doc.memo(tokens, b, () => `b${++made}`)).toBe('b2');
  });

  it('the word table gives each word as tokenize spells it, also words of one hash and words longer than a chunk', () => {
    // "an" and "c0" have the same hash in the table (h·31 + code): the second must not be read as the first.
    const long = 'x'.repeat(9000);
    const text = `an c0 an c0 Geëvalueerd, camera’s (DPIA's)? ${long} an`;
    const words = new WordTable();
    const shared = tokenize(text, 0, text.length, words);
    expect(shared).toEqual(tokenize(text, 0, text.length));
    expect(shared.map((t) => t.text)).toEqual(['an', 'c0', 'an', 'c0', 'geevalueerd', ',', "camera's", '(', "dpia's", ')', '?', long, 'an']);
    // Another stretch with the same table reads the same.
    expect(tokenize(text, 3, 11, words).map((t) => t.text)).toEqual(['c0', 'an', 'c0']);
  });

  it('findPhrases finds what the search at every token finds, on every eval sentence', () => {
    let phrases = 0;
    for (const { text } of evalTexts) {
      for (const s of segmentText(text, compiled.segment, 'wrapped')) {
        const tokens = tokenize(text, s.start, s.end);
        for (const root of [compiled.triggers, compiled.progressive.recurring, compiled.listIntros]) {
          const found = findPhrases(tokens, root);
          expect(found).toEqual(findPhrasesEverywhere(tokens, root));
          phrases += found.length;
        }
      }
    }
    expect(phrases).toBeGreaterThan(1000);
  });

  it('the shared reading equals each reader on its own, on the status eval documents', () => {
    let mentions = 0;
    for (const { name, text } of evalTexts) {
      const input = inputsOf(text);
      mentions += input.mentions.length;
      expect(statusFeatures(text, input.mentions, input.tech, rules.status, 'wrapped'), name).toEqual(separately(text, input.mentions, input.tech));
    }
    expect(mentions).toBeGreaterThan(500);
  });

  it('the shared reading equals each reader on its own, on a generated meeting document', async () => {
    const text = await meetingText();
    const input = inputsOf(text);
    expect(input.mentions.length).toBeGreaterThan(20);
    expect(statusFeatures(text, input.mentions, input.tech, rules.status, 'wrapped')).toEqual(separately(text, input.mentions, input.tech));
  });
});
