// Runs the built bot (dist/main.js, built by tests/global-setup.ts) as `npm start` would, with exactly the
// environment a test gives it, and collects everything it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const MAIN = resolve(ROOT, 'dist', 'main.js');
export const CORPUS = resolve(ROOT, 'corpus');

export interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();

/** Starts dist/main.js in `cwd` (no stray .env there) with `env` on top of PATH and HOME. */
export function startMain(env: Record<string, string>, cwd: string, input?: string): Run {
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, CORPUS_DIR: CORPUS, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk) => (out += String(chunk)));
  child.stderr!.on('data', (chunk) => (err += String(chunk)));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolveExit({ code, signal });
    }),
  );
  if (input !== undefined) child.stdin!.end(input);
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Resolves once the run has printed `text` (stdout or stderr): waits for the output, not for a set time. */
export function printed(run: Run, text: string, ms = 8000): Promise<void> {
  const seen = () => run.stdout().includes(text) || run.stderr().includes(text);
  if (seen()) return Promise.resolve();
  return within(
    new Promise<void>((resolve) => {
      const check = () => {
        if (!seen()) return;
        run.child.stdout!.off('data', check);
        run.child.stderr!.off('data', check);
        resolve();
      };
      // Listeners added after startMain's own, so the text is already in stdout()/stderr() when they run.
      run.child.stdout!.on('data', check);
      run.child.stderr!.on('data', check);
    }),
    ms,
    `output ${JSON.stringify(text)}`,
  );
}

/** Kills whatever a test left running (call from afterEach). */
export function killLeftovers(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms))),
  ]);
}

/** The JSON log lines of a run's stderr (other lines are skipped). */
export function logRecords(stderr: string): Array<Record<string, any>> {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, any>);
}
