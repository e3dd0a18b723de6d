/**
 * Stress run: what an attacker and an operator would throw at the project, with the figures it yields. Not part of
 * `npm test` (it takes minutes and most of the machine); run `npm run stress` (`--quick` for a short run, `--json` for
 * one JSON object, `--root <dir>` to run the process-level parts against another checkout's build, for before/after).
 *
 * - Fuzzed questions (random ASCII and Unicode, lone surrogates, control characters, injections, pasted secrets and
 *   personal data, over-long text) through `ask --json` and through `/api/answer` of a running desk: crashes (a 5xx,
 *   a reset, a process that dies), p99 per question, and whether both give the same answer.
 * - A load run on the desk with the rate limit raised (as behind a proxy): requests/s, p99, errors, and the server's
 *   RSS growth; plus the rate limiter alone at a small and a huge limit.
 * - Hostile corpora (a 50 MB .txt, 100,000 headings, 2,500 unclosed `<b>`, 100,000 nested `<div>`): `ask --corpus` on
 *   each (time, exit code, first line of stderr, peak RSS), and each dropped into the corpus folder of a running desk
 *   (the hot reload's outcome, and `/healthz` latency while it rebuilds). The same for the ~10,000-passage generated
 *   corpus, touched while serving.
 *
 * Every input is reported, whatever happens to it: the script catches and records failures instead of stopping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCorpus } from '../src/corpus/load.js';
import { bundledCorpusDir, isEntryPoint, projectRoot } from '../src/paths.js';
import type { RateLimiter as RateLimiterClass } from '../src/rate-limit.js';
import { addTypo, defaultBenchOptions, readBenchQuestions, summarize, type LatencyStats } from './bench.js';
import { createRandom, generateCorpus, writeCorpus, type Random } from './generate-corpus.js';

/** Options of {@link runStress}. */
export interface StressOptions {
  /** Fewer questions, a shorter load run, smaller hostile inputs: a smoke run of a minute or so. */
  quick: boolean;
  json: boolean;
  /** Checkout whose `dist/` is exercised (start, ask, the rate limiter); this one by default. */
  root: string;
  seed: number;
  /** Sections to run; all by default. */
  sections: readonly StressSection[];
  onProgress: (message: string) => void;
}

/** The parts of the run, as `--only` names them. */
export const stressSections = ['fuzz', 'load', 'rate-limit', 'hostile'] as const;
export type StressSection = (typeof stressSections)[number];

/** Defaults of {@link StressOptions}. */
export const defaultStressOptions: StressOptions = {
  quick: false,
  json: false,
  root: projectRoot,
  seed: 20240317,
  sections: stressSections,
  onProgress: () => {},
};

/** Sizes of the full and quick runs. */
export const stressSizes = {
  full: { fuzzQuestions: 3_000, loadSeconds: 20, loadConcurrency: 16, bigTextMb: 50, headings: 100_000, nestedBold: 2_500, nestedDivs: 100_000, generatedPassages: 10_000 },
  quick: { fuzzQuestions: 300, loadSeconds: 3, loadConcurrency: 8, bigTextMb: 5, headings: 10_000, nestedBold: 2_500, nestedDivs: 10_000, generatedPassages: 2_000 },
} as const;

/** One line of the report. */
export interface StressResult {
  section: 'fuzz' | 'load' | 'rate-limit' | 'ask' | 'reload';
  input: string;
  /** Requests, questions or runs. */
  count: number;
  /** 5xx answers, resets, timeouts, processes that died, and (fuzz) answers that differ between ask and the API. */
  crashes: number;
  latency?: LatencyStats;
  requestsPerSecond?: number;
  rssGrowthMb?: number;
  /** What happened, in a few words (status counts, exit code, the log line of a reload). */
  outcome: string;
}

/** The whole report. */
export interface StressReport {
  root: string;
  quick: boolean;
  results: StressResult[];
}

// ---------------------------------------------------------------------------------------------------------------
// Fuzzed questions

