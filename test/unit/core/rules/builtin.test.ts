// An extension build carries the shipped rule set validated at build time instead of validating
// it on every page. What it carries must be exactly what validation gives.
import { describe, expect, it } from 'vitest';
import { compiledBuiltinModule, loadBuiltinRules } from '../../../../lib/core/rules/builtin';
import { compiledScanModule, loadScanRules } from '../../../../lib/core/rules/builtin-scan';
import { importEmitted } from '../../support/emitted-module';

describe('compiledBuiltinModule', () => {
  it('evaluates to the validated rule set, status rules included, and hands out one shared object', async () => {
    const source = compiledBuiltinModule();
    // Imported as the module the build emits, not evaluated from a string.
    const { loadBuiltinRules: load } = await importEmitted<{ loadBuiltinRules: typeof loadBuiltinRules }>(source, 'builtin');
    const compiled = load();
    expect(compiled).toEqual(loadBuiltinRules());
    expect(compiled.categories.map((c) => c.id)).toEqual(loadBuiltinRules().categories.map((c) => c.id));
    expect(compiled.status).toEqual(loadBuiltinRules().status);
    expect(load()).toBe(compiled);
    // Only data and the one function: no zod, no parse code in what the content script loads.
    expect(source.replace(/JSON\.parse\(".*"\)/s, 'JSON.parse(…)')).not.toMatch(/import|require|safeParse/);
  });
});

describe('compiledScanModule', () => {
  it('evaluates to the validated rule set without the status rules, one shared object', async () => {
    const source = compiledScanModule();
    const { loadScanRules: load } = await importEmitted<{ loadScanRules: typeof loadScanRules }>(source, 'builtin-scan');
    const compiled = load();
    const { status: _status, ...rest } = loadBuiltinRules();
    expect(compiled).toEqual(rest);
    expect(compiled).not.toHaveProperty('status');
    expect(load()).toBe(compiled);
    expect(source.length).toBeLessThan(compiledBuiltinModule().length - JSON.stringify(loadBuiltinRules().status).length);
  });
});
