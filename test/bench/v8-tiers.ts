// What V8 optimised, and how often, in each isolate of a bench run (issue 17, target 5: "V8's
// compile on background threads" in a meeting scan is its Maglev and TurboFan jobs, not the
// scripts' parsing). Reads the logs V8 writes with
//   cd DIR && BENCH_JS_FLAGS="--log-deopt --log-code --logfile=v8.log" RAADSLENS_EXTENSION_DIR=… \
//     <repo>/node_modules/.bin/tsx <repo>/test/bench/meeting.bench.ts
// (one isolate-<address>-<pid>-v8.log per isolate in DIR, the browser's working directory) and
// prints per isolate: its script, the optimised compiles (Maglev, TurboFan; OSR counted in) and
// deoptimisations with their reasons, and the functions compiled most often (a minified bundle
// gives its position; RAADSLENS_NO_MINIFY=1 builds give our names).
// Caveat: an isolate made later at the same address in the same process (the cancel run's worker)
// writes over the file of the one before; copy the logs as soon as the panel's round is printed.
// Run: npx tsx test/bench/v8-tiers.ts DIR [top N]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: npx tsx test/bench/v8-tiers.ts DIR [N]');
const top = Number(process.argv[3] ?? 8);

/** V8's log marks a code object's tier after its function's name: + Maglev, * TurboFan (o before: OSR; ' after: context-specialised). */
const tierOf = (mark: string): 'maglev' | 'turbofan' | null => (/^o?\+'?$/.test(mark) ? 'maglev' : /^o?\*'?$/.test(mark) ? 'turbofan' : null);
const scriptOf = (where: string) => /([^/]+\.m?js)/.exec(where)?.[1] ?? '?';

for (const file of readdirSync(dir).filter((f) => /^isolate-.*-v8\.log$/.test(f))) {
  const compiles = { maglev: 0, turbofan: 0 };
  const perFunction = new Map<string, number>();
  const perScript = new Map<string, number>();
  const reasons = new Map<string, number>();
  let deopts = 0;
  for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
    if (line.startsWith('code-creation,JS,')) {
      const fields = line.split(',');
      const tier = tierOf(fields.at(-1)!);
      if (!tier) continue;
      compiles[tier]++;
      const name = fields[6]!.replace(/ \S*\/([^/\s]+)$/, ' $1');
      perFunction.set(`${tier} ${name}`, (perFunction.get(`${tier} ${name}`) ?? 0) + 1);
      const script = scriptOf(fields[6]!);
      perScript.set(script, (perScript.get(script) ?? 0) + 1);
    } else if (line.startsWith('code-deopt,')) {
      deopts++;
      const fields = line.split(',');
      const reason = `${fields[6]}: ${fields.at(-1)}`;
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  }
  if (compiles.maglev + compiles.turbofan === 0) continue;
  const main = [...perScript].sort((a, b) => b[1] - a[1])[0]![0];
  const list = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v}× ${k}`);
  console.log(`${file} (${main}): Maglev ${compiles.maglev}, TurboFan ${compiles.turbofan}; ${deopts} deoptimisations`);
  console.log(`  deoptimised: ${list(reasons, 4).join('; ')}`);
  console.log(`  compiled most often:\n${list(perFunction, top).map((l) => `    ${l}`).join('\n')}`);
}
