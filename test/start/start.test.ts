import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventBody, sendSlackRequest } from '../helpers/slack-requests.js';
import { killAllStarted, spawnStart } from '../helpers/web-process.js';
import { rawRequest, requireBuilt } from '../helpers/web-server.js';

// `npm start` as a real process: node dist/adapters/start.js with a controlled environment. Slack and Discord talk to
// fake APIs on loopback (SLACK_API_URL, DISCORD_API_URL), never to the internet.

const SLACK_BOT_TOKEN = 'xoxb-1111111111-2222222222-AbCdEfGhIjKlMnOpQrStUvWx';
const SLACK_SIGNING_SECRET = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
const SLACK_APP_TOKEN = 'xapp-1-A0000000000-1111111111111-abcdef0123456789abcdef0123456789';
const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';

let startJs: string;
let slackApi: http.Server;
let discordApi: http.Server;
let slackApiUrl: string;
let discordApiUrl: string;
/** auth.test answer of the fake Slack API: valid for the HTTP-mode test, invalid_auth for the failure test. */
const slackAuthValid = new Set<string>();
/** Every Web API call the fake Slack API received: method and form or JSON body. */
const slackCalls: { method: string; body: string }[] = [];

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  startJs = requireBuilt('adapters/start.ts');
  slackApi = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '') || new URLSearchParams(Buffer.concat(chunks).toString()).get('token') || '';
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
      slackCalls.push({ method: method ?? '', body: Buffer.concat(chunks).toString() });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      if (method === 'auth.test' && slackAuthValid.has(token)) {
        res.end(JSON.stringify({ ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'desk', team_id: 'T0001', user_id: 'U0001', bot_id: 'B0001' }));
      } else {
        res.end(JSON.stringify({ ok: false, error: 'invalid_auth' }));
      }
    });
  });
  discordApi = http.createServer((_req, res) => {
    res.writeHead(401, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ message: '401: Unauthorized', code: 0 }));
  });
  slackApiUrl = `${await listen(slackApi)}/api/`;
  discordApiUrl = await listen(discordApi);
});

afterAll(async () => {
  killAllStarted();
  for (const server of [slackApi, discordApi]) server?.closeAllConnections();
  await Promise.all([slackApi, discordApi].map((server) => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))));
});

/** Slack in HTTP mode against the fake Slack API, on a free port. */
function slackHttpEnv(): Record<string, string> {
  return { PORT: '0', SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL: slackApiUrl };
}

async function healthz(url: string): Promise<unknown> {
  const res = await rawRequest(url, '/healthz');
  expect(res.status).toBe(200);
  return JSON.parse(res.body);
}