const INJECTIONS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<!channel> <@U0123ABCD> @everyone @here',
  '[click](javascript:alert(1)) **bold** `code`',
  "' OR 1=1; DROP TABLE users; --",
  '../../../../etc/passwd %2e%2e%2f',
  '${process.exit(1)} {{7*7}} %s%s%s%n',
  '\u202egnp.exe\u202c \u200b\u200d\ufeff',
];
const PASTED = [
  'xoxb-1234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
  'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg',
  'jöhn.müller@example.de',
  '+1 (617) 555-0100',
  '2001:db8::7334',
  'www.example.com/reset?token=abc123',
];

function pickFrom<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function randomCodePoint(random: Random): string {
  const ranges: ReadonlyArray<readonly [number, number]> = [
    [0x20, 0x7e], // ASCII
    [0xa0, 0x24f], // Latin
    [0x300, 0x36f], // combining marks
    [0x590, 0x6ff], // Hebrew, Arabic
    [0x4e00, 0x4fff], // CJK
    [0x2000, 0x206f], // punctuation, zero-width, bidi controls
    [0x1f300, 0x1f64f], // emoji (astral)
    [0xd800, 0xdfff], // lone surrogates
    [0x0, 0x1f], // control characters
  ];
  const [low, high] = pickFrom(random, ranges);
  const code = low + Math.floor(random() * (high - low + 1));
  return code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : String.fromCodePoint(code);
}

/**
 * Deterministic fuzzed questions: real questions with typos and noise, random ASCII and Unicode, injections, pasted
 * secrets and personal data, over-long text. None holds a line break (`ask` reads one question per line) and each has
 * something besides white space, so `ask` answers every one.
 *
 * @example
 * fuzzQuestions(createRandom(1), 100, ['do you sell my data'])
 */
export function fuzzQuestions(random: Random, count: number, realQuestions: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const real = pickFrom(random, realQuestions);
    const kind = Math.floor(random() * 8);
    let question: string;
    if (kind === 0) question = addTypo(random, addTypo(random, real));
    else if (kind === 1) question = Array.from({ length: 1 + Math.floor(random() * 300) }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('');
    else if (kind === 2) question = Array.from({ length: 1 + Math.floor(random() * 200) }, () => randomCodePoint(random)).join('');
    else if (kind === 3) question = `${real} ${pickFrom(random, INJECTIONS)} ${pickFrom(random, INJECTIONS)}`;
    else if (kind === 4) question = `can I paste ${pickFrom(random, PASTED)} and ${pickFrom(random, PASTED)}? ${real}`;
    else if (kind === 5) question = `${real} `.repeat(Math.ceil((900 + random() * 2_100) / (real.length + 1)));
    else if (kind === 6) question = `\t ${real}\u0000\u001b[31m\u007f  \u00a0${'?'.repeat(Math.floor(random() * 50))}`;
    else question = `${real} ${randomCodePoint(random)}${randomCodePoint(random)} ${real.toUpperCase()}`;
    question = question.replace(/[\r\n]/g, ' ');
    out.push(question.trim() === '' ? `${question}x` : question);
  }
  return out;
}

/** Percent-encodes the UTF-8 bytes of `text` (a lone surrogate becomes U+FFFD, as it does on `ask`'s stdin). */
function encodeQuery(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Processes and requests

interface Desk {
  url: string;
  pid: number;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stderr after `offset`, or undefined after `timeoutMs`. */
  waitForLog(pattern: RegExp, offset: number, timeoutMs: number): Promise<RegExpMatchArray | undefined>;
  rssMb(): number;
  alive(): boolean;
  stop(): Promise<void>;
}

/** VmRSS of a process in MB, from /proc (0 when it is gone). */
function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? 0 : Number(kb) / 1024;
  } catch {
    return 0;
  }
}

