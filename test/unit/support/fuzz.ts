// Values near a good one, for holding a hand-written guard to the zod schema it stands in for:
// every good sample, and mutants of it with one place (anywhere in the tree) removed, replaced by
// an odd JSON value, given an unknown key, or grown past a length bound. Seeded: the same run
// every time, so a failure can be replayed.

export { rng as seededRandom } from '../core/match/rng';

/** Values a field might wrongly (or rightly) hold. */
export const ODD_VALUES: unknown[] = [
  null, true, false, 0, -1, 1.5, 2 ** 53, 1, 2, 3, '', ' ', '  x  ', 'x', '#ABCDEF', '#abcde', 'camera', 'weer', 'ap-1', 'ap-4',
  'background', 'underline', 'standard', 'high-contrast', 'disabledCategories', 'highlight', 'word', 'stem', 'none', 'a.b-c', 'A', 'a..b',
  'x'.repeat(33), 'x'.repeat(81), 'x'.repeat(201), [], [1], ['camera'], ['x'], {}, { a: 1 },
  { exact: 'a', prefix: '', suffix: '', start: 0, end: 1 },
];

type Path = Array<string | number>;

function places(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => places(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) places(v, [...path, k], out);
  return out;
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
}

/** `count` mutants of `good` (deep copies; `good` is left alone). */
export function mutants(good: unknown, count: number, random: () => number): unknown[] {
  const out: unknown[] = [];
  const all = places(good);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  for (let n = 0; n < count; n++) {
    const copy = structuredClone(good);
    const path = pick(all);
    const kind = Math.floor(random() * 5);
    if (path.length === 0) {
      out.push(kind < 3 ? pick(ODD_VALUES) : copy);
      continue;
    }
    const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
    const key = path.at(-1)!;
    const here = parent[key];
    if (kind === 0) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (kind === 1 || kind === 2) {
      parent[key] = pick(ODD_VALUES);
    } else if (kind === 3 && here && typeof here === 'object' && !Array.isArray(here)) {
      (here as Record<string, unknown>)[pick(['extra', 'evil', 'page', 'id', 'note', 'forms', 'camera', 'weer'])] = pick(ODD_VALUES);
    } else if (Array.isArray(here) && here.length) {
      // Past a bound: copies of its first item (2001 for the anchors' max of 2000).
      const times = pick([1, 10, 201, 2001]);
      for (let i = 0; i < times; i++) here.push(structuredClone(here[0]));
    } else if (typeof here === 'string') {
      parent[key] = pick([' ' + here + ' ', here.toUpperCase(), here + 'x'.repeat(80), '']);
    } else if (typeof here === 'number') {
      parent[key] = pick([here + 0.5, -here - 1, here + 1, 2 ** 53]);
    } else {
      parent[key] = pick(ODD_VALUES);
    }
    out.push(copy);
  }
  return out;
}
