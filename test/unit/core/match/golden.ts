// Golden outputs of lib/core/match, for the speed work on folding and the automaton: results must stay
// identical, so the outputs of the matcher as it was (before that work) are kept as digests, and
// golden.test.ts recomputes them. Only the test packs and inline safeguard-like terms are used —
// the real rule files change independently and would make the digests drift.
// Regenerate ONLY when a behaviour change is intended:  npx tsx test/unit/core/match/golden.ts --write
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { compileMatcher, compileTerms, foldText, type CompileOptions, type TermEntry } from '../../../../lib/core/match';
import { rng } from './rng';
import { TEST_PACKS } from './packs';

// Everything folding treats specially, next to pieces of the test terms and their traps.
const PIECES = [
  'a', 'e', 'i', 's', 'n', 'A', 'I', 'V', 'D', 'ë', 'ï', 'é', 'e\u0301', 'ﬁ', 'İ', 'ß', 'Æ', 'Ǆ', '😀', '𝐀', '\ud800', '\udc00', '7',
  '-', '‐', '‑', '’', '‘', "'", '`', '´', '\u00ad', '\u200b', '\ufeff', ' ', '  ', '\u00a0', '\u202f', '\u2028', '\n', '\r\n', '-\n',
  '- \n ', '\u00ad\n', '\t', '.', ',', '(', 'Ａ', '½', 'Ⅻ',
  'camera', 'came', 'Camera', 'CAMERA', 'ANPR', 'AI', 'A.I.', 'IoT', 'sensor', 'isch', 'algoritme', 'slimme', 'lantaarnpa', 'al', 'len',
  'wifi', 'tracking', 'gezichts', 'herkenning', 'proef', 'schrift', 'drone', 'pilot', 'man', "'s", 'en', 'tje', 'beeld', 'kwaliteitsplan',
  'artificiële', 'intelligentie', 'data', 'analyse', 'bodycam', 'DPIA', 'dpia', 'toe', 'zicht', 'evaluatie', 'AIVD',
];

export function randomText(next: () => number, maxParts: number): string {
  const parts = Math.floor(next() * maxParts);
  let s = '';
  for (let k = 0; k < parts; k++) s += PIECES[Math.floor(next() * PIECES.length)] ?? '';
  return s;
}

/** Words and spaces, like prose: the long-text paths (sparse hits, long words, unsorted spans). */
export function prose(next: () => number, size: number): string {
  let s = '';
  while (s.length < size) {
    s += randomText(next, 4);
    s += next() < 0.7 ? ' ' : next() < 0.5 ? '\n' : '. ';
  }
  return s;
}

export const SAFEGUARD_ENTRIES: TermEntry<string>[] = [
  { group: 'dpia', term: { id: 'dpia', text: 'DPIA', match: 'acronym' } },
  { group: 'dpia', term: { id: 'dpia-lang', text: 'gegevensbeschermingseffectbeoordeling', match: 'word' } },
  { group: 'evaluatie', term: { id: 'evaluatie', text: 'evaluatie', match: 'stem', compound: 'both', except: ['evaluatiemoment'] } },
  { group: 'toezicht', term: { id: 'toezicht', text: 'toezicht', match: 'stem', compound: 'head' } },
  { group: 'jong', term: { id: 'jong', text: 'jongeren', match: 'word', weak: true } },
  { group: 'ruimte', term: { id: 'ruimte', text: 'openbare ruimte', match: 'phrase' } },
];

const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24);

export interface GoldenCase {
  name: string;
  count: number;
  digest: string;
}

export const GOLDEN_OPTIONS: CompileOptions = {
  ownTerms: [
    { id: '1', text: 'a.b*', category: 'data' },
    { id: '2', text: "e'-", category: 'data' },
    { id: '3', text: 'toezicht', category: 'camera' },
  ],
};

export function goldenCases(): GoldenCase[] {
  const matcher = compileMatcher(TEST_PACKS, GOLDEN_OPTIONS);
  const safeguards = compileTerms(SAFEGUARD_ENTRIES);
  const out: GoldenCase[] = [];
  const add = (name: string, results: unknown[], count: number) => out.push({ name, count, digest: digest(results) });

  const next = rng(20261128);
  for (let block = 0; block < 8; block++) {
    const texts = Array.from({ length: 400 }, () => randomText(next, 40));
    const folds = texts.map((t) => {
      const f = foldText(t);
      return [f.folded, f.cased, Array.from(f.toOriginal)];
    });
    add(`fold, random block ${block}`, folds, folds.length);
    const matches = texts.map((t) => matcher.match(t));
    add(`matcher, random block ${block}`, matches, matches.reduce((n, m) => n + m.length, 0));
    const hits = texts.map((t) => safeguards.match(t));
    add(`safeguards, random block ${block}`, hits, hits.reduce((n, m) => n + m.length, 0));
  }
  for (const size of [5_000, 60_000, 250_000]) {
    const text = prose(next, size);
    const f = foldText(text);
    add(`fold, prose ${size}`, [f.folded, f.cased, Array.from(f.toOriginal)], f.folded.length);
    const m = matcher.match(text);
    add(`matcher, prose ${size}`, m, m.length);
    const h = safeguards.match(text);
    add(`safeguards, prose ${size}`, h, h.length);
  }
  // Long words and dense hits: the widening's memory of word starts, out-of-order span starts.
  const long: [string, string][] = [
    ['one long word of camera', 'camera'.repeat(20_000)],
    ['one long word of test terms', PIECES.filter((p) => /^[a-z]+$/i.test(p)).join('').repeat(300)],
    ['hyphen chain', 'camera-'.repeat(15_000) + 'toezicht'],
    ['dense hits with spaces', 'ANPR camera bodycam AI beeld camera’s DPIA evaluatie toezicht '.repeat(2_000)],
  ];
  for (const [name, text] of long) {
    const m = matcher.match(text);
    add(`matcher, ${name}`, m, m.length);
    const h = safeguards.match(text);
    add(`safeguards, ${name}`, h, h.length);
  }
  return out;
}

if (process.argv.includes('--write')) {
  writeFileSync(new URL('./golden.json', import.meta.url), JSON.stringify(goldenCases(), null, 1) + '\n');
  console.log('written test/unit/core/match/golden.json');
}
