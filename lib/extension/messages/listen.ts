// Wraps a typed handler as a runtime.onMessage listener that works with the polyfill, native
// Chrome and WXT's fake browser alike, and turns every failure into a Reply instead of a throw.
import type { z } from 'zod';
import type { Reply } from './protocol';
import { describeIssues } from './describe-issues';

export function createListener<S extends z.ZodType, C>(
  schema: S,
  handle: (msg: z.infer<S>, context: C) => Promise<unknown> | unknown,
  contextOf: (sender: unknown) => C,
) {
  async function run(raw: unknown, sender: unknown): Promise<Reply> {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: `Onbekend of onjuist bericht: ${describeIssues(parsed.error)}` };
    try {
      return { ok: true, value: (await handle(parsed.data, contextOf(sender))) ?? null };
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
