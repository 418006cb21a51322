// The content script is parsed on every portal page the reader opens: it carries no zod (its
// checks are hand-written guards held to the schemas, content-guard.test.ts, content-read.test.ts)
// and no webextension-polyfill (it calls the browser's own API, lib/extension/page-browser.ts).
// Follows the value imports from its entry through the source, as the bundler does; the modules
// the build replaces with validated JSON (wxt.config.ts VALIDATED_AT_BUILD) are taken as leaves.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../../..');
const ENTRY = 'entrypoints/content/index.ts';
const REPLACED_AT_BUILD = new Set(['lib/core/rules/builtin.ts', 'lib/core/rules/builtin-scan.ts', 'lib/surface/page/portals/gemeenten-list.ts']);

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
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
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

/** Every package the content script reaches, with one chain of modules that reaches it. */
function packagesReached(): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const via = new Map<string, string[]>([[ENTRY, [ENTRY]]]);
  const queue = [ENTRY];
  while (queue.length) {
    const file = queue.shift()!;
    if (REPLACED_AT_BUILD.has(file)) continue;
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
  return packages;
}

describe('the content script', () => {
  it('imports no zod', () => {
    const reached = packagesReached();
    expect(reached.get('zod'), `zod via ${reached.get('zod')?.join(' → ')}`).toBeUndefined();
    // The walk does find packages.
    expect([...reached.keys()]).toContain('approx-string-match');
  });

  it('imports no webextension-polyfill: not through wxt/browser, not directly', () => {
    const reached = packagesReached();
    for (const name of ['wxt', 'webextension-polyfill', '@wxt-dev/webextension-polyfill']) {
      expect(reached.get(name), `${name} via ${reached.get(name)?.join(' → ')}`).toBeUndefined();
    }
  });
});
