// The reading as the content script sends it (lib/core/questions/reading-wire.ts): packed on the
// page, unpacked in the background into exactly the StatusReading and match table the page had,
// on every document of the status eval's tune set and every demo page cut into blocks as a page
// is; and what no content script sends is refused with a Dutch message, never a crash.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '@/lib/core/analyse';
import { readHtml } from '@/lib/cli/readers';
import type { TermMatch } from '@/lib/core/match/types';
import type { SafeguardHit } from '@/lib/core/questions/found';
import { readingRanges, type StatusReading } from '@/lib/core/questions/reading-input';
import { MENTION_FIELDS, ReadingError, ReadingPacker, unpackReading, type SentReading } from '@/lib/core/questions/reading-wire';
import { snippetAround } from '@/lib/core/questions/snippet';
import { loadBuiltinRules } from '@/lib/core/rules';
import { MatchTablePacker } from '@/lib/extension/messages/match-table';
import { BackgroundRequestSchema } from '@/lib/extension/messages/protocol';
import { sampleReport } from '../../support/scan-report';

const FIXTURES = path.join(__dirname, '../../../fixtures');
const TUNE = path.join(FIXTURES, 'eval/status/tune');
const PAGES = path.join(FIXTURES, 'pages');
const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
const safeguardIds = new Set(rules.safeguards.safeguards.map((s) => s.id));

/**
 * A text as a page holds it: blocks (here its lines) matched one by one, joined with a line
 * break. `reading` is what the page sent before it packed (snippets from the mention's block).
 */
function page(text: string) {
  const blocks: Array<{ text: string; start: number }> = [];
  let at = 0;
  for (const line of text.split('\n')) {
    blocks.push({ text: line, start: at });
    at += line.length + 1;
  }
  const matches: TermMatch[] = [];
  const mentions: Array<SafeguardHit & { block: { text: string; start: number } }> = [];
  const table = new MatchTablePacker();
  for (const b of blocks) {
    const found = analyser.find(b.text);
    for (const m of found.matches) matches.push({ ...m, start: m.start + b.start, end: m.end + b.start });
    for (const h of found.safeguardHits) if (safeguardIds.has(h.group)) mentions.push({ ...h, start: h.start + b.start, end: h.end + b.start, block: b });
    if (!table.full) table.addBlock(b.text, b.start, found.matches);
  }
  const ranges = readingRanges(mentions, text.length);
  const windows = ranges.map((r) => ({ start: r.start, text: text.slice(r.start, r.end) }));
  const reading: StatusReading = {
    windows,
    mentions: mentions.map((h) => ({ group: h.group, start: h.start, end: h.end, text: h.text, termId: h.termId ?? '', snippet: snippetAround(h.block.text, h.start - h.block.start, h.end - h.block.start, 40) })),
    tech: matches.filter((m) => ranges.some((r) => m.start >= r.start && m.end <= r.end)).map((m) => ({ start: m.start, end: m.end, category: m.category })),
    rest: [],
  };
  const packer = new ReadingPacker();
  for (const t of reading.tech) packer.addTech(t);
  for (const h of mentions) packer.addMention(h, h.block.text, h.block.start);
  const contexts = table.table().contexts;
  const { reading: sent, kept } = packer.finish(windows, [], contexts);
  return { reading, contexts, sent, kept };
}

const documents = [
  ...readdirSync(TUNE).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: `tune/${f}`, text: async () => readFileSync(path.join(TUNE, f), 'utf8') })),
  ...readdirSync(PAGES).filter((f) => f.endsWith('.html')).sort().map((f) => ({ name: `pages/${f}`, text: async () => (await readHtml(new Uint8Array(readFileSync(path.join(PAGES, f))))).pages[0]!.text })),
];

