// Two source trees for an old-versus-new bench in one run: lib/ and rules/ of a git revision and
// those of the working tree, each next to the working tree's node_modules, so both bundle alike.
import { execSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
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
