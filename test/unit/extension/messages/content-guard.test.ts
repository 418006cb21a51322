// The content script checks its requests without zod (isContentRequest): it must accept exactly
// what ContentRequestSchema accepts, on good requests and on thousands of broken ones.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { ContentRequestSchema, type ContentRequest } from '@/lib/extension/messages/protocol';
import { isContentRequest } from '@/lib/extension/messages/content-guard';
import { createGuardedListener } from '@/lib/extension/messages/listen';
import { AnchorSchema } from '@/lib/core/anchor/schema';
import { isAnchor, type Anchor } from '@/lib/core/anchor/shape';
import { mutants, seededRandom } from '../../support/fuzz';

const anchor = { exact: 'camera', prefix: 'Een ', suffix: ' op het plein', start: 4, end: 10 };
const pdfAnchor = { ...anchor, page: 3 };
const GOOD: ContentRequest[] = [
  { type: 'scroll-to-match', index: 0 },
  { type: 'scroll-to-match', index: 41 },
  { type: 'scroll-to-anchor', anchor },
  { type: 'scroll-to-anchor', anchor: pdfAnchor },
  { type: 'get-selection' },
  { type: 'anchor-for-match', index: 7 },
  { type: 'locate-anchors', entries: [] },
  { type: 'locate-anchors', entries: [{ id: 'n1', anchor }, { id: 'f-2', anchor: pdfAnchor }] },
  { type: 'rescan' },
  { type: 'anchor-sentences', anchors: [anchor, pdfAnchor] },
  { type: 'anchor-sentences', anchors: [] },
  { type: 'next-match' },
  { type: 'prev-match' },
  { type: 'ping' },
  { type: 'report-details', key: 'mb3k2x-1' },
  { type: 'stop' },
];

describe('isContentRequest', () => {
  it('accepts every kind of good request', () => {
    for (const msg of GOOD) {
      expect(ContentRequestSchema.safeParse(msg).success, JSON.stringify(msg)).toBe(true);
      expect(isContentRequest(msg), JSON.stringify(msg)).toBe(true);
    }
  });

  it.each([
    ['no type', {}],
    ['unknown type', { type: 'nonsense' }],
    ['a string', 'ping'],
    ['null', null],
    ['an array', [{ type: 'ping' }]],
    ['an extra key', { type: 'ping', evil: true }],
    ['a fractional index', { type: 'scroll-to-match', index: 1.5 }],
    ['a negative index', { type: 'anchor-for-match', index: -1 }],
    ['an index past 2^53', { type: 'scroll-to-match', index: 2 ** 53 }],
    ['an anchor ending before its start', { type: 'scroll-to-anchor', anchor: { ...anchor, end: 4 } }],
    ['an empty quote', { type: 'scroll-to-anchor', anchor: { ...anchor, exact: '' } }],
    ['too long a prefix', { type: 'scroll-to-anchor', anchor: { ...anchor, prefix: 'x'.repeat(33) } }],
    ['page 0', { type: 'scroll-to-anchor', anchor: { ...anchor, page: 0 } }],
    ['an entry without id', { type: 'locate-anchors', entries: [{ id: '', anchor }] }],
    ['an entry with a key too many', { type: 'locate-anchors', entries: [{ id: 'n', anchor, x: 1 }] }],
    ['an empty report key', { type: 'report-details', key: '' }],
    ['a report key of 65 characters', { type: 'report-details', key: 'k'.repeat(65) }],
    ['a report key that is a number', { type: 'report-details', key: 17 }],
    ['2001 anchors', { type: 'anchor-sentences', anchors: Array.from({ length: 2001 }, () => anchor) }],
  ])('rejects %s, as the schema does', (_, msg) => {
    expect(ContentRequestSchema.safeParse(msg).success).toBe(false);
    expect(isContentRequest(msg)).toBe(false);
  });

  it('accepts and rejects exactly what ContentRequestSchema does on 20,000 broken requests', () => {
    const random = seededRandom(17);
    let accepted = 0;
    let rejected = 0;
    for (const good of GOOD) {
      for (const msg of mutants(good, 20_000 / GOOD.length, random)) {
        const zod = ContentRequestSchema.safeParse(msg).success;
        expect(isContentRequest(msg), JSON.stringify(msg).slice(0, 300)).toBe(zod);
        if (zod) accepted++;
        else rejected++;
      }
    }
    // Both sides were exercised: a fuzz that only ever rejects proves nothing.
    expect(accepted).toBeGreaterThan(1000);
    expect(rejected).toBeGreaterThan(1000);
  });

  it('isAnchor accepts exactly what AnchorSchema does', () => {
    const random = seededRandom(3);
    for (const a of [anchor, pdfAnchor, ...mutants(anchor, 3000, random), ...mutants(pdfAnchor, 3000, random)]) {
      expect(isAnchor(a), JSON.stringify(a)).toBe(AnchorSchema.safeParse(a).success);
    }
  });

  it('the hand-written Anchor is the schema\'s', () => {
    expectTypeOf<Anchor>().toEqualTypeOf<z.infer<typeof AnchorSchema>>();
  });

  it('a guarded listener answers a bad request with an error, and hands a good one on', async () => {
    const listener = createGuardedListener(isContentRequest, (msg) => (msg.type === 'ping' ? 'pong' : null), () => undefined);
    expect(await listener({ type: 'ping' }, {})).toEqual({ ok: true, value: 'pong' });
    const bad = (await listener({ type: 'ping', evil: 1 }, {})) as { ok: boolean; error: string };
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/Onbekend of onjuist bericht/);
  });
});
