// Small checks for data that crosses into the content script, where zod is not carried: each
// guard built from these is tested to accept exactly what its zod schema accepts.

export const isOffset = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A plain object whose own keys are all in `keys` (what a zod strictObject allows). */
export function hasOnlyKeys(x: unknown, keys: ReadonlySet<string>): x is Record<string, unknown> {
  if (!isPlainObject(x)) return false;
  for (const k in x) if (Object.hasOwn(x, k) && !keys.has(k)) return false;
  return true;
}

export function isArrayOf<T>(x: unknown, max: number, item: (v: unknown) => v is T): x is T[] {
  if (!Array.isArray(x) || x.length > max) return false;
  for (let i = 0; i < x.length; i++) if (!item(x[i])) return false;
  return true;
}