describe('npm start', () => {
  it('serves the support desk on the bundled corpus without chat settings, prints the URL, and stops on SIGTERM', async () => {
    const app = spawnStart(startJs, { PORT: '0' });
    const [line, url] = await app.waitFor(/Support desk: (http:\/\/127\.0\.0\.1:\d+)\n/);
    expect(app.stdout()).toBe(line);
    expect(await healthz(url!)).toMatchObject({ status: 'ok', documents: 1 });
    const page = await rawRequest(url!, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<form id="ask-form"');
    const answer = await rawRequest(url!, '/api/answer?q=How+long+do+you+keep+my+data%3F');
    expect(JSON.parse(answer.body)).toMatchObject({ answered: true });

    app.child.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(app.stderr()).toContain('SIGTERM received, shutting down');
  });

  it('exits 1 on a malformed setting, naming the variable and not its value, before starting anything', async () => {
    const value = 'nope-this-is-not-a-token';
    const app = spawnStart(startJs, { PORT: '0', SLACK_BOT_TOKEN: value });
    expect((await app.exited).code).toBe(1);
    expect(app.stderr()).toContain('SLACK_BOT_TOKEN');
    expect(app.stderr()).not.toContain(value);
    expect(app.stdout()).toBe('');
  });

  it('answers to ALLOWED_HOSTS names only and rate-limits the API at WEB_RATE_LIMIT_MAX', async () => {
    const app = spawnStart(startJs, { PORT: '0', ALLOWED_HOSTS: 'desk.example.com', WEB_RATE_LIMIT_MAX: '2' });
    try {
      const [, url] = await app.waitFor(/Support desk: (http:\/\/127\.0\.0\.1:\d+)/);
      expect((await rawRequest(url!, '/', 'GET', undefined, { Host: 'desk.example.com' })).status).toBe(200);
      const forged = await rawRequest(url!, '/', 'GET', undefined, { Host: 'evil.example' });
      expect(forged.status).toBe(421);
      expect(JSON.parse(forged.body)).toEqual({ error: expect.stringContaining('ALLOWED_HOSTS') });
      const question = '/api/answer?q=How+long+do+you+keep+my+data%3F';
      expect((await rawRequest(url!, question)).status).toBe(200);
      expect((await rawRequest(url!, question, 'GET', undefined, { Host: 'desk.example.com' })).status).toBe(200);
      const limited = await rawRequest(url!, question);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    } finally {
      app.kill();
    }
  });

  it('exits 1 on a malformed ALLOWED_HOSTS, naming the variable and not its value', async () => {
    const app = spawnStart(startJs, { PORT: '0', ALLOWED_HOSTS: 'https://desk.example.com' });
    expect((await app.exited).code).toBe(1);
    expect(app.stderr()).toContain('ALLOWED_HOSTS');
    expect(app.stderr()).not.toContain('desk.example.com');
    expect(app.stdout()).toBe('');
  });

  it('exits 2 when the corpus is missing, naming the path', async () => {
    const missing = join(tmpdir(), 'no-such-policy-folder-for-start-test');
    const app = spawnStart(startJs, { PORT: '0', CORPUS_PATH: missing });
    expect((await app.exited).code).toBe(2);
    expect(app.stderr()).toBe(`corpus: ${missing} does not exist\n`);
    expect(app.stdout()).toBe('');
  });

  it('exits 1 with a clear message when the port is taken', async () => {
    const blocker = http.createServer();
    const port = new URL(await listen(blocker)).port;
    try {
      const app = spawnStart(startJs, { PORT: port });
      expect((await app.exited).code).toBe(1);
      expect(app.stderr()).toContain(`cannot listen on 127.0.0.1:${port}`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('warns when bound to a non-loopback address', async () => {
    const app = spawnStart(startJs, { PORT: '0', HOST: '0.0.0.0' });
    const [, url] = await app.waitFor(/Support desk: (http:\/\/127\.0\.0\.1:\d+) \(listening on 0\.0\.0\.0/);
    await app.waitFor(/not on loopback/, 'stderr');
    const warning = app.stderr().split('\n').find((l) => l.includes('not on loopback'))!;
    expect(JSON.parse(warning)).toMatchObject({ level: 'warn' });
    expect(await healthz(url!)).toMatchObject({ status: 'ok' });
    app.kill();
  });

  it('runs Slack in HTTP mode on the same port while Discord fails to log in, and leaks no secret', async () => {
    slackAuthValid.add(SLACK_BOT_TOKEN);
    const app = spawnStart(startJs, {
      ...slackHttpEnv(),
      DISCORD_TOKEN,
      DISCORD_API_URL: discordApiUrl,
    });
    try {
      const [, url] = await app.waitFor(/Support desk: (http:\/\/127\.0\.0\.1:\d+)/);
      await app.waitFor(/discord: could not start/, 'stderr');
      await app.waitFor(/slack: started/, 'stderr');

      // The desk keeps serving.
      expect(await healthz(url!)).toMatchObject({ status: 'ok' });

      // Slack's endpoint is mounted on the desk's port: a signed url_verification gets its challenge back…
      const body = JSON.stringify({ type: 'url_verification', challenge: 'challenge-4242', token: 'legacy' });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = `v0=${createHmac('sha256', SLACK_SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
      const verified = await fetch(`${url}/slack/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Slack-Request-Timestamp': timestamp, 'X-Slack-Signature': signature },
        body,
      });
      expect(verified.status).toBe(200);
      expect(await verified.text()).toContain('challenge-4242');
      // …and an unsigned request is refused by bolt.
      const unsigned = await fetch(`${url}/slack/events`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      expect(unsigned.status).toBe(401);
      expect(unsigned.headers.get('x-frame-options')).toBe('DENY');

      // Slack sends its public host in Host. /slack/events skips the Host check (bolt checks the signature instead),
      // without ALLOWED_HOSTS listing that host; the desk's own routes still refuse it.
      const publicHost = { Host: 'privacy-bot.example.org' };
      const viaProxy = await rawRequest(url!, '/slack/events', 'POST', body, { ...publicHost, 'X-Slack-Request-Timestamp': timestamp, 'X-Slack-Signature': signature });
      expect(viaProxy.status).toBe(200);
      expect(viaProxy.body).toContain('challenge-4242');
      expect((await rawRequest(url!, '/slack/events', 'POST', body, publicHost)).status).toBe(401);
      expect((await rawRequest(url!, '/healthz', 'GET', undefined, publicHost)).status).toBe(421);

      const output = app.stdout() + app.stderr();
      for (const secret of [SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, DISCORD_TOKEN]) expect(output).not.toContain(secret);

      app.child.kill('SIGINT');
      expect((await app.exited).code).toBe(0);
    } finally {
      app.kill();
      slackAuthValid.clear();
    }
  });

  it('passes DESK_PUBLIC_URL, SLACK_AUTO_ANSWER_CHANNELS and CHANNEL_RATE_LIMIT_MAX through to the Slack app', async () => {
    slackAuthValid.add(SLACK_BOT_TOKEN);
    const app = spawnStart(startJs, {
      ...slackHttpEnv(),
      SLACK_AUTO_ANSWER_CHANNELS: 'C0PRIVACY1',
      CHANNEL_RATE_LIMIT_MAX: '1',
      DESK_PUBLIC_URL: 'https://desk.example.com/',
      LOG_LEVEL: 'debug',
    });
    let events = 0;
    const send = async (url: string, event: Record<string, unknown>) => {
      const body = eventBody(event, `EvStart${++events}`);
      const response = await sendSlackRequest(`${url}/slack/events`, { signingSecret: SLACK_SIGNING_SECRET, body, contentType: 'application/json' });
      expect(response.status).toBe(200);
    };
    const callsTo = (method: string) => slackCalls.filter((call) => call.method === method);
    const waitForCalls = async (method: string, count: number) => {
      for (let i = 0; i < 200 && callsTo(method).length < count; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(callsTo(method).length).toBeGreaterThanOrEqual(count);
    };
    try {
      const [, url] = await app.waitFor(/Support desk: (http:\/\/127\.0\.0\.1:\d+)/);
      await app.waitFor(/slack: started/, 'stderr');
      await send(url!, { type: 'app_home_opened', user: 'U0HOME', channel: 'D0HOME', tab: 'home', event_ts: '1.1' });
      await waitForCalls('views.publish', 1);
      expect(decodeURIComponent(callsTo('views.publish')[0]!.body)).toContain('<https://desk.example.com/|open the support desk>');
      // Two questions from two people in the channel: the channel's limit of one automatic answer leaves the second.
      for (const [user, ts] of [['U0ONE', '1700000001.000100'], ['U0TWO', '1700000002.000100']]) {
        await send(url!, { type: 'message', channel: 'C0PRIVACY1', channel_type: 'channel', user, text: 'how long do you keep my data?', ts });
      }
      // The fake refuses the post (invalid_auth), which the bot logs; the second question never gets that far.
      await app.waitFor(/slack: automatic answer failed/, 'stderr');
      await app.waitFor(/"reason":"channel-rate-limited"/, 'stderr');
      expect(callsTo('chat.postMessage').map((call) => new URLSearchParams(call.body).get('thread_ts'))).toEqual(['1700000001.000100']);
      expect(app.stderr()).not.toContain('how long do you keep my data');
    } finally {
      app.kill();
      slackAuthValid.clear();
      slackCalls.length = 0;
    }
  });

  it('keeps the desk up when Slack Socket Mode cannot authenticate', async () => {
    const app = spawnStart(startJs, { PORT: '0', SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_API_URL: slackApiUrl });
    try {
      const [, url] = await app.waitFor(/Support desk: (http:\/\/127\.0\.0\.1:\d+)/);
      await app.waitFor(/slack: could not start/, 'stderr');
      const error = JSON.parse(app.stderr().split('\n').find((l) => l.includes('slack: could not start'))!) as { level: string; error?: { message?: string } };
      expect(error.level).toBe('error');
      expect(error.error?.message).toContain('invalid_auth');
      expect(await healthz(url!)).toMatchObject({ status: 'ok' });
      expect(app.stdout() + app.stderr()).not.toContain(SLACK_APP_TOKEN);
      expect(app.stdout() + app.stderr()).not.toContain(SLACK_BOT_TOKEN);
    } finally {
      app.kill();
    }
  });
});