function startDesk(root: string, env: Record<string, string>): Promise<Desk> {
  const child: ChildProcess = spawn(process.execPath, [join(root, 'dist', 'adapters', 'start.js')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let exited = false;
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<void>((resolveExit) => child.on('close', () => resolveExit()));
  void exit.then(() => (exited = true));
  const pid = child.pid ?? 0;
  const desk: Omit<Desk, 'url'> = {
    pid,
    stderr: () => stderr,
    waitForLog: async (pattern, offset, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = stderr.slice(offset).match(pattern);
        if (match || exited || Date.now() > deadline) return match ?? undefined;
        await sleep(20);
      }
    },
    rssMb: () => rssOf(pid),
    alive: () => !exited,
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 6_000);
      await exit;
      clearTimeout(killer);
    },
  };
  return new Promise((resolveDesk, rejectDesk) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const url = /Support desk: (\S+)/.exec(stdout)?.[1];
      if (url) {
        clearInterval(poll);
        resolveDesk({ ...desk, url });
      } else if (exited || Date.now() - started > 120_000) {
        clearInterval(poll);
        child.kill('SIGKILL');
        rejectDesk(new Error(`stress: the desk did not start: ${stderr.slice(0, 300)}`));
      }
    }, 20);
  });
}

interface Reply {
  status: number;
  body: string;
  ms: number;
  error?: string;
}

function get(agent: http.Agent, base: string, path: string, timeoutMs = 30_000): Promise<Reply> {
  const { hostname, port } = new URL(base);
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
  return new Promise((resolveReply) => {
    const req = http.get({ host: hostname, port, path, agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolveReply({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: elapsed() }));
      res.on('error', (error: NodeJS.ErrnoException) => resolveReply({ status: 0, body: '', ms: elapsed(), error: error.code ?? error.message }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error: NodeJS.ErrnoException) => resolveReply({ status: 0, body: '', ms: elapsed(), error: error.code ?? error.message }));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}

function countBy(values: readonly (string | number)[]): string {
  const counts = new Map<string | number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, n]) => `${value}×${n}`).join(' ');
}

/** Runs a process to its end, with its peak RSS sampled from /proc. */
function runProcess(command: string, args: readonly string[], input: string | undefined, timeoutMs: number, onLine?: (line: string) => void) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number; peakRssMb: number; timedOut: boolean }>(
    (resolveRun) => {
      const started = Date.now();
      const child = spawn(command, args, { cwd: projectRoot, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let pending = '';
      let peakRssMb = 0;
      let timedOut = false;
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (!onLine) return;
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) onLine(line);
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.stdin.on('error', () => {});
      child.stdin.end(input);
      const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssOf(child.pid ?? 0))), 50);
      const killer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.on('close', (code, signal) => {
        clearInterval(sampler);
        clearTimeout(killer);
        resolveRun({ code, signal, stdout, stderr, ms: Date.now() - started, peakRssMb, timedOut });
      });
    },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Sections

interface AnswerShape {
  answered: boolean;
  passages: Array<{ document: string; section: string[]; text: string }>;
}

function sameAnswer(a: AnswerShape, b: AnswerShape): boolean {
  const key = (answer: AnswerShape) => JSON.stringify([answer.answered, answer.passages.map((p) => [p.document, p.section, p.text])]);
  return key(a) === key(b);
}

