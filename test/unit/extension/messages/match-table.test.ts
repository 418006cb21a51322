import { drain } from '@/lib/core/steps';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '@/lib/core/analyse';
import { unpackMatchesSteps,
  MATCH_SNIPPET_RADIUS,
  MAX_REPORTED_MATCHES,
  MatchTablePacker,
  type MatchSummary,
} from '@/lib/extension/messages/match-table';
import { MatchTableSchema } from '@/lib/extension/messages/match-table-schema';
import type { TermMatch } from '@/lib/core/match/types';
import { snippetAround } from '@/lib/core/questions';
import { loadBuiltinRules } from '@/lib/core/rules';
import type { CategoryId } from '@/lib/core/rules/schema';

type Block = { text: string; matches: TermMatch[] };

/** The list as it was built before packing: one summary per match, snippet from the whole block. */
function direct(blocks: readonly Block[]): MatchSummary[] {
  const out: MatchSummary[] = [];
  let offset = 0;
  for (const b of blocks) {
    for (const m of b.matches) {
      if (out.length < MAX_REPORTED_MATCHES) {
        out.push({
          index: out.length,
          start: m.start + offset,
          end: m.end + offset,
          termId: m.termId,
          category: m.category,
          text: m.text,
          snippet: snippetAround(b.text, m.start, m.end, MATCH_SNIPPET_RADIUS),
        });
      }
    }
    offset += b.text.length + 1;
  }
  return out;
}

function packed(blocks: readonly Block[]) {
  const packer = new MatchTablePacker();
  let offset = 0;
  for (const b of blocks) {
    if (!packer.full) packer.addBlock(b.text, offset, b.matches);
    offset += b.text.length + 1;
  }
  // Through JSON and the schema, as it crosses to the background and back out of storage.
  const parsed = MatchTableSchema.safeParse(JSON.parse(JSON.stringify(packer.table())));
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
}

function rng(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const CATS: CategoryId[] = ['camera', 'algoritme', 'sensor', 'data'];

/** Random text with white-space runs, words, astral letters, and random non-overlapping matches. */
function randomBlock(next: () => number, length: number, density: number): Block {
  const pieces = ['camera', ' ', '  ', '\n', '\t', '\u00a0', 'woord', 'x', '’s', '𝐀', '-', '.', 'ANPR'];
  let text = '';
  while (text.length < length) text += pieces[Math.floor(next() * pieces.length)]!;
  const matches: TermMatch[] = [];
  let at = 0;
  while (at < text.length) {
    at += Math.floor(next() * density);
    const len = 1 + Math.floor(next() * 12);
    if (at + len > text.length) break;
    const category = CATS[Math.floor(next() * CATS.length)]!;
    matches.push({ start: at, end: at + len, termId: `${category}.t${Math.floor(next() * 5)}`, category, text: text.slice(at, at + len) });
    at += len;
  }
  return { text, matches };
}

describe('match table', () => {
  it('unpacks to exactly the list made from whole blocks (random blocks, dense and sparse)', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const next = rng(seed);
      const blocks = Array.from({ length: 1 + Math.floor(next() * 6) }, () =>
        randomBlock(next, Math.floor(next() * 900), [3, 20, 80, 200, 600][seed % 5]!),
      );
      expect(drain(unpackMatchesSteps(packed(blocks))), `seed ${seed}`).toEqual(direct(blocks));
    }
  });

  it('unpacks real matches on council documents the same way', () => {
    const analyser = createAnalyser(loadBuiltinRules());
    const paragraphs = [
      'Het college stelt voor het cameratoezicht in de binnenstad uit te breiden met ANPR-camera’s en bodycams.',
      '   Er is   een DPIA\tgedaan; de functionaris gegevensbescherming (FG) heeft geadviseerd.   ',
      'Algoritme',
      'De pilot met slimme lantaarnpalen en wifi-tracking loopt tot 2027; sensoren meten drukte en geluid, drones filmen.',
    ];
    const blocks = Array.from({ length: 300 }, (_, i) => paragraphs[i % paragraphs.length]!.repeat(1 + (i % 3))).map((text) => ({
      text,
      matches: analyser.find(text).matches,
    }));
    expect(blocks.reduce((n, b) => n + b.matches.length, 0)).toBeGreaterThan(1000);
    expect(drain(unpackMatchesSteps(packed(blocks)))).toEqual(direct(blocks));
  });

  it('keeps the first MAX_REPORTED_MATCHES and shares contexts between neighbours', () => {
    const text = 'camera '.repeat(6000);
    const matches: TermMatch[] = Array.from({ length: 6000 }, (_, i) => ({
      start: i * 7,
      end: i * 7 + 6,
      termId: 'camera.camera',
      category: 'camera',
      text: 'camera',
    }));
    const table = packed([{ text, matches }]);
    expect(table.spans).toHaveLength(3 * MAX_REPORTED_MATCHES);
    expect(table.terms).toEqual([{ termId: 'camera.camera', category: 'camera' }]);
    expect(table.contexts).toHaveLength(1);
    expect(drain(unpackMatchesSteps(table))).toEqual(direct([{ text, matches }]));
  });

  it('rejects tables that do not hold together', () => {
    const ok = { terms: [{ termId: 'camera.camera', category: 'camera' }], spans: [3, 9, 0], contexts: [{ at: 0, text: 'De camera' }] };
    expect(MatchTableSchema.safeParse(ok).success).toBe(true);
    for (const bad of [
      { ...ok, spans: [3, 9] },
      { ...ok, spans: [3, 10, 0] },
      { ...ok, spans: [9, 3, 0] },
      { ...ok, spans: [3, 9, 0, 1, 2, 0] },
      { ...ok, spans: [3, 9, 1] },
      { ...ok, contexts: [] },
      { ...ok, contexts: [{ at: 0, text: 'De camera' }, { at: 5, text: 'x' }] },
      { ...ok, terms: [{ termId: '', category: 'camera' }] },
      { ...ok, spans: [0.5, 9, 0] },
      { ...ok, spans: [Number.NaN, 9, 0] },
      { ...ok, spans: [3, '9', 0] },
      { ...ok, contexts: [null] },
      { ...ok, contexts: [{ at: '0', text: 'De camera' }] },
    ]) {
      expect(MatchTableSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
