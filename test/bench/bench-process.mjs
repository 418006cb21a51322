// One bench as a child process: its BENCH lines collected as figures, its other lines handed on.
// Used by run.mjs (npm run bench) and compare.mjs (before/after of two trees).
import { spawn } from 'node:child_process';

/**
 * Runs `command args` in `cwd`; resolves with its exit code and figures. A bench that hangs (a
 * browser waiting forever) is stopped after `timeoutMs`: it runs in its own process group, so
 * that ends the bench and the browser it started, nothing else.
 * @returns {Promise<{ code: number, figures: { bench: string, name: string, value: number, unit: string, note: string }[] }>}
 */
export function runBench(command, args, { cwd, env = {}, timeoutMs, onTimeout = () => {}, onLine = () => {} }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    const timer = setTimeout(() => {
      onTimeout();
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }, timeoutMs);
    const figures = [];
    let buffer = '';
    const take = (line) => (line.startsWith('BENCH\t') ? figures.push(JSON.parse(line.slice(6))) : onLine(line));
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) !== -1) {
        take(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (buffer) take(buffer);
      resolve({ code: code ?? -1, figures });
    });
  });
}
