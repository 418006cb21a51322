// Entry point of `npm run scan -- [--json] FILE...`: Node's file system and streams around
// runScan. Everything else lives in the modules next to this one.
import { readFile } from 'node:fs/promises';
import { runScan } from './run';

const code = await runScan(process.argv.slice(2), {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = code;
