// A module source the build emits in place of one of ours (wxt.config.ts, VALIDATED_AT_BUILD),
// imported as a module from a file (not evaluated from a string), as the bundle will run it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export async function importEmitted<T>(source: string, name: string): Promise<T> {
  const results = path.join(__dirname, '../../../test-results');
  mkdirSync(results, { recursive: true });
  const dir = mkdtempSync(path.join(results, `${name}-`));
  const file = path.join(dir, `${name}.mjs`);
  writeFileSync(file, source);
  try {
    return (await import(/* @vite-ignore */ file)) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
