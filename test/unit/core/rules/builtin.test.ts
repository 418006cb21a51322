// An extension build carries the shipped rule set validated at build time instead of validating
// it on every page. What it carries must be exactly what validation gives.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledBuiltinModule, loadBuiltinRules } from '../../../../lib/core/rules/builtin';

describe('compiledBuiltinModule', () => {
  it('evaluates to the validated rule set, status rules included, and hands out one shared object', async () => {
    const source = compiledBuiltinModule();
    // Imported as the module the build emits, not evaluated from a string.
    const results = path.join(__dirname, '../../../../test-results');
    mkdirSync(results, { recursive: true });
    const dir = mkdtempSync(path.join(results, 'builtin-'));
    const file = path.join(dir, 'builtin.mjs');
    writeFileSync(file, source);
    const { loadBuiltinRules: load } = (await import(/* @vite-ignore */ file)) as { loadBuiltinRules: typeof loadBuiltinRules };
    rmSync(dir, { recursive: true, force: true });
    const compiled = load();
    expect(compiled).toEqual(loadBuiltinRules());
    expect(compiled.categories.map((c) => c.id)).toEqual(loadBuiltinRules().categories.map((c) => c.id));
    expect(compiled.status).toEqual(loadBuiltinRules().status);
    expect(load()).toBe(compiled);
    // Only data and the one function: no zod, no parse code in what the content script loads.
    expect(source.replace(/JSON\.parse\(".*"\)/s, 'JSON.parse(…)')).not.toMatch(/import|require|safeParse/);
  });
});
