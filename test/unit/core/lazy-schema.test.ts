import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { lazySchema } from '@/lib/core/lazy-schema';

/** Whether a lazy schema's inner schema has been built (zod keeps it on the lazy's def once built). */
function built(schema: z.ZodType): boolean {
  const def = schema._zod.def as { type: string; _cachedInner?: unknown };
  expect(def.type).toBe('lazy');
  return def._cachedInner !== undefined;
}

describe('lazySchema', () => {
  it('builds its schema at the first parse, once, and checks as that schema', () => {
    const build = vi.fn(() => z.strictObject({ naam: z.string().trim().min(1, 'vul een naam in') }));
    const schema = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(schema.parse({ naam: ' a ' })).toEqual({ naam: 'a' });
    const bad = schema.safeParse({ naam: ' ', extra: 1 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues).toEqual(build.mock.results[0]!.value.safeParse({ naam: ' ', extra: 1 }).error!.issues);
    expect(bad.error!.issues.map((i) => i.message)).toContain('vul een naam in');
    expect(build).toHaveBeenCalledTimes(1);
  });
});

describe("the side panel's modules build no rule, record or request schema at import", () => {
  it('leaves them unbuilt until one is parsed', async () => {
    vi.resetModules();
    // The panel's store pulls in the rules, the settings and the record modules.
    await import('@/lib/extension/ui/panel-store');
    const rules = await import('@/lib/core/rules/schema');
    const status = await import('@/lib/core/rules/status');
    const db = await import('@/lib/record/db/schema');
    const protocol = await import('@/lib/extension/messages/protocol');
    const lazy = [
      rules.CategoryPackSchema,
      rules.ApQuestionsDocSchema,
      rules.SafeguardsPackSchema,
      rules.OwnTermSchema,
      status.StatusRulesSchema,
      db.ChecklistSnapshotSchema,
      db.StoredDocumentSchema,
      db.StoredNoteSchema,
      db.StoredFlagSchema,
      db.StoredSettingSchema,
      db.StoredCorrectionSchema,
      protocol.BackgroundRequestSchema,
      protocol.ContentRequestSchema,
    ];
    for (const schema of lazy) expect(built(schema)).toBe(false);
    // Built on use, with the Dutch messages they always had.
    const flag = db.StoredFlagSchema.safeParse({
      id: crypto.randomUUID(),
      documentId: 'd',
      kind: 'match',
      anchor: undefined,
      reason: '',
      createdAt: 1,
      updatedAt: 1,
      revision: 1,
    });
    expect(flag.error!.issues.map((i) => i.message)).toEqual([
      'een markering van een passage of term heeft een anker nodig',
      'een markering van een term heeft een termId nodig',
    ]);
    expect(built(db.StoredFlagSchema)).toBe(true);
    expect(built(db.StoredNoteSchema)).toBe(false);
  });
});
