import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';

/** A spawned `node dist/adapters/start.js` (or `npm start`) with its output collected as it arrives. */
export interface StartProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in the stream; rejects if the process exits before printing it. */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr'): Promise<RegExpMatchArray>;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills the process (SIGKILL; for `npm start`, its whole process group) if it is still running; safe to call twice. */
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
  return track(child, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
}

/** Options of {@link spawnNpmStart}. */
export interface NpmStartOptions {
  /** Contents of the `.env` file next to package.json; none when absent. */
  dotenv?: string;
}

/**
 * Runs the documented command, `npm start`, exactly as a user or a process manager does: npm runs the package's start
 * script through a shell. It runs in a temporary folder holding a copy of package.json, a link to the built `dist/`
 * and the given `.env`, so a developer's own `.env` never reaches a test. npm leads its own process group, so
 * `process.kill(-child.pid, 'SIGINT')` plays a terminal's Ctrl-C (the signal goes to npm and node alike).
 *
 * @example
 * const app = spawnNpmStart({ PORT: '0' }, { dotenv: 'LOG_LEVEL=debug\n' });
 * process.kill(app.child.pid!, 'SIGTERM'); // what a process manager does
 */
export function spawnNpmStart(env: Record<string, string>, options: NpmStartOptions = {}): StartProcess {
  const folder = mkdtempSync(join(tmpdir(), 'npm-start-'));
  writeFileSync(join(folder, 'package.json'), readFileSync(join(projectRoot, 'package.json')));
  symlinkSync(join(projectRoot, 'dist'), join(folder, 'dist'));
  if (options.dotenv !== undefined) writeFileSync(join(folder, '.env'), options.dotenv);
  const child = spawn('npm', ['start'], {
    cwd: folder,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? tmpdir(),
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // The whole group: if npm died first, node would otherwise outlive the test.
  return track(child, () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  });
}

function track(child: ChildProcess, killAll: () => void): StartProcess {
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
    kill: killAll,
  };
  running.add(handle);
  return handle;
}

/** Kills every start process still running, and what each `npm start` left behind (for afterAll). */
export function killAllStarted(): void {
  for (const handle of running) handle.kill();
  running.clear();
}
