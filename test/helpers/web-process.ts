import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../../src/paths.js';

/** A spawned `node dist/adapters/start.js` with its output collected as it arrives. */
export interface StartProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in the stream; rejects if the process exits before printing it. */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr'): Promise<RegExpMatchArray>;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills the process (SIGKILL) if it is still running; safe to call twice. */
  kill(): void;
}

const running = new Set<StartProcess>();

/**
 * Spawns the start script with exactly the given environment (plus PATH), never the test runner's own: a developer's
 * real SLACK_ or DISCORD_ settings must not leak into a test.
 *
 * @example
 * const app = spawnStart('/work/main/dist/adapters/start.js', { PORT: '0' });
 * const [, url] = await app.waitFor(/Support desk: (\S+)/);
 */
export function spawnStart(script: string, env: Record<string, string>): StartProcess {
  const child = spawn(process.execPath, [script], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  const waiters: (() => void)[] = [];
  const notify = () => waiters.splice(0).forEach((wake) => wake());
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    output.stdout += chunk;
    notify();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    output.stderr += chunk;
    notify();
  });
  let hasExited = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      hasExited = true;
      running.delete(handle);
      notify();
      resolve({ code, signal });
    });
  });

  const handle: StartProcess = {
    child,
    stdout: () => output.stdout,
    stderr: () => output.stderr,
    exited,
    waitFor: (pattern, stream = 'stdout') =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = output[stream].match(pattern);
          if (match) return resolve(match);
          if (hasExited) {
            return reject(new Error(`start exited before printing ${pattern} on ${stream}.\nstdout: ${output.stdout}\nstderr: ${output.stderr}`));
          }
          waiters.push(check);
        };
        check();
      }),
    kill: () => {
      if (!hasExited) child.kill('SIGKILL');
    },
  };
  running.add(handle);
  return handle;
}

/** Kills every start process still running (for afterAll). */
export function killAllStarted(): void {
  for (const handle of running) handle.kill();
}
