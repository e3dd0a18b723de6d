import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Answer, AnswerPassage, Answerer, PolicyDocument } from '../../src/types.js';
import { silentLogger, type Logger } from '../../src/logger.js';
import { projectRoot } from '../../src/paths.js';
import { redactPersonalData } from '../../src/privacy/redact.js';
import type { UsageLog } from '../../src/privacy/usage-log.js';
import { RateLimiter, retryAfterSeconds } from '../../src/rate-limit.js';
import { renderMarkdown, renderPlainText, renderShortText } from '../../src/render/text.js';
import { allowedHostSet, canonicalHost, hostOfHeader } from './host-check.js';
import { documentPath, renderDocumentListPage, renderDocumentPage, sectionPath } from './html.js';
import { BadRequestError, parseQuestionQuery, questionLimits } from './query.js';

/**
 * The support desk: a local web page and JSON API over an {@link Answerer}, served by Node's own http module.
 *
 * Routes:
 * - `GET /` — the page (static files from `adapters/web/public/`);
 * - `GET /api/answer?q=&top=` — the Answer, exactly the JSON of `ask --json`;
 * - `GET /api/render?q=&top=` — `{ answer, text, markdown, short, local }`: the same Answer, its paste-ready
 *   renderings (`short`: the answer sentence of the first passage), and local links to the cited sections (what the
 *   page uses);
 * - `GET /api/documents`, `GET /api/documents/:id` — documents and their sections;
 * - `GET /documents`, `GET /documents/:id`, `GET /policy` — the policy itself as HTML, with section anchors;
 * - `GET /healthz` — liveness and corpus size;
 * - any path in `routes` (e.g. Slack's `/slack/events`) — handed to that listener untouched.
 *
 * Every request must name an allowed host in `Host` (421 otherwise; see `host-check.ts`), except the mounted routes
 * listed in `hostCheckExempt`. `/api/answer` and `/api/render` are rate limited per client (429 with `Retry-After`).
 */

/** Options for {@link startWebServer}. */
export interface WebServerOptions {
  /** Bind address; loopback by default. Anything else logs a warning, as the desk has no authentication. */
  host?: string;
  /** TCP port; 0 picks a free one (the real one is in the returned `url`). */
  port?: number;
  /** Answers questions; read on every request, so a hot-reloading answerer is picked up without a restart. */
  answerer: Answerer;
  logger?: Logger;
  /** Extra listeners by exact path, e.g. `{ '/slack/events': slack.requestListener }`. */
  routes?: Record<string, http.RequestListener>;
  /** Opt-in usage log; questions asked on the desk are recorded as platform `web` (redacted by the log). */
  usageLog?: UsageLog;
  /** Folder of the page's static files. */
  publicDir?: string;
  /**
   * Host names (no port) the desk answers to besides `localhost`, `127.0.0.1`, `[::1]` and the bound host, e.g. the
   * public name of a reverse proxy. A request naming any other host in `Host` gets 421, which defeats DNS rebinding.
   */
  allowedHosts?: readonly string[];
  /**
   * Paths of `routes` that authenticate every request themselves and so skip the Host check, e.g. `/slack/events`,
   * whose requests bolt verifies against the signing secret, and which Slack sends with the public host in `Host`.
   * Only mounted routes may be listed: the desk's own routes have no authentication of their own.
   */
  hostCheckExempt?: readonly string[];
  /** Requests to `/api/answer` and `/api/render` allowed per client within `windowMs`, shared by both endpoints. */
  rateLimit?: { limit: number; windowMs: number };
  /**
   * The client a request counts against; the TCP peer address by default. Behind a reverse proxy every request comes
   * from the proxy, so the limit is shared by all its users unless this reads a header the proxy sets, which is safe
   * only when nothing can reach the desk except through that proxy. The default never trusts `X-Forwarded-For`.
   */
  rateLimitKey?: (req: http.IncomingMessage) => string;
}