async function fuzz(options: StressOptions, questions: readonly string[]): Promise<StressResult[]> {
  const { root } = options;
  // ask: all questions on stdin, one JSON line each; the gap between lines approximates each question's time.
  options.onProgress(`stress: ${questions.length} fuzzed questions through ask --json`);
  const gaps: number[] = [];
  let last = performance.now();
  const ask = await runProcess(process.execPath, [join(root, 'dist', 'src', 'cli', 'ask.js'), '--json'], `${questions.join('\n')}\n`, 300_000, () => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  });
  const askAnswers: (AnswerShape | undefined)[] = ask.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      try {
        return JSON.parse(line) as AnswerShape;
      } catch {
        return undefined;
      }
    });
  const askCrashes = (ask.code === 0 ? 0 : 1) + Math.abs(askAnswers.length - questions.length) + askAnswers.filter((a) => a === undefined).length;
  const results: StressResult[] = [
    {
      section: 'fuzz',
      input: 'ask --json (stdin)',
      count: questions.length,
      crashes: askCrashes,
      ...(gaps.length > 1 ? { latency: summarize(gaps.slice(1)) } : {}),
      outcome: `exit ${ask.code ?? ask.signal}, ${askAnswers.length} answers, ${(ask.ms / 1000).toFixed(1)} s, peak RSS ${ask.peakRssMb.toFixed(0)} MB${ask.stderr ? `, stderr: ${ask.stderr.slice(0, 120)}` : ''}`,
    },
  ];

  options.onProgress(`stress: the same questions through /api/answer`);
  const desk = await startDesk(root, { WEB_RATE_LIMIT_MAX: '1000000000' });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  try {
    const rssBefore = desk.rssMb();
    const replies: Reply[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < questions.length) {
          const index = next++;
          replies[index] = await get(agent, desk.url, `/api/answer?q=${encodeQuery(questions[index]!)}`);
        }
      }),
    );
    let differ = 0;
    replies.forEach((reply, i) => {
      const fromAsk = askAnswers[i];
      if (reply.status !== 200 || !fromAsk) return;
      if (!sameAnswer(JSON.parse(reply.body) as AnswerShape, fromAsk)) differ += 1;
    });
    const crashes = replies.filter((reply) => reply.status === 0 || reply.status >= 500).length + (desk.alive() ? 0 : 1) + differ;
    results.push({
      section: 'fuzz',
      input: 'GET /api/answer',
      count: replies.length,
      crashes,
      latency: summarize(replies.map((reply) => reply.ms)),
      rssGrowthMb: desk.rssMb() - rssBefore,
      outcome: `${countBy(replies.map((reply) => reply.error ?? reply.status))}; ${differ} answers differ from ask's`,
    });
  } finally {
    agent.destroy();
    await desk.stop();
  }
  return results;
}

async function load(options: StressOptions, questions: readonly string[], seconds: number, concurrency: number): Promise<StressResult> {
  options.onProgress(`stress: load run, ${concurrency} clients for ${seconds} s, WEB_RATE_LIMIT_MAX raised`);
  const desk = await startDesk(options.root, { WEB_RATE_LIMIT_MAX: '1000000000' });
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const random = createRandom(options.seed + 1);
  try {
    // Warm-up, then the measured run.
    for (let i = 0; i < 50; i++) await get(agent, desk.url, `/api/answer?q=${encodeQuery(pickFrom(random, questions))}`);
    const rssBefore = desk.rssMb();
    const replies: Reply[] = [];
    const started = Date.now();
    const end = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < end) replies.push(await get(agent, desk.url, `/api/answer?q=${encodeQuery(pickFrom(random, questions))}`));
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    return {
      section: 'load',
      input: `GET /api/answer, ${concurrency} clients`,
      count: replies.length,
      crashes: replies.filter((reply) => reply.status === 0 || reply.status >= 500).length + (desk.alive() ? 0 : 1),
      latency: summarize(replies.map((reply) => reply.ms)),
      requestsPerSecond: replies.length / elapsed,
      rssGrowthMb: desk.rssMb() - rssBefore,
      outcome: countBy(replies.map((reply) => reply.error ?? reply.status)),
    };
  } finally {
    agent.destroy();
    await desk.stop();
  }
}

