// Realistic text for the benchmarks: the evaluation documents (test/fixtures/eval, labels
// stripped) — raadsvoorstellen, moties, brieven and beleidsregels as a raadslid reads them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAnnotated } from './eval/annotations';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CorpusDocument {
  name: string;
  text: string;
}

export function evalDocuments(): CorpusDocument[] {
  const out: CorpusDocument[] = [];
  for (const set of ['tune', 'holdout']) {
    const dir = join(ROOT, 'test', 'fixtures', 'eval', set);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
      out.push({ name: `${set}/${f}`, text: parseAnnotated(readFileSync(join(dir, f), 'utf8'), f).text });
    }
  }
  return out;
}

/** `unit` repeated and cut to exactly `size` characters. */
export function repeatTo(unit: string, size: number): string {
  if (unit.length === 0) throw new Error('empty unit');
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same strings. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A line the summary table of run.mjs picks up; the bench prints its own table as well. */
/** The median (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function summary(bench: string, name: string, value: number, unit: string, note = ''): void {
  console.log(`BENCH\t${JSON.stringify({ bench, name, value, unit, note })}`);
}

/** Best of `runs` wall-clock times of fn, after one warm-up call. */
export function bestOf<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let result = fn();
  let ms = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, result };
}
