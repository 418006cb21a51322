// An extension build carries the shipped rule set validated at build time instead of validating
// it on every page. What it carries must be exactly what validation gives.
import { describe, expect, it } from 'vitest';
import { compiledBuiltinModule, loadBuiltinRules } from '../../../../lib/core/rules/builtin';

describe('compiledBuiltinModule', () => {
  it('evaluates to the validated rule set, status rules included, and hands out one shared object', () => {
    const source = compiledBuiltinModule();
    const load = new Function(`${source.replace(/^export /gm, '')}\nreturn loadBuiltinRules;`)() as () => ReturnType<typeof loadBuiltinRules>;
    const compiled = load();
    expect(compiled).toEqual(loadBuiltinRules());
    expect(compiled.categories.map((c) => c.id)).toEqual(loadBuiltinRules().categories.map((c) => c.id));
    expect(compiled.status).toEqual(loadBuiltinRules().status);
    expect(load()).toBe(compiled);
    // Only data and the one function: no zod, no parse code in what the content script loads.
    expect(source.replace(/JSON\.parse\(".*"\)/s, 'JSON.parse(…)')).not.toMatch(/import|require|safeParse/);
  });
});