/** A running support desk. */
export interface WebServer {
  /**
   * Base URL with the port actually bound, e.g. `http://127.0.0.1:3000`. For a wildcard bind (`0.0.0.0`, `::`) the
   * host is loopback, since browsers refuse the wildcard address; `address` has the real one.
   */
  url: string;
  /** The bound address and port as the socket reports them. */
  address: AddressInfo;
  server: http.Server;
  /**
   * Stops gracefully: stops accepting connections, closes idle keep-alive connections at once, lets requests in
   * flight finish (their responses say `Connection: close`, so each connection closes after its response) and, after
   * `graceMs`, closes whatever is still open. Resolves when every connection is closed.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** Defaults of {@link WebServerOptions}. */
export const defaultWebServerOptions = {
  host: '127.0.0.1',
  port: 3000,
  // Static files are not compiled, so the same folder serves both `adapters/web/server.ts` and `dist/adapters/web/server.js`.
  publicDir: join(projectRoot, 'adapters', 'web', 'public'),
  // Two questions a second, sustained: far more than a person typing, while one client address may be a whole office
  // behind NAT or the reverse proxy. Scripts get slowed down; the desk is for people.
  rateLimit: { limit: 120, windowMs: 60_000 },
  /** How long {@link WebServer.close} lets requests in flight finish before closing their connections. */
  closeGraceMs: 3_000,
  /** Node's own limit on the request line and headers together (its default, stated here because it is documented). */
  maxHeaderSize: 16 * 1024,
} as const;

/** The endpoints that run the answerer; the rest serve fixed content and are not limited. */
const RATE_LIMITED_PATHS: ReadonlySet<string> = new Set(['/api/answer', '/api/render']);

/**
 * The default rate-limit key: the TCP peer address, with IPv4-mapped IPv6 (`::ffff:10.0.0.1`) written as IPv4 so one
 * client has one key on a dual-stack socket.
 *
 * @example
 * clientAddress(req) // => '10.0.0.1' for a peer at '::ffff:10.0.0.1'; '2001:db8::1' stays as it is
 */
export function clientAddress(req: http.IncomingMessage): string {
  const address = req.socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}

/** Sent with every response, including errors and mounted routes. The page has no inline script or style. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

/** A response to send; `head` requests get the headers only. */
interface Reply {
  status: number;
  type: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Local links to the cited sections, parallel to `answer.passages`; null when a passage's section cannot be found. */
export interface LocalLinks {
  passages: (string | null)[];
  contact?: string | null;
}

/**
 * Body of `GET /api/render`. `text` is exactly `renderPlainText(answer)`, `markdown` exactly `renderMarkdown(answer)`,
 * `short` exactly `renderShortText(answer)` (what `ask --short` prints).
 */
export interface RenderedAnswer {
  answer: Answer;
  text: string;
  markdown: string;
  short: string;
  local: LocalLinks;
}

/**
 * True for addresses only this machine can reach.
 *
 * @example
 * isLoopbackHost('127.0.0.1') // => true
 * isLoopbackHost('0.0.0.0') // => false
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * The local link of a cited passage: its section in the desk's copy of its document, while that document is served.
 *
 * @example
 * localSectionLink(answerer.documents, answer.passages[0]) // => '/documents/datarobot-privacy-policy#data-retention'
 */
export function localSectionLink(documents: readonly PolicyDocument[], passage: AnswerPassage): string | null {
  // A reload may have dropped the document between answering and rendering.
  return documents.some((document) => document.id === passage.documentId) ? sectionPath(passage.documentId, passage.sectionId) : null;
}

/**
 * Builds the request listener of the support desk, for mounting in an existing server or for {@link startWebServer}.
 *
 * @example
 * const server = http.createServer(createWebHandler({ answerer }));
 */
export function createWebHandler(options: Omit<WebServerOptions, 'host' | 'port'>): http.RequestListener {
  const logger = options.logger ?? silentLogger;
  const publicDir = resolve(options.publicDir ?? defaultWebServerOptions.publicDir);
  const routes = options.routes ?? {};
  const allowedHosts = allowedHostSet(options.allowedHosts);
  const hostCheckExempt = new Set(options.hostCheckExempt ?? []);
  for (const path of hostCheckExempt) {
    if (!Object.hasOwn(routes, path)) throw new Error(`web: hostCheckExempt lists ${JSON.stringify(path)}, which is not a mounted route`);
  }
  const limiter = new RateLimiter(options.rateLimit ?? defaultWebServerOptions.rateLimit);
  const rateLimitKey = options.rateLimitKey ?? clientAddress;

  /** Both the `Host` header and, for an absolute-form target (`GET http://host/…`), its authority must be allowed. */
  const hostAllowed = (req: http.IncomingMessage, target: URL): boolean => {
    const host = hostOfHeader(req.headers.host);
    if (host === undefined || !allowedHosts.has(host)) return false;
    if ((req.url ?? '/').startsWith('/')) return true;
    const authority = canonicalHost(target.hostname);
    return authority !== undefined && allowedHosts.has(authority);
  };

  const enforceRateLimit = (req: http.IncomingMessage): void => {
    const decision = limiter.take(rateLimitKey(req));
    if (decision.allowed) return;
    const seconds = retryAfterSeconds(decision.retryAfterMs);
    throw new HttpError(429, `web: too many questions from this client; try again in ${seconds} s`, { 'Retry-After': String(seconds), 'Cache-Control': 'no-store' });
  };

  const answerFor = (params: URLSearchParams): Answer => {
    const query = parseQuestionQuery(params);
    const answer = query.top === undefined ? options.answerer.answer(query.question) : options.answerer.answer(query.question, { top: query.top });
    options.usageLog?.recordQuestion('web', answer);
    logger.debug('web: answered', { question: redactPersonalData(query.question), answered: answer.answered });
    return answer;
  };

  const route = async (req: http.IncomingMessage, method: string, pathname: string, params: URLSearchParams): Promise<Reply> => {
    // Before the method check: a flood of wrong-method requests is a flood all the same.
    if (RATE_LIMITED_PATHS.has(pathname)) enforceRateLimit(req);
    const allow = (...methods: string[]) => {
      if (!methods.includes(method)) throw new HttpError(405, `web: method ${shorten(method)} not allowed on ${shorten(pathname)}`, { Allow: methods.join(', ') });
    };

    if (pathname === '/api/answer') {
      allow('GET', 'HEAD');
      return json(200, answerFor(params), { 'Cache-Control': 'no-store' });
    }
    if (pathname === '/api/render') {
      allow('GET', 'HEAD');
      const answer = answerFor(params);
      const documents = options.answerer.documents;
      const local: LocalLinks = { passages: answer.passages.map((p) => localSectionLink(documents, p)) };
      if (answer.contact) local.contact = localSectionLink(documents, answer.contact);
      const body: RenderedAnswer = { answer, text: renderPlainText(answer), markdown: renderMarkdown(answer), short: renderShortText(answer), local };
      return json(200, body, { 'Cache-Control': 'no-store' });
    }
    if (pathname === '/api/documents') {
      allow('GET', 'HEAD');
      return json(200, { documents: options.answerer.documents.map(describeDocument) });
    }
    if (pathname.startsWith('/api/documents/')) {
      allow('GET', 'HEAD');
      const document = findDocument(options.answerer.documents, pathname.slice('/api/documents/'.length));
      return json(200, { ...describeDocument(document), sections: document.sections.map((s) => ({ id: s.id, path: s.path, level: s.path.length, text: s.text })) });
    }
    if (pathname === '/healthz') {
      allow('GET', 'HEAD');
      const documents = options.answerer.documents;
      const health: Record<string, unknown> = { status: 'ok', documents: documents.length, sections: documents.reduce((n, d) => n + d.sections.length, 0) };
      // Not part of the Answerer contract: the core's answerers expose their passages, the hot-reloading one their
      // count (its index lives on another thread) and whether it is rebuilding.
      const { passages, passageCount, rebuilding } = options.answerer as { passages?: unknown; passageCount?: unknown; rebuilding?: unknown };
      if (Array.isArray(passages)) health.passages = passages.length;
      else if (typeof passageCount === 'number') health.passages = passageCount;
      if (typeof rebuilding === 'boolean') health.rebuilding = rebuilding;
      return json(200, health, { 'Cache-Control': 'no-store' });
    }
    if (pathname === '/policy') {
      allow('GET', 'HEAD');
      const documents = options.answerer.documents;
      const location = documents.length === 1 ? documentPath(documents[0]!.id) : '/documents';
      return { status: 302, type: 'text/plain; charset=utf-8', body: `See ${location}\n`, headers: { Location: location } };
    }
    if (pathname === '/documents') {
      allow('GET', 'HEAD');
      return { status: 200, type: HTML_TYPE, body: renderDocumentListPage(options.answerer.documents), headers: { 'Cache-Control': 'no-cache' } };
    }
    if (pathname.startsWith('/documents/')) {
      allow('GET', 'HEAD');
      const document = findDocument(options.answerer.documents, pathname.slice('/documents/'.length));
      return { status: 200, type: HTML_TYPE, body: renderDocumentPage(document), headers: { 'Cache-Control': 'no-cache' } };
    }
    if (pathname.startsWith('/api/')) throw new HttpError(404, `web: no API endpoint ${shorten(pathname)}`);
    allow('GET', 'HEAD');
    return serveStatic(publicDir, pathname);
  };

  return (req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    const method = req.method ?? 'GET';
    let target: URL;
    try {
      target = requestUrl(req.url ?? '/');
    } catch {
      send(res, method, json(400, { error: 'web: malformed request URL' }));
      return;
    }

    const mounted = Object.hasOwn(routes, target.pathname) ? routes[target.pathname] : undefined;
    if (!(mounted && hostCheckExempt.has(target.pathname)) && !hostAllowed(req, target)) {
      // The header is not echoed: it is whatever the requesting page chose. Logged at debug only, since a hostile
      // page can send these as fast as it likes; an operator chasing a proxy set-up can turn debug on.
      logger.debug('web: refused a request for a host that is not allowed (421)', { host: shorten(req.headers.host ?? '(none)'), path: target.pathname });
      const problem = req.headers.host === undefined ? 'the request has no Host header' : 'the Host header names a host this desk does not serve';
      send(res, method, json(421, { error: `web: misdirected request: ${problem} (the operator can add host names with ALLOWED_HOSTS)` }, { 'Cache-Control': 'no-store' }));
      return;
    }
    if (mounted) {
      try {
        mounted(req, res);
      } catch (error) {
        logger.error('web: mounted route failed', { path: target.pathname, error });
        send(res, method, json(500, { error: 'web: internal error; see the server log' }));
      }
      return;
    }

    route(req, method, target.pathname, target.searchParams).then(
      (reply) => send(res, method, reply),
      (error: unknown) => {
        if (error instanceof BadRequestError) {
          send(res, method, json(400, { error: error.message }));
        } else if (error instanceof HttpError) {
          send(res, method, json(error.status, { error: error.message }, error.headers));
        } else {
          // The path only: the query holds the user's question.
          logger.error('web: request failed', { method, path: target.pathname, error });
          send(res, method, json(500, { error: 'web: internal error; see the server log' }));
        }
      },
    );
  };
}

/**
 * Starts the support desk and resolves once it is listening. Warns when bound to a non-loopback address.
 *
 * @example
 * const desk = await startWebServer({ host: '127.0.0.1', port: 0, answerer });
 * console.log(`Support desk: ${desk.url}`);
 * await desk.close();
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? defaultWebServerOptions.host;
  const port = options.port ?? defaultWebServerOptions.port;
  const logger = options.logger ?? silentLogger;
  // The bound host is allowed too (e.g. HOST=desk.lan), unless it is no host name at all.
  const boundHost = canonicalHost(host);
  const allowedHosts = [...(options.allowedHosts ?? []), ...(boundHost ? [boundHost] : [])];
  const handler = createWebHandler({ ...options, allowedHosts });
  // The response each connection is producing: a shutdown marks those not yet started `Connection: close`, and a
  // parse error on a connection whose response has begun must not write a second one into it.
  const responding = new Map<Socket, http.ServerResponse>();
  let closing = false;
  const server = http.createServer(
    {
      maxHeaderSize: defaultWebServerOptions.maxHeaderSize,
      // A request without Host reaches the Host check, which answers 421 with a JSON body; Node's own answer is bare.
      requireHostHeader: false,
    },
    (req, res) => {
      const socket = req.socket;
      responding.set(socket, res);
      res.once('close', () => {
        if (responding.get(socket) === res) responding.delete(socket);
        // After server.close(), a keep-alive connection whose last response just ended is idle: close it now rather
        // than after the keep-alive timeout.
        if (closing) setImmediate(() => server.closeIdleConnections());
      });
      if (closing) res.setHeader('Connection', 'close');
      handler(req, res);
    },
  );
  answerNodeErrors(server, responding, logger);

  await new Promise<void>((resolveListen, rejectListen) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'the port is already in use (set PORT to another one)' : error.message;
      rejectListen(new Error(`web: cannot listen on ${host}:${port}: ${reason}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolveListen();
    });
  });
  server.on('error', (error) => logger.error('web: server error', { error }));

  const address = server.address() as AddressInfo;
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const ipv6 = address.family === 'IPv6' || String(address.family) === '6';
  const urlHost = wildcard ? (ipv6 ? '[::1]' : '127.0.0.1') : ipv6 ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}`;
  if (!isLoopbackHost(host)) {
    logger.warn(
      `web: the support desk is listening on ${host}, not on loopback: anyone who can reach this machine can use it (there is no login). Set HOST=127.0.0.1 unless that is intended. Browsers must reach it by one of the allowed host names (ALLOWED_HOSTS adds more).`,
      { host, port: address.port, allowedHosts: [...allowedHostSet(allowedHosts)] },
    );
  }

  return {
    url,
    address,
    server,
    close: ({ graceMs = defaultWebServerOptions.closeGraceMs } = {}) =>
      new Promise<void>((resolveClose) => {
        closing = true;
        for (const res of responding.values()) if (!res.headersSent) res.setHeader('Connection', 'close');
        const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
        deadline.unref();
        server.close(() => {
          clearTimeout(deadline);
          resolveClose();
        });
        server.closeIdleConnections();
      }),
  };
}

/** Reason phrases of the statuses {@link answerNodeErrors} writes itself. */
const RAW_STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  414: 'URI Too Long',
  417: 'Expectation Failed',
  431: 'Request Header Fields Too Large',
};

/** Paths whose only long parameter is the question: an over-long URL there is an over-long `q`. */
const QUESTION_PATHS = /^[A-Z]+ \/api\/(?:answer|render)(?:[?# ]|$)/;

/**
 * Replaces Node's own bare error responses (malformed request line or headers, a request line or headers over
 * {@link defaultWebServerOptions.maxHeaderSize}, a timeout, an unsupported `Expect`, `CONNECT`) with the desk's:
 * a JSON `{ error }` body and the security headers, like every other response.
 */
function answerNodeErrors(server: http.Server, responding: ReadonlyMap<Socket, http.ServerResponse>, logger: Logger): void {
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    const response = responding.get(socket as Socket);
    // Nothing can be said on a dead socket, or after a response has begun on it (a second one would corrupt it).
    if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
      socket.destroy();
      return;
    }
    logger.debug('web: refused a request Node could not parse', { code: error.code });
    const [status, message] = describeClientError(error);
    writeRawError(socket, status, message);
  });
  server.on('checkExpectation', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const error = `web: cannot meet the expectation "${shorten(String(req.headers.expect))}"; only 100-continue is supported`;
    send(res, req.method ?? 'GET', json(417, { error }, { ...securityHeaders, Connection: 'close' }));
  });
  // Without a listener Node drops CONNECT requests without a word.
  server.on('connect', (_req: http.IncomingMessage, socket: Duplex) => writeRawError(socket, 405, 'web: CONNECT is not supported; this is not a proxy', { Allow: 'GET, HEAD' }));
}