describe('the reading packed for the message', () => {
  it.each(documents.map((d) => [d.name, d] as const))('%s: unpacked, it is the reading and match table the page had', async (_name, doc) => {
    const { reading, contexts, ...packed } = page(await doc.text());
    const sent = JSON.parse(JSON.stringify(packed.sent)) as SentReading;
    const kept = JSON.parse(JSON.stringify(packed.kept)) as typeof contexts;
    const back = unpackReading(sent, kept);
    expect(back.reading).toEqual(reading);
    expect(back.contexts).toEqual(contexts);
    // Smaller on the wire than the objects and context texts it stands for.
    if (reading.mentions.length > 0) {
      expect(JSON.stringify(sent).length + JSON.stringify(kept).length).toBeLessThan(JSON.stringify(reading).length + JSON.stringify(contexts).length);
    }
  });

  it('has documents whose contexts the windows hold', async () => {
    let held = 0;
    for (const d of documents) held += page(await d.text()).sent.held.length / 2;
    expect(held).toBeGreaterThan(100);
  });

  it('gives a mention in a block longer than its window the snippet of the whole block', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `woord${i}`).join(' ');
    const text = `${filler(600)} Er is een DPIA uitgevoerd voor de camera’s. ${filler(600)}\nDPIA aan het begin van een blok.\n${filler(900)} en dan de DPIA`;
    const { reading, contexts, sent, kept } = page(text);
    expect(reading.mentions.length).toBe(3);
    expect(reading.windows[0]!.start).toBeGreaterThan(0);
    const back = unpackReading(sent, kept);
    expect(back.reading.mentions.map((m) => m.snippet)).toEqual(reading.mentions.map((m) => m.snippet));
    expect(back.reading).toEqual(reading);
    expect(back.contexts).toEqual(contexts);
  });

  it('sends a mention whose text is not its place in the text by name', () => {
    const packer = new ReadingPacker();
    const text = 'Er komt een DPIA voor de camera’s.';
    packer.addMention({ group: 'dpia', start: 12, end: 16, text: 'D.P.I.A.', termId: 'dpia.dpia' }, text, 0);
    const { reading } = packer.finish([{ start: 0, text }], []);
    expect(unpackReading(reading).reading.mentions[0]!.text).toBe('D.P.I.A.');
  });

  const good = (): SentReading => {
    const packer = new ReadingPacker();
    const text = 'Het college plaatst camera’s. Er is geen DPIA gedaan.';
    packer.addTech({ start: 20, end: 28, category: 'camera' });
    packer.addMention({ group: 'dpia', start: 41, end: 45, text: 'DPIA', termId: 'dpia.dpia' }, text, 0);
    return packer.finish([{ start: 0, text }], []).reading;
  };

  it.each([
    ['mentions not in sevens', (r: SentReading) => ({ ...r, mentions: r.mentions.slice(1) })],
    ['a name out of range', (r: SentReading) => ({ ...r, mentions: r.mentions.map((x, i) => (i === 2 ? 99 : x)) })],
    ['a fraction', (r: SentReading) => ({ ...r, mentions: r.mentions.map((x, i) => (i === 0 ? 0.5 : x)) })],
    ['a mention outside every window', (r: SentReading) => ({ ...r, mentions: [900, 904, ...r.mentions.slice(2, 4), 0, 1000, -1] })],
    ['a mention outside its block', (r: SentReading) => ({ ...r, mentions: r.mentions.map((x, i) => (i === 4 ? 42 : x)) })],
    ['windows out of order', (r: SentReading) => ({ ...r, windows: [r.windows[0]!, { start: 3, text: 'x' }] })],
    ['a technology of no category', (r: SentReading) => ({ ...r, tech: [0, 1, 7] })],
    ['a technology before the text', (r: SentReading) => ({ ...r, tech: [-5, 1, 0] })],
    ['a context outside the windows', (r: SentReading) => ({ ...r, held: [10, 9000] })],
  ])('refuses %s with a Dutch message', (_, spoil) => {
    expect(() => unpackReading(good())).not.toThrow();
    expect(() => unpackReading(spoil(good()))).toThrow(ReadingError);
    expect(() => unpackReading(spoil(good()))).toThrow(/Scanresultaat onleesbaar/);
  });

  it('is checked with the match table at the protocol: a held context outside the windows is refused', () => {
    const { assessment: _a, ...report } = sampleReport();
    const found = { categories: [], signals: [] };
    const reading = good();
    expect(reading.mentions.length).toBe(MENTION_FIELDS);
    expect(BackgroundRequestSchema.safeParse({ type: 'scan-report', report: { ...report, found, reading } }).success).toBe(true);
    // The sample table's only context, sent as held: its text comes from the window.
    const held = { ...report, found, matches: { ...report.matches, contexts: [] }, reading: { ...reading, windows: [{ start: 0, text: 'Op De camera staat iets' }], held: [4, 13] } };
    expect(BackgroundRequestSchema.safeParse({ type: 'scan-report', report: held }).success).toBe(true);
    expect(BackgroundRequestSchema.safeParse({ type: 'scan-report', report: { ...held, reading: { ...held.reading, held: [4, 40] } } }).success).toBe(false);
    expect(BackgroundRequestSchema.safeParse({ type: 'scan-report', report: { ...held, reading: { ...held.reading, held: [] } } }).success).toBe(false);
  });
});
