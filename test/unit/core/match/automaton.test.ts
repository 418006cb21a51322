import { describe, expect, it } from 'vitest';
import { UNKNOWN, buildAutomaton } from '../../../../lib/core/match/automaton';

function codes(s: string): Uint16Array {
  return Uint16Array.from(s, (c) => c.charCodeAt(0));
}

/** Every (pattern, end) the automaton reports, in scan order. */
function scan(patterns: string[], text: string): string[] {
  return scanWith(buildAutomaton(patterns.map(codes)), text);
}

function scanWith(a: ReturnType<typeof buildAutomaton>, text: string): string[] {
  const found: string[] = [];
  let row = a.start;
  for (let i = 0; i < text.length; i++) {
    const cls = a.classOf[text.charCodeAt(i)] ?? 0;
    let v = a.step[row + cls] ?? 0;
    if (v === UNKNOWN) v = a.fill(row, cls);
    expect(v).not.toBe(UNKNOWN);
    row = v < 0 ? ~v : v;
    const state = row / a.classCount;
    expect(v < 0).toBe(a.reports[state] === 1);
    if (a.reports[state] === 0) continue;
    const own = (a.outStart[state] ?? 0) !== (a.outStart[state + 1] ?? 0);
    for (let st = own ? state : (a.outLink[state] ?? -1); st >= 0; st = a.outLink[st] ?? -1) {
      for (let k = a.outStart[st] ?? 0; k < (a.outStart[st + 1] ?? 0); k++) found.push(`${a.outList[k]}@${i + 1}`);
    }
  }
  return found.sort();
}

/** The specification: every occurrence of every pattern, a hyphen and a space read as one. */
function naive(patterns: string[], text: string): string[] {
  const found: string[] = [];
  const same = (s: string) => s.replace(/-/g, ' ');
  const t = same(text);
  patterns.forEach((p, index) => {
    const q = same(p);
    for (let at = t.indexOf(q); at >= 0; at = t.indexOf(q, at + 1)) found.push(`${index}@${at + q.length}`);
  });
  return found.sort();
}

describe('buildAutomaton', () => {
  it('reports overlapping, nested and duplicate patterns', () => {
    const patterns = ['he', 'she', 'his', 'hers', 'she', 'e'];
    expect(scan(patterns, 'ushers')).toEqual(naive(patterns, 'ushers'));
    expect(scan(patterns, 'ushers')).toContain('4@4');
  });

  it('reads a hyphen as a space, both ways, and nothing else as either', () => {
    const patterns = ['wifi tracking', 'gps-tracker'];
    expect(scan(patterns, 'wifi-tracking, gps tracker, gps-tracker, wifi tracking, wifi_tracking')).toEqual(['0@13', '0@54', '1@26', '1@39']);
  });

  it('agrees with a naive search on random patterns and texts', () => {
    let seed = 12345;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const alphabet = 'abcé -';
    const word = (max: number): string => {
      let s = '';
      const len = 1 + Math.floor(next() * max);
      for (let k = 0; k < len; k++) s += alphabet[Math.floor(next() * alphabet.length)];
      return s;
    };
    let compared = 0;
    for (let run = 0; run < 300; run++) {
      const patterns = Array.from({ length: 1 + Math.floor(next() * 8) }, () => word(5));
      const text = word(60) + 'xyz' + word(60);
      const want = naive(patterns, text);
      expect(scan(patterns, text)).toEqual(want);
      compared += want.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('gives the same after its table was filled by earlier scans', () => {
    const patterns = ['camera', 'amera', 'era', 'cam', 'ameras', 'a'];
    const a = buildAutomaton(patterns.map(codes));
    for (const text of ['camerascamera', 'xcamerax ameras', 'cacacamera', 'camerascamera', 'aaa era']) {
      expect(scanWith(a, text)).toEqual(naive(patterns, text));
    }
  });
});
