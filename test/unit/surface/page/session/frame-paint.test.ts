import { describe, expect, it } from 'vitest';
import { FramePaint, PAINT_STEP } from '@/lib/surface/page/session/frame-paint';
import { taskNamer, noPhases, type BlockData } from '@/lib/surface/page/session/frame-scan';
import type { HighlightLayer } from '@/lib/surface/page/highlight/css-highlights';
import type { BlockIndex } from '@/lib/surface/page/scan/blocks';
import type { TermMatch } from '@/lib/core/match/types';

function layer(wrapsText: boolean) {
  const calls: string[] = [];
  const painted = new Map<string, unknown[]>();
  const l = {
    wrapsText,
    clear: () => {
      calls.push('clear');
      painted.clear();
    },
    add: (g: string, ranges: readonly unknown[]) => {
      calls.push(`add ${g} ${ranges.length}`);
      painted.set(g, [...(painted.get(g) ?? []), ...ranges]);
    },
    paintAll: (groups: Map<string, unknown[]>) => {
      calls.push('paintAll');
      for (const [g, r] of groups) painted.set(g, [...r]);
    },
  } as unknown as HighlightLayer;
  return { l, calls, painted };
}

/** An index of blocks with `per` matches each, alternating two categories; the ranges are stand-ins. */
function index(blocks: number, per: number): BlockIndex<BlockData> {
  let n = 0;
  return {
    blocks: Array.from({ length: blocks }, () => {
      const matches = Array.from({ length: per }, (_, i) => ({ category: i % 3 ? 'camera' : 'ai' }) as TermMatch);
      const ranges = matches.map(() => ({ id: n++ }) as unknown as AbstractRange);
      const data = { matches, hits: [], ranges, found: { matches, hits: [], ranges } };
      return { root: document.body, shallow: false, index: { text: '', nodes: [], starts: [], lengths: [], truncated: false }, data };
    }),
  } as unknown as BlockIndex<BlockData>;
}

const quiet = { take: () => [], deliver: () => {} };

describe('FramePaint.install', () => {
  it('paints a long page in steps of at most PAINT_STEP ranges, with exactly what one registration paints', () => {
    const { l, calls, painted } = layer(false);
    const paint = new FramePaint(document, l, quiet);
    const idx = index(300, 30); // 9,000 ranges
    const steps = paint.install(idx);
    let yields = 0;
    while (!steps.next().done) yields++;
    expect(calls[0]).toBe('clear');
    const adds = calls.filter((c) => c.startsWith('add')).map((c) => Number(c.split(' ')[2]));
    expect(Math.max(...adds)).toBeLessThanOrEqual(PAINT_STEP);
    expect(yields).toBe(adds.length - 1);
    const want = new Map<string, unknown[]>();
    for (const b of idx.blocks) b.data!.matches.forEach((m, i) => want.set(m.category, [...(want.get(m.category) ?? []), b.data!.ranges[i]]));
    expect(painted).toEqual(want);
  });

  it('paints everything in one step with a painter that wraps text', () => {
    const { l, calls } = layer(true);
    const steps = new FramePaint(document, l, quiet).install(index(300, 30));
    expect(steps.next().done).toBe(true);
    expect(calls).toEqual(['paintAll']);
  });
});

describe('taskNamer', () => {
  it('names each slice by the phase that took most of it and keeps the longest per phase', () => {
    const phases = noPhases();
    const t = taskNamer(phases);
    phases.walkMs += 30;
    phases.matchMs += 5;
    t.onSlice(36);
    phases.matchMs += 20;
    t.onSlice(21);
    phases.walkMs += 10;
    t.onSlice(11);
    t.onSlice(2); // nothing timed: bookkeeping between phases
    expect(t.longest).toEqual({ detectMs: 0, walkMs: 36, matchMs: 21, rangesMs: 0, paintMs: 0, other: 2 });
  });
});
