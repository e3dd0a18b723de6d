/**
 * A local stand-in for Slack's Web API and response_url endpoints, for driving the real bolt app offline.
 * Records every call; answers `{ ok: true, … }` like Slack does.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from './slack-wait.js';

/** One request the app made. */
export interface RecordedCall {
  /** `api` for Web API methods (`/api/<method>`), `response` for response_url posts (`/response/<id>`). */
  kind: 'api' | 'response';
  /** The Web API method (e.g. `chat.postMessage`) or the response_url id. */
  name: string;
  /** Parsed body: JSON, or form fields with JSON-looking values (blocks) parsed. */
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

/** Options for {@link startFakeSlackApi}. */
export interface FakeSlackApiOptions {
  botUserId: string;
  botId: string;
  teamId: string;
  /** What apps.connections.open returns as `url` (Socket Mode). */
  socketUrl?: () => string;
}

export const defaultFakeSlackApiOptions: Readonly<FakeSlackApiOptions> = { botUserId: 'UBOT', botId: 'BBOT', teamId: 'T0TEST' };

export interface FakeSlackApi {
  /** Base of the Web API, for `clientOptions.slackApiUrl`, e.g. `http://127.0.0.1:1234/api/`. */
  apiUrl: string;
  /** A response_url on this server. */
  responseUrl(id: string): string;
  readonly calls: RecordedCall[];
  /** Calls of one Web API method or to one response_url id. */
  callsTo(name: string): RecordedCall[];
  /** Polls until `predicate` matches a recorded call; rejects with the calls so far after `timeoutMs`. */
  waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Sets the socket URL returned by apps.connections.open. */
  setSocketUrl(url: string): void;
  /**
   * From now on, answers Web API calls matching `predicate` with `{ ok: false, error }` (as Slack does, e.g.
   * `not_in_channel`). The call is still recorded.
   */
  failWhen(predicate: (call: RecordedCall) => boolean, error: string): void;
  close(): Promise<void>;
}

/**
 * Starts the fake on 127.0.0.1 with a random port.
 *
 * @example
 * const fake = await startFakeSlackApi();
 * const app = createSlackAdapter({ mode: 'http', botToken, signingSecret, apiUrl: fake.apiUrl }, deps);
 * await fake.waitForCall((c) => c.name === 'chat.postMessage');
 */
export async function startFakeSlackApi(options: Partial<FakeSlackApiOptions> = {}): Promise<FakeSlackApi> {
  const opts = { ...defaultFakeSlackApiOptions, ...options };
  const calls: RecordedCall[] = [];
  const failures: { predicate: (call: RecordedCall) => boolean; error: string }[] = [];
  let socketUrl = opts.socketUrl;
  let ts = 1_700_000_000;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const body = parseBody(raw, String(req.headers['content-type'] ?? ''));
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      const api = /^\/api\/([\w.]+)$/.exec(path);
      if (api?.[1]) {
        const call: RecordedCall = { kind: 'api', name: api[1], body, headers: req.headers };
        calls.push(call);
        const failure = failures.find((f) => f.predicate(call));
        reply(200, failure ? { ok: false, error: failure.error } : apiResponse(call.name, body));
        return;
      }
      const response = /^\/response\/([\w-]+)$/.exec(path);
      if (response?.[1]) {
        calls.push({ kind: 'response', name: response[1], body, headers: req.headers });
        reply(200, { ok: true });
        return;
      }
      reply(404, { ok: false, error: 'unknown_path' });
    });
  });

  const apiResponse = (name: string, body: Record<string, unknown>): Record<string, unknown> => {
    ts += 1;
    switch (name) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Test', user: 'privacy-assistant', team_id: opts.teamId, user_id: opts.botUserId, bot_id: opts.botId };
      case 'chat.postMessage':
        return { ok: true, channel: body['channel'], ts: `${ts}.000100`, message: { text: body['text'], bot_id: opts.botId, ts: `${ts}.000100` } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${ts}.000200` };
      case 'apps.connections.open':
        return socketUrl ? { ok: true, url: socketUrl() } : { ok: false, error: 'no_socket_url' };
      default:
        return { ok: true };
    }
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    callsTo: (name) => calls.filter((call) => call.name === name),
    waitForCall: (predicate, timeoutMs = 5000) =>
      waitFor(() => calls.find(predicate), { timeoutMs, describe: () => `calls so far: ${calls.map((c) => c.name).join(', ') || 'none'}` }),
    setSocketUrl: (url) => {
      socketUrl = () => url;
    },
    failWhen: (predicate, error) => {
      failures.push({ predicate, error });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : { value: parsed };
    } catch {
      return { raw };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return out;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
