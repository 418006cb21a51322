// Two source trees for an old-versus-new bench in one run: lib/ and rules/ of a git revision and
// those of the working tree, each next to the working tree's node_modules, so both bundle alike.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpus';

/** Creates `work`/ref (lib and rules of `rev`) and `work`/cur (links to the working tree's). */
export function refAndWorkingTrees(work: string, rev: string): { ref: string; cur: string } {
  const ref = join(work, 'ref');
  mkdirSync(ref);
  execSync(`git archive ${rev} lib rules | tar -x -C ${ref}`, { cwd: ROOT });
  symlinkSync(join(ROOT, 'node_modules'), join(ref, 'node_modules'));
  const cur = join(work, 'cur');
  mkdirSync(cur);
  for (const d of ['lib', 'rules', 'node_modules']) symlinkSync(join(ROOT, d), join(cur, d));
  return { ref, cur };
}

// lib/ was regrouped into core/, surface/, record/ and extension/. A REF from before that has the
// old folders: module paths in a bench's child script are mapped back for such a tree, so old and
// new can still be compared across the move.
const BEFORE_REGROUPING: Record<string, string> = {
  'lib/core/analyse': 'lib/analyse',
  'lib/core/anchor': 'lib/anchor',
  'lib/core/lookup': 'lib/lookup',
  'lib/core/match': 'lib/match',
  'lib/core/questions': 'lib/questions',
  'lib/core/rules': 'lib/rules',
  'lib/surface/page/session': 'lib/content',
  'lib/surface/page/scan': 'lib/scan',
  'lib/surface/page/portals': 'lib/portals',
  'lib/surface/page/highlight': 'lib/highlight',
  'lib/surface/pdf': 'lib/pdf',
  'lib/record/db': 'lib/db',
  'lib/record/export': 'lib/export',
  'lib/extension/background': 'lib/background',
  'lib/extension/i18n': 'lib/i18n',
  'lib/extension/messages': 'lib/messages',
  'lib/extension/permissions': 'lib/permissions',
  'lib/extension/settings': 'lib/settings',
  'lib/extension/tabs': 'lib/tabs',
  'lib/extension/ui': 'lib/ui',
};

/** `source` (a bench's child script) with its lib/ module paths as they are in `tree`. */
export function inLayoutOf(tree: string, source: string): string {
  if (existsSync(join(tree, 'lib', 'core'))) return source;
  return source.replace(/lib\/[\w/-]+/g, (path) => {
    const hit = Object.keys(BEFORE_REGROUPING).find((now) => path === now || path.startsWith(`${now}/`));
    return hit ? BEFORE_REGROUPING[hit] + path.slice(hit.length) : path;
  });
}
