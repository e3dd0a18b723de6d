import http from 'node:http';
import { connect } from 'node:net';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createAnswerer } from '../../src/answerer.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Logger, LogLevel } from '../../src/logger.js';
import { bundledCorpusDir, projectRoot } from '../../src/paths.js';
import type { Answerer } from '../../src/types.js';
import { startWebServer, type WebServer, type WebServerOptions } from '../../adapters/web/server.js';

/** One call to a {@link RecordingLogger}. */
export interface LogRecord {
  level: LogLevel;
  message: string;
  fields?: Record<string, unknown>;
}

/** A logger that keeps every record, for asserting on what was (and was not) logged. */
export interface RecordingLogger extends Logger {
  records: LogRecord[];
  /** Everything logged, as one string (messages and fields), for "never contains" checks. */
  text(): string;
}

/**
 * Creates a logger that records instead of printing.
 *
 * @example
 * const logger = recordingLogger();
 * logger.records.filter((r) => r.level === 'error');
 */
export function recordingLogger(): RecordingLogger {
  const records: LogRecord[] = [];
  const add = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    records.push(fields ? { level, message, fields } : { level, message });
  };
  return {
    records,
    debug: add('debug'),
    info: add('info'),
    warn: add('warn'),
    error: add('error'),
    text: () =>
      records
        .map((r) => `${r.message} ${JSON.stringify(r.fields ?? {}, (_k, v: unknown) => (v instanceof Error ? v.message : v))}`)
        .join('\n'),
  };
}

let bundled: Answerer | undefined;

/** The real answerer over the bundled corpus, built once per test file. */
export function bundledAnswerer(): Answerer {
  bundled ??= createAnswerer(loadCorpus([bundledCorpusDir]));
  return bundled;
}

/** A support desk on loopback, port 0, with a recording logger. */
export interface TestDesk {
  desk: WebServer;
  answerer: Answerer;
  logger: RecordingLogger;
}

/**
 * Starts the real web server on 127.0.0.1:0 (close it with `desk.close()` in afterAll).
 *
 * @example
 * const { desk } = await startTestDesk();
 * const res = await fetch(`${desk.url}/healthz`);
 */
export async function startTestDesk(options: Partial<Omit<WebServerOptions, 'host' | 'port'>> = {}): Promise<TestDesk> {
  const logger = recordingLogger();
  const answerer = options.answerer ?? bundledAnswerer();
  const desk = await startWebServer({ ...options, host: '127.0.0.1', port: 0, answerer, logger });
  return { desk, answerer, logger };
}

/** A raw HTTP response: status, headers and body text. */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * Sends a request with the path exactly as given. fetch() would normalise `..` and encodings away, which is what a
 * path traversal test must not let happen; it also refuses to set `Host`, which the Host-check tests must forge.
 *
 * @example
 * const res = await rawRequest(desk.url, '/..%2fpackage.json');
 * const forged = await rawRequest(desk.url, '/', 'GET', undefined, { Host: 'evil.example' });
 */
export function rawRequest(baseUrl: string, path: string, method = 'GET', body?: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const bodyHeaders = body ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } : {};
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path, method, headers: { ...bodyHeaders, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Asserts that the server takes no new connection. Refused, or reset: Node ends idle connections and then closes the
 * listening socket, and a connection that slips in between (a loaded machine can pause the server there) is reset.
 *
 * @example
 * await desk.close();
 * await expectRefused(desk.url);
 */
export async function expectRefused(baseUrl: string): Promise<void> {
  const error = await rawRequest(baseUrl, '/healthz').then(
    (res) => new Error(`test: expected ${baseUrl} to refuse connections, got ${res.status}`),
    (thrown: NodeJS.ErrnoException) => thrown,
  );
  if (!['ECONNREFUSED', 'ECONNRESET'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
}

/**
 * Writes `data` byte for byte on a new connection and resolves with everything the server sent back before closing.
 * http.request cannot send a malformed request, one without Host, or an over-long one without its own limits.
 *
 * @example
 * const reply = await socketRequest(desk.url, 'GET /healthz HTTP/1.0\r\n\r\n');
 */
export function socketRequest(baseUrl: string, data: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(data));
    let response = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (response += chunk));
    socket.on('end', () => resolve(response));
    socket.on('error', reject);
  });
}

/** A raw HTTP/1.1 response split into status, lower-case headers and body. */
export function parseRawResponse(raw: string): RawResponse {
  const split = raw.indexOf('\r\n\r\n');
  if (split === -1) throw new Error(`test: not an HTTP response: ${JSON.stringify(raw.slice(0, 200))}`);
  const [statusLine, ...lines] = raw.slice(0, split).split('\r\n');
  const headers: http.IncomingHttpHeaders = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0), headers, body: raw.slice(split + 4) };
}

/**
 * Path of a compiled file under dist/, failing clearly when it is missing or older than its source, so a test never
 * silently runs yesterday's build. `npm test` builds first; alone, run `npm run build`.
 *
 * @example
 * const startJs = requireBuilt('adapters/start.ts'); // => <root>/dist/adapters/start.js
 */
export function requireBuilt(sourcePath: string): string {
  const source = join(projectRoot, sourcePath);
  const built = join(projectRoot, 'dist', sourcePath.replace(/\.ts$/, '.js'));
  if (!existsSync(built)) throw new Error(`test: ${built} does not exist; run \`npm run build\` first`);
  if (existsSync(source) && statSync(built).mtimeMs < statSync(source).mtimeMs) {
    throw new Error(`test: ${built} is older than ${sourcePath}; run \`npm run build\` first`);
  }
  return built;
}
