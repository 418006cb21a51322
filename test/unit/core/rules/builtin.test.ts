// An extension build carries the shipped rule set validated at build time instead of validating
// it on every page. What it carries must be exactly what validation gives.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledBuiltinModule, loadBuiltinRules } from '../../../../lib/core/rules/builtin';
import { compiledScanModule, loadScanRules, withoutSpellings } from '../../../../lib/core/rules/builtin-scan';
import { createScanner } from '../../../../lib/core/analyse/scanner';
import { importEmitted } from '../../support/emitted-module';

// The emitted module imports its unpacker; imported from a temporary directory, it needs the path.
const UNPACK = path.resolve(__dirname, '../../../../lib/core/rules/match-rules-pack.ts');

describe('compiledBuiltinModule', () => {
  it('evaluates to the validated rule set, status rules included without their notes, and hands out one shared object', async () => {
    const source = compiledBuiltinModule();
    // Imported as the module the build emits, not evaluated from a string.
    const { loadBuiltinRules: load } = await importEmitted<{ loadBuiltinRules: typeof loadBuiltinRules }>(source, 'builtin');
    const compiled = load();
    const { status, ...rest } = loadBuiltinRules();
    expect({ ...compiled, status: null }).toEqual({ ...rest, status: null });
    expect(compiled.categories.map((c) => c.id)).toEqual(loadBuiltinRules().categories.map((c) => c.id));
    // The status rules as validated, less every `note` and the `about` (for people editing the
    // file: the schema still asks for them there, rules/status.json has 68).
    const notes: string[] = [];
    const unnoted = JSON.parse(
      JSON.stringify(status, (k, v: unknown) => {
        if (k !== 'note' && k !== 'about') return v;
        notes.push(k);
        return undefined;
      }),
    ) as unknown;
    expect(notes.length).toBeGreaterThanOrEqual(60);
    expect(compiled.status).toEqual(unnoted);
    expect(JSON.stringify(compiled.status)).not.toMatch(/"(note|about)":/);
    expect(load()).toBe(compiled);
    // Only data and the one function: no zod, no parse code in what the content script loads.
    expect(source.replace(/JSON\.parse\(".*"\)/s, 'JSON.parse(…)')).not.toMatch(/import|require|safeParse/);
  });
});

describe('compiledScanModule', () => {
  it('evaluates to the terms to match: no status rules, labels, reasons, questions or notes, no spellings (their patterns come prebuilt); one shared object', async () => {
    const source = compiledScanModule(UNPACK);
    const { loadScanRules: load } = await importEmitted<{ loadScanRules: typeof loadScanRules }>(source, 'builtin-scan');
    const compiled = load();
    const full = loadBuiltinRules();
    expect(compiled).toEqual(withoutSpellings(loadScanRules()));
    expect(Object.keys(compiled).sort()).toEqual(['categories', 'safeguards']);
    expect(compiled.categories.map((c) => Object.keys(c).sort())).toEqual(full.categories.map(() => ['id', 'terms']));
    // Every term of the whole set, in the same order, as it is matched (a note is never matched;
    // forms, compounds and exceptions come as the prebuilt patterns instead).
    const strip = ({ note: _n, forms: _f, compounds: _c, except: _e, ...t }: { note?: string; forms?: unknown; compounds?: unknown; except?: unknown }) => t;
    expect(compiled.categories.map((c) => c.terms)).toEqual(full.categories.map((c) => c.terms.map(strip)));
    expect(compiled.safeguards.safeguards.map((g) => [g.id, g.terms])).toEqual(full.safeguards.safeguards.map((g) => [g.id, g.terms.map(strip)]));
    expect(compiled.safeguards.signals.map((g) => [g.id, g.terms])).toEqual(full.safeguards.signals.map((g) => [g.id, g.terms.map(strip)]));
    // The matcher finds on them what it finds on the whole rules (more in match-rules-pack.test.ts, compose.test.ts).
    const text = "Camera's met gezichtsherkenning, wifi-tracking en een DPIA; de cameraman niet.";
    expect(createScanner(compiled).find(text)).toEqual(createScanner(loadScanRules()).find(text));
    expect(load()).toBe(compiled);
    expect(source).not.toMatch(/toelichting|sharpening|followUp|"reason"|"label"/);
  });
});
