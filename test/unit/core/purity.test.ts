// lib/core is pure: it runs the same in the content script, the panel, the PDF viewer, Node (the
// command-line scanner, the benches) and these tests. Anything that needs the browser extension,
// a page's DOM or the reader's storage lives in lib/extension, lib/surface or lib/record; a file
// in core that reaches for one of them belongs there instead.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const CORE = 'lib/core';

/** Packages core may not import: the extension's browser API and what only a browser page has. */
const FORBIDDEN_PACKAGES = [/^wxt(\/|$)/, /^webextension-polyfill$/, /^idb$/, /^pdfjs-dist(\/|$)/, /^preact(\/|$)/];
/** Besides packages, core imports only core itself and the rule data at the top level. */
const ALLOWED_LOCAL = [`${CORE}/`, 'rules/'];
/** Globals that exist only in a browser page or an extension. */
const BROWSER_GLOBALS = new Set(['browser', 'chrome', 'document', 'window', 'navigator', 'indexedDB', 'localStorage', 'sessionStorage']);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx|mts)$/.test(e.name) ? [rel] : [];
  });
}

/** The repository path a module specifier of `file` points at, or undefined for a package. */
function localTarget(file: string, spec: string): string | undefined {
  if (spec.startsWith('@/') || spec.startsWith('~/')) return path.posix.normalize(spec.slice(2));
  if (spec.startsWith('.')) return path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
  return undefined;
}

/** Names the file declares itself (a parameter called `document` is not the page's document). */
function declaredNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (
      (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node) || ts.isFunctionDeclaration(node) ||
        ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isClassDeclaration(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    ) {
      names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** What makes `text` (the contents of `file` under lib/core) impure, one line per finding. */
function impurities(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const own = declaredNames(source);
  const found: string[] = [];
  const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;

  const checkSpecifier = (node: ts.Node, spec: string) => {
    const target = localTarget(file, spec);
    if (target === undefined) {
      if (FORBIDDEN_PACKAGES.some((rx) => rx.test(spec))) found.push(`${where(node)} imports '${spec}'`);
    } else if (!ALLOWED_LOCAL.some((prefix) => target.startsWith(prefix))) {
      found.push(`${where(node)} imports '${spec}' (${target}, outside lib/core)`);
    }
  };

  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      checkSpecifier(node, node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        checkSpecifier(node, node.arguments[0].text);
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      checkSpecifier(node, node.argument.literal.text);
    }

    if (ts.isIdentifier(node) && BROWSER_GLOBALS.has(node.text) && !own.has(node.text) && isValueReference(node)) {
      found.push(`${where(node)} uses ${node.text}`);
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'CSS' && node.name.text === 'highlights') {
      found.push(`${where(node)} uses CSS.highlights`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** An identifier read as a value, not a property name, a key, a label or part of a type. */
function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent) ||
    ts.isMethodSignature(parent) || ts.isEnumMember(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent)) && parent.name === node) {
    return false;
  }
  if (ts.isQualifiedName(parent) || ts.isTypeReferenceNode(parent) || ts.isLabeledStatement(parent)) return false;
  for (let n: ts.Node | undefined = parent; n; n = n.parent) {
    if (ts.isTypeNode(n) && !ts.isTypeQueryNode(n)) return false;
  }
  return true;
}

describe('lib/core is pure', () => {
  it('the check finds what it looks for (and not words in comments, strings or own names)', () => {
    const bad = [
      "import { browser } from 'wxt/browser';",
      "import polyfill from 'webextension-polyfill';",
      "import { t } from '@/lib/extension/i18n';",
      "import { walk } from '../../surface/page/scan/blocks';",
      "export { x } from '@/lib/surface/pdf';",
      "const m = await import('@/lib/record/db');",
      'browser.storage.local.get();',
      'chrome.runtime.id;',
      "document.querySelector('p');",
      'const w = window;',
      'const lang = navigator.language;',
      'CSS.highlights.clear();',
    ];
    for (const line of bad) expect(impurities(`${CORE}/sample.ts`, line), line).toHaveLength(1);
    const fine = [
      "// the document's window on the browser, chrome and navigator",
      "const s = 'document.title window.open'; const re = /document\\.x/;",
      'function score(document: string, window: number) { return document.length + window; }',
      'const o = { document: 1, window: 2 }; o.document; type T = { navigator: Navigator };',
      "import { foldText } from '../match/fold'; import data from '../../../rules/safeguards.json'; import { z } from 'zod';",
    ];
    for (const line of fine) expect(impurities(`${CORE}/analyse/sample.ts`, line), line).toEqual([]);
  });

  const files = sourceFiles(CORE);

  it('lib/core has its modules (the walk found them)', () => {
    for (const dir of ['match', 'rules', 'analyse', 'questions', 'anchor', 'lookup']) {
      expect(files.some((f) => f.startsWith(`${CORE}/${dir}/`)), dir).toBe(true);
    }
  });

  it('no file under lib/core imports the extension, a surface or storage, or touches a browser global', () => {
    const found = files.flatMap((f) => impurities(f, readFileSync(path.join(root, f), 'utf8')));
    expect(found).toEqual([]);
  });
});