function describeClientError(error: NodeJS.ErrnoException & { rawPacket?: Buffer }): [number, string] {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'web: the request took too long to arrive'];
  if (error.code !== 'HPE_HEADER_OVERFLOW') return [400, 'web: malformed HTTP request'];
  const limit = `${defaultWebServerOptions.maxHeaderSize / 1024} KiB`;
  // The request line is in the packet Node was parsing unless the client sent its head in pieces; if it has no end
  // there, or takes most of the limit, the URL is what overflowed.
  const raw = error.rawPacket;
  const start = raw ? raw.subarray(0, 64).toString('latin1') : '';
  const lineEnd = raw ? raw.indexOf('\r\n') : -1;
  const urlTooLong = /^[A-Z]+ \S/.test(start) && (lineEnd === -1 || lineEnd > defaultWebServerOptions.maxHeaderSize / 2);
  if (!urlTooLong) return [431, `web: request headers too large (the request line and headers together are limited to ${limit})`];
  if (QUESTION_PATHS.test(start)) {
    return [400, `web: parameter q is too long: the URL is over ${limit}, and a question is at most ${questionLimits.maxQuestionLength} characters`];
  }
  return [414, `web: request URL too long (limited to ${limit})`];
}

/** Writes a complete JSON error response on a socket Node's parser gave up on, and closes it. */
function writeRawError(socket: Duplex, status: number, message: string, headers: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify({ error: message }), 'utf8');
  const fields = {
    ...securityHeaders,
    ...headers,
    'Cache-Control': 'no-store',
    'Content-Type': JSON_TYPE,
    'Content-Length': String(body.length),
    Connection: 'close',
  };
  const head = `HTTP/1.1 ${status} ${RAW_STATUS_TEXT[status] ?? 'Error'}\r\n${Object.entries(fields)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  socket.end(Buffer.concat([Buffer.from(head, 'latin1'), body]));
}

function describeDocument(document: PolicyDocument) {
  return {
    id: document.id,
    title: document.title,
    url: document.url ?? null,
    updated: document.updated ?? null,
    sections: document.sections.map((s) => ({ id: s.id, path: s.path, level: s.path.length })),
  };
}

function findDocument(documents: readonly PolicyDocument[], encodedId: string): PolicyDocument {
  let id: string;
  try {
    id = decodeURIComponent(encodedId);
  } catch {
    throw new BadRequestError('malformed document id');
  }
  const document = documents.find((d) => d.id === id);
  if (!document) throw new HttpError(404, `web: no document "${shorten(id)}"`);
  return document;
}

/** Echoed request parts are cut short so an error response never grows with the input. */
function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, type: JSON_TYPE, body: JSON.stringify(value), headers };
}

/** Parses origin-form (`/path?x`) and absolute-form request targets; a leading `//` stays part of the path. */
function requestUrl(raw: string): URL {
  if (raw.startsWith('/')) return new URL(`http://desk.invalid${raw}`);
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  return url;
}

/**
 * Serves a file from the public folder. The decoded path is resolved and must stay inside the folder; hidden files and
 * unknown types are refused, so `..`, encoded `%2e%2e%2f`, backslashes and NUL bytes never reach the file system.
 */
async function serveStatic(publicDir: string, pathname: string): Promise<Reply> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    throw new BadRequestError('malformed path');
  }
  const notFound = new HttpError(404, `web: not found: ${shorten(pathname)}`);
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((segment) => segment.startsWith('.'))) throw notFound;
  const file = resolve(publicDir, `.${decoded}`);
  const type = CONTENT_TYPES[extname(file).toLowerCase()];
  if (!file.startsWith(publicDir + sep) || !type) throw notFound;
  try {
    if (!(await stat(file)).isFile()) throw notFound;
    return { status: 200, type, body: await readFile(file), headers: { 'Cache-Control': 'no-cache' } };
  } catch (error) {
    if (error === notFound || (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') throw notFound;
    throw error;
  }
}

function send(res: http.ServerResponse, method: string, reply: Reply): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  res.writeHead(reply.status, { ...reply.headers, 'Content-Type': reply.type, 'Content-Length': String(body.length) });
  res.end(method === 'HEAD' ? undefined : body);
}