async function rateLimiter(options: StressOptions): Promise<StressResult[]> {
  options.onProgress('stress: the rate limiter alone, one client, a small and a huge limit');
  const { RateLimiter } = (await import(join(options.root, 'dist', 'src', 'rate-limit.js'))) as { RateLimiter: typeof RateLimiterClass };
  // Few enough takes that a limiter whose cost grows with the requests in its window still finishes; the best of three
  // fresh limiters, since a few milliseconds of work on a busy machine are mostly noise.
  const takes = options.quick ? 5_000 : 30_000;
  return [120, 1_000_000].map((limit) => {
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const limiter = new RateLimiter({ limit, windowMs: 60_000 });
      const started = process.hrtime.bigint();
      for (let i = 0; i < takes; i++) limiter.take('one client behind a proxy');
      best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
    }
    return { section: 'rate-limit', input: `RateLimiter.take, limit ${limit.toLocaleString('en-US')}`, count: takes, crashes: 0, requestsPerSecond: takes / best, outcome: `${takes} takes in ${(best * 1000).toFixed(1)} ms (best of 3)` };
  });
}

/** Writes the hostile inputs into `folder`; returns their paths by label. */
function writeHostileInputs(folder: string, sizes: (typeof stressSizes)['full' | 'quick']): Array<{ label: string; file: string }> {
  mkdirSync(folder, { recursive: true });
  const scrape = readFileSync(join(projectRoot, 'corpus', 'raw', 'datarobot-privacy-page.txt'), 'utf8');
  const bigText = join(folder, 'big-scrape.txt');
  const target = sizes.bigTextMb * 1024 * 1024;
  writeFileSync(bigText, '');
  for (let written = 0, copy = 0; written < target; copy++) {
    const chunk = `${scrape.replace(/\bdata\b/g, `data ${copy}`)}\n`;
    appendFileSync(bigText, chunk);
    written += Buffer.byteLength(chunk);
  }
  const headings = join(folder, 'many-headings.md');
  const lines = ['# Many Headings Privacy Policy', ''];
  for (let i = 0; i < sizes.headings; i++) lines.push(`## Section ${i}`, '', `We keep record ${i} for ${(i % 90) + 1} days.`, '');
  writeFileSync(headings, lines.join('\n'));
  const bold = join(folder, 'nested-bold.html');
  writeFileSync(bold, `<html><body><h1>Nested Privacy Policy</h1><h2>Retention</h2>${'<b>'.repeat(sizes.nestedBold)}<p>We keep your data for two years.</p></body></html>`);
  const divs = join(folder, 'nested-divs.html');
  writeFileSync(divs, `<html><body><h1>Deep Privacy Policy</h1><h2>Retention</h2>${'<div>'.repeat(sizes.nestedDivs)}<p>We keep your data for two years.</p>${'</div>'.repeat(sizes.nestedDivs)}</body></html>`);
  return [
    { label: `${sizes.bigTextMb} MB .txt`, file: bigText },
    { label: `${sizes.headings.toLocaleString('en-US')} headings (.md)`, file: headings },
    { label: `${sizes.nestedBold.toLocaleString('en-US')} unclosed <b> (.html)`, file: bold },
    { label: `${sizes.nestedDivs.toLocaleString('en-US')} nested <div> (.html)`, file: divs },
  ];
}

async function askOnCorpus(options: StressOptions, label: string, file: string): Promise<StressResult> {
  options.onProgress(`stress: ask --corpus on ${label}`);
  const run = await runProcess(process.execPath, [join(options.root, 'dist', 'src', 'cli', 'ask.js'), '--json', '--corpus', file, 'how long do you keep my data?'], undefined, 180_000);
  // Exit 0 (answered) or 2 (a clear corpus error) are outcomes; a timeout, a signal or exit 1 (unexpected) are crashes.
  const crashed = run.timedOut || run.signal !== null || (run.code !== 0 && run.code !== 2);
  const said = run.code === 0 ? `answered: ${(JSON.parse(run.stdout.split('\n')[0] || '{}') as { answered?: boolean }).answered}` : run.stderr.split('\n')[0]!.slice(0, 140);
  return {
    section: 'ask',
    input: label,
    count: 1,
    crashes: crashed ? 1 : 0,
    latency: summarize([run.ms]),
    outcome: `${run.timedOut ? 'timed out' : `exit ${run.code ?? run.signal}`} in ${(run.ms / 1000).toFixed(1)} s, peak RSS ${run.peakRssMb.toFixed(0)} MB; ${said}`,
  };
}

