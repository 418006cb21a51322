// Wraps a typed handler as a runtime.onMessage listener that works with the polyfill, native
// Chrome and WXT's fake browser alike, and turns every failure into a Reply instead of a throw.
import type { z } from 'zod';
import type { Reply } from './protocol';
import { describeIssues } from './describe-issues';

type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

function listenWith<T, C>(
  check: (raw: unknown) => Checked<T>,
  handle: (msg: T, context: C) => Promise<unknown> | unknown,
  contextOf: (sender: unknown) => C,
) {
  async function run(raw: unknown, sender: unknown): Promise<Reply> {
    const checked = check(raw);
    if (!checked.ok) return { ok: false, error: `Onbekend of onjuist bericht: ${checked.error}` };
    try {
      return { ok: true, value: (await handle(checked.value, contextOf(sender))) ?? null };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }
  return (raw: unknown, sender: unknown, sendResponse?: (r: Reply) => void): true | Promise<Reply> => {
    const p = run(raw, sender);
    if (typeof sendResponse !== 'function') return p;
    void p.then(sendResponse);
    return true;
  };
}

export function createListener<S extends z.ZodType, C>(
  schema: S,
  handle: (msg: z.infer<S>, context: C) => Promise<unknown> | unknown,
  contextOf: (sender: unknown) => C,
) {
  return listenWith<z.infer<S>, C>(
    (raw) => {
      const parsed = schema.safeParse(raw);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: describeIssues(parsed.error) };
    },
    handle,
    contextOf,
  );
}

/**
 * The same with a hand-written guard instead of a schema: for the content script, which carries
 * no zod (the guard is tested to accept exactly what the schema does).
 */
export function createGuardedListener<T, C>(
  guard: (raw: unknown) => raw is T,
  handle: (msg: T, context: C) => Promise<unknown> | unknown,
  contextOf: (sender: unknown) => C,
) {
  return listenWith<T, C>((raw) => (guard(raw) ? { ok: true, value: raw } : { ok: false, error: '(bericht): past niet in het protocol' }), handle, contextOf);
}
