// The content script is parsed on every portal page the reader opens: it carries no zod (its
// checks are hand-written guards held to the schemas, content-guard.test.ts, content-read.test.ts)
// and no webextension-polyfill (it calls the browser's own API, lib/extension/page-browser.ts).
// Follows the value imports from its entry through the source, as the bundler does; a module the
// build replaces with validated data (wxt.config.ts VALIDATED_AT_BUILD) is followed as the build
// emits it. Nor does it carry the matcher: the background matches for it (remote-match.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compiledBuiltinModule } from '@/lib/core/rules/builtin';
import { compiledScanModule } from '@/lib/core/rules/builtin-scan';
import { compiledPageModule } from '@/lib/core/rules/builtin-page';
import { compiledGemeentenModule } from '@/lib/surface/page/portals/gemeenten-list';

const root = path.resolve(__dirname, '../../../..');
const ENTRY = 'entrypoints/content/index.ts';
/** The reader's actions, put into a page only when the reader asks (lib/surface/page/session/reader-load.ts). */
const READER_ENTRY = 'entrypoints/reader.content.ts';
/** What the build emits in place of these modules (wxt.config.ts VALIDATED_AT_BUILD). */
const REPLACED_AT_BUILD: Record<string, () => string> = {
  'lib/core/rules/builtin.ts': compiledBuiltinModule,
  'lib/core/rules/builtin-scan.ts': compiledScanModule,
  'lib/core/rules/builtin-page.ts': compiledPageModule,
  'lib/surface/page/portals/gemeenten-list.ts': compiledGemeentenModule,
};

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? path.posix.join(path.posix.dirname(from), spec) : null;
  if (base === null) return null;
  const clean = base.split('?')[0]!;
  for (const candidate of [clean, `${clean}.ts`, `${clean}.tsx`, `${clean}/index.ts`]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(path.join(root, candidate))) return path.posix.normalize(candidate);
  }
  return ''; // JSON, CSS: data, not code that imports
}

/** The module specifiers `file` imports or re-exports for their values (type-only ones are erased). */
function valueImports(file: string): string[] {
  const text = REPLACED_AT_BUILD[file]?.() ?? readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (node.isTypeOnly) continue;
      const named = node.exportClause;
      if (named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)) continue;
      out.push(node.moduleSpecifier.text);
    }
  }
  return out;
}

/** Every package the content script reaches, with one chain of modules that reaches it; `modules`: the same for its own modules. */
function packagesReached(modules = new Map<string, string[]>(), entry = ENTRY): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const via = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    for (const spec of valueImports(file)) {
      const local = resolveLocal(file, spec);
      if (local === null) {
        const name = spec.match(/^(@[^/]+\/[^/]+|[^/]+)/)![1]!;
        if (!packages.has(name)) packages.set(name, via.get(file)!);
      } else if (local && !via.has(local)) {
        via.set(local, [...via.get(file)!, local]);
        queue.push(local);
      }
    }
  }
  for (const [file, chain] of via) modules.set(file, chain);
  return packages;
}

describe('the content script', () => {
  it('imports no zod, nor does the reader it loads', () => {
    for (const entry of [ENTRY, READER_ENTRY]) {
      const reached = packagesReached(new Map(), entry);
      expect(reached.get('zod'), `zod via ${reached.get('zod')?.join(' → ')}`).toBeUndefined();
    }
    // The walk does find packages.
    expect([...packagesReached(new Map(), READER_ENTRY).keys()]).toContain('approx-string-match');
  });

  it('imports no webextension-polyfill: not through wxt/browser, not directly, nor does the reader', () => {
    for (const entry of [ENTRY, READER_ENTRY]) {
      const reached = packagesReached(new Map(), entry);
      for (const name of ['wxt', 'webextension-polyfill', '@wxt-dev/webextension-polyfill']) {
        expect(reached.get(name), `${name} via ${reached.get(name)?.join(' → ')}`).toBeUndefined();
      }
    }
  });

  it("carries none of the reader's actions: finding a passage again, describing one, the page as a surface (reader.js has them)", () => {
    const modules = new Map<string, string[]>();
    const packages = packagesReached(modules);
    const reader = new Map<string, string[]>();
    packagesReached(reader, READER_ENTRY);
    const actions = ['lib/core/anchor/reanchor.ts', 'lib/core/anchor/describe.ts', 'lib/core/anchor/sentence.ts', 'lib/surface/page/page-surface.ts', 'lib/surface/document-surface.ts'];
    for (const file of actions) {
      expect(modules.get(file), `${file} via ${modules.get(file)?.join(' → ')}`).toBeUndefined();
      expect(reader.has(file), file).toBe(true);
    }
    expect(packages.get('approx-string-match'), `approx-string-match via ${packages.get('approx-string-match')?.join(' → ')}`).toBeUndefined();
  });

  it('carries no matcher: not the automaton, its compiler, the folding, nor the prebuilt patterns', () => {
    const modules = new Map<string, string[]>();
    packagesReached(modules);
    for (const file of ['lib/core/match/automaton.ts', 'lib/core/match/compile.ts', 'lib/core/match/fold.ts', 'lib/core/match/index.ts', 'lib/core/rules/match-rules-pack.ts', 'lib/core/analyse/scanner.ts']) {
      expect(modules.get(file), `${file} via ${modules.get(file)?.join(' → ')}`).toBeUndefined();
    }
    // The walk does reach what the page still does with the rules, as the build emits it.
    expect([...modules.keys()]).toEqual(expect.arrayContaining(['lib/core/analyse/scan-rules.ts', 'lib/core/rules/match-rules-text.ts']));
  });

  it('reads no document kind: neither rules/document-kind.json nor its reader (the background reads the opening the page sends)', () => {
    const modules = new Map<string, string[]>();
    packagesReached(modules);
    for (const file of ['lib/core/rules/document-kind.ts', 'lib/core/questions/document-kind.ts']) {
      expect(modules.get(file), `${file} via ${modules.get(file)?.join(' → ')}`).toBeUndefined();
    }
    expect([...modules.keys()]).toContain('lib/core/questions/page-window.ts');
  });
});