/**
 * Changes the corpus folder of a running desk and polls `/healthz` until the reload is logged (or `timeoutMs`):
 * the latency of those requests is what users of the desk, Slack and Discord wait while the index is rebuilt.
 */
async function reloadUnderPolling(desk: Desk, label: string, change: () => void, timeoutMs: number): Promise<StressResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const offset = desk.stderr().length;
  const rssBefore = desk.rssMb();
  const samples: Reply[] = [];
  let outcome: RegExpMatchArray | undefined;
  const logged = desk.waitForLog(/"message":"(live-answerer: (?:corpus reloaded|reload failed[^"]*))"/, offset, timeoutMs).then((match) => (outcome = match));
  const started = Date.now();
  change();
  let settled = false;
  void logged.then(() => (settled = true));
  while (!settled) {
    samples.push(await get(agent, desk.url, '/healthz', timeoutMs));
    await sleep(10);
  }
  agent.destroy();
  const failures = samples.filter((reply) => reply.status !== 200).length;
  return {
    section: 'reload',
    input: label,
    count: samples.length,
    crashes: failures + (desk.alive() ? 0 : 1) + (outcome ? 0 : 1),
    ...(samples.length > 0 ? { latency: summarize(samples.map((reply) => reply.ms)) } : {}),
    rssGrowthMb: desk.rssMb() - rssBefore,
    outcome: outcome ? `${((Date.now() - started) / 1000).toFixed(1)} s: ${outcome[1]!.slice(0, 160)}` : `no reload logged within ${timeoutMs / 1000} s`,
  };
}

async function hostile(options: StressOptions, sizes: (typeof stressSizes)['full' | 'quick']): Promise<StressResult[]> {
  const work = mkdtempSync(join(tmpdir(), 'stress-'));
  const results: StressResult[] = [];
  try {
    options.onProgress('stress: writing the hostile inputs');
    const inputs = writeHostileInputs(join(work, 'inputs'), sizes);
    for (const { label, file } of inputs) results.push(await askOnCorpus(options, label, file));

    const folder = join(work, 'corpus');
    mkdirSync(folder);
    copyFileSync(join(bundledCorpusDir, 'datarobot-privacy-policy.md'), join(folder, 'datarobot-privacy-policy.md'));
    const desk = await startDesk(options.root, { CORPUS_PATH: folder });
    try {
      for (const { label, file } of inputs) {
        options.onProgress(`stress: hot reload with ${label} dropped into the corpus folder`);
        const dropped = join(folder, file.split('/').pop()!);
        results.push(await reloadUnderPolling(desk, `${label} dropped in`, () => copyFileSync(file, dropped), 240_000));
        // Back to the small corpus before the next input.
        await reloadUnderPolling(desk, 'removed', () => rmSync(dropped), 240_000);
      }
    } finally {
      await desk.stop();
    }

    options.onProgress(`stress: hot reload of a generated corpus of ~${sizes.generatedPassages.toLocaleString('en-US')} passages`);
    const generated = join(work, 'generated');
    const files = writeCorpus(generateCorpus(loadCorpus([bundledCorpusDir]), { targetPassages: sizes.generatedPassages, seed: options.seed }), generated);
    const large = await startDesk(options.root, { CORPUS_PATH: generated });
    try {
      const touched = files[0]!;
      results.push(
        await reloadUnderPolling(large, `${files.length} generated documents, one edited`, () => appendFileSync(touched, '\nWe also keep a copy of this sentence.\n'), 240_000),
      );
    } finally {
      await large.stop();
    }
  } catch (error) {
    results.push({ section: 'reload', input: 'hostile corpora', count: 0, crashes: 1, outcome: `the stress script itself failed here: ${error instanceof Error ? error.message : String(error)}` });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

/**
 * Runs every section and returns the report. Failures of the software under test are recorded, never thrown.
 *
 * @example
 * const report = await runStress({ quick: true });
 */
export async function runStress(options: Partial<StressOptions> = {}): Promise<StressReport> {
  const settings: StressOptions = { ...defaultStressOptions, ...options, root: resolve(options.root ?? defaultStressOptions.root) };
  const sizes = settings.quick ? stressSizes.quick : stressSizes.full;
  const real = readBenchQuestions(defaultBenchOptions.questionsPath).onTopic.map((entry) => entry.q);
  const questions = fuzzQuestions(createRandom(settings.seed), sizes.fuzzQuestions, real);
  const results: StressResult[] = [];
  const guard = async (part: StressSection, section: StressResult['section'], input: string, run: () => Promise<StressResult[]>) => {
    if (!settings.sections.includes(part)) return;
    try {
      results.push(...(await run()));
    } catch (error) {
      results.push({ section, input, count: 0, crashes: 1, outcome: `the stress script itself failed here: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  await guard('fuzz', 'fuzz', 'fuzzed questions', () => fuzz(settings, questions));
  await guard('load', 'load', 'load run', async () => [await load(settings, real, sizes.loadSeconds, sizes.loadConcurrency)]);
  await guard('rate-limit', 'rate-limit', 'rate limiter', () => rateLimiter(settings));
  await guard('hostile', 'reload', 'hostile corpora', () => hostile(settings, sizes));
  return { root: settings.root, quick: settings.quick, results };
}

function formatNumber(value: number | undefined, digits = 1): string {
  return value === undefined ? '' : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/**
 * The report as a table, one line per input.
 *
 * @example
 * process.stdout.write(formatStressReport(await runStress({ quick: true })));
 */
export function formatStressReport(report: StressReport): string {
  const header = ['section', 'input', 'count', 'crashes', 'p50 ms', 'p99 ms', 'max ms', 'req/s', 'RSS Δ MB', 'outcome'];
  const rows = report.results.map((r) => [
    r.section,
    r.input,
    String(r.count),
    String(r.crashes),
    formatNumber(r.latency?.p50Ms),
    formatNumber(r.latency?.p99Ms),
    formatNumber(r.latency?.maxMs),
    formatNumber(r.requestsPerSecond, 0),
    formatNumber(r.rssGrowthMb),
    r.outcome,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (i === header.length - 1 ? 0 : row[i]!.length))));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  const crashes = report.results.reduce((n, r) => n + r.crashes, 0);
  return `${[`stress run of ${report.root}${report.quick ? ' (quick)' : ''}`, line(header), ...rows.map(line), `total crashes: ${crashes}`].join('\n')}\n`;
}

/**
 * Reads `--quick`, `--json`, `--root <dir>` and `--only <section>` (repeatable: fuzz, load, rate-limit, hostile).
 *
 * @example
 * parseStressArgs(['--quick', '--root', '/tmp/base', '--only', 'hostile']) // => { quick: true, root: '/tmp/base', sections: ['hostile'] }
 */
export function parseStressArgs(argv: readonly string[]): Partial<StressOptions> {
  const options: Partial<StressOptions> = {};
  const only: StressSection[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--root' && argv[i + 1]) options.root = argv[++i]!;
    else if (arg === '--only' && (stressSections as readonly string[]).includes(argv[i + 1] ?? '')) only.push(argv[++i] as StressSection);
    else throw new Error(`stress: unknown option ${arg} (use --quick, --json, --root <dir>, --only ${stressSections.join('|')})`);
  }
  if (only.length > 0) options.sections = only;
  return options;
}

if (isEntryPoint(import.meta.url)) {
  try {
    const options = parseStressArgs(process.argv.slice(2));
    const report = await runStress({ ...options, onProgress: (message) => process.stderr.write(`${message}\n`) });
    process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : formatStressReport(report));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
