import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../helpers/discord-fake.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slack-fake-api.js';
import { slackSignature } from '../helpers/slack-requests.js';
import { killAllStarted, spawnNpmStart, type StartProcess } from '../helpers/web-process.js';
import { expectRefused, rawRequest, requireBuilt } from '../helpers/web-server.js';

// The documented command, `npm start`, signalled the way a process manager (SIGTERM to npm's pid) or a terminal
// (Ctrl-C: SIGINT to npm and node together) does. npm runs the start script through a shell; the signal must reach
// node, which stops within 5 s, finishing what is in flight.

const SIGNING_SECRET = 'NpmStartSigningSecret0123456789ab';
const STOP_LIMIT_MS = 5_000;

let slackApi: FakeSlackApi;
let discord: FakeDiscord;

beforeAll(async () => {
  requireBuilt('adapters/start.ts');
  slackApi = await startFakeSlackApi();
  discord = await startFakeDiscord();
});

afterAll(async () => {
  killAllStarted();
  await Promise.all([slackApi?.close(), discord?.close()]);
});

function openSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server sends on `socket` until it closes it: 'end' (a clean close) or the error code. */
function collect(socket: Socket): Promise<{ data: string; ending: string }> {
  let data = '';
  socket.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
  return new Promise((resolve) => {
    socket.on('end', () => resolve({ data, ending: 'end' }));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve({ data, ending: error.code ?? error.message }));
  });
}

async function deskUrl(app: StartProcess): Promise<string> {
  const [, url] = await app.waitFor(/Support desk: (http:\/\/127\.0\.0\.1:\d+)/);
  return url!;
}

describe('npm start', () => {
  it('stops within 5 s of SIGTERM to npm: finishes the request in flight, closes keep-alive cleanly, stops Discord', async () => {
    const app = spawnNpmStart({
      PORT: '0',
      SLACK_BOT_TOKEN: 'xoxb-1111-2222-npmstarttokenvalue',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slackApi.apiUrl,
      DISCORD_TOKEN: discord.options.token,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_ANSWER_MENTIONS: 'false',
    });
    try {
      const url = await deskUrl(app);
      await app.waitFor(/slack: started/, 'stderr');
      await app.waitFor(/discord: ready/, 'stderr');

      // An idle keep-alive connection, after one answered request.
      const idle = await openSocket(url);
      const idleSeen = collect(idle);
      idle.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');

      // A Slack event whose body is still arriving when the signal comes: a request in flight.
      const body = JSON.stringify({ type: 'url_verification', challenge: 'still-answered-after-sigterm', token: 'legacy' });
      const timestamp = Math.floor(Date.now() / 1000);
      const slow = await openSocket(url);
      const slowSeen = collect(slow);
      slow.write(
        `POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `X-Slack-Request-Timestamp: ${timestamp}\r\nX-Slack-Signature: ${slackSignature(SIGNING_SECRET, timestamp, body)}\r\n\r\n${body.slice(0, 20)}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));

      const signalledAt = Date.now();
      process.kill(app.child.pid!, 'SIGTERM');
      await app.waitFor(/SIGTERM received, shutting down/, 'stderr');

      const idleResult = await idleSeen;
      expect(idleResult.data).toMatch(/^HTTP\/1\.1 200 /);
      expect(idleResult.ending).toBe('end');
      await expectRefused(url);

      slow.write(body.slice(20));
      const slowResult = await slowSeen;
      expect(slowResult.data).toMatch(/^HTTP\/1\.1 200 /);
      expect(slowResult.data).toMatch(/\r\nconnection: close\r\n/i);
      expect(slowResult.data).toContain('still-answered-after-sigterm');
      expect(slowResult.ending).toBe('end');

      const exit = await app.exited;
      expect(Date.now() - signalledAt).toBeLessThan(STOP_LIMIT_MS);
      expect(exit).toEqual({ code: 0, signal: null });
      const stderr = app.stderr();
      expect(stderr).toContain('discord: stopped');
      expect(stderr).toMatch(/"message":"start: stopped"/);
      expect(stderr).not.toMatch(/did not stop cleanly|exiting anyway/);
    } finally {
      app.kill();
    }
  });

  it('stops gracefully on Ctrl-C in a terminal, where node gets SIGINT twice (from the terminal and from npm)', async () => {
    // No .env here: none is needed, and its absence is not worth a word.
    const app = spawnNpmStart({ PORT: '0' });
    try {
      const url = await deskUrl(app);
      expect((await rawRequest(url, '/healthz')).status).toBe(200);
      expect(app.stderr()).not.toMatch(/\.env/);
      const signalledAt = Date.now();
      process.kill(-app.child.pid!, 'SIGINT');
      const exit = await app.exited;
      expect(Date.now() - signalledAt).toBeLessThan(STOP_LIMIT_MS);
      expect(exit.code === 0 || exit.signal === 'SIGINT').toBe(true);
      expect(app.stderr()).toMatch(/"message":"start: stopped"/);
      await expectRefused(url);
    } finally {
      app.kill();
    }
  });

  it('reads .env, but a variable set in the environment always wins, even when empty', async () => {
    const dotenv = [
      '# copied from .env.example and edited',
      'ALLOWED_HOSTS=from-dotenv.example',
      'WEB_RATE_LIMIT_MAX=1',
      'PORT=1',
      'LOG_LEVEL=debug',
      'HOST=0.0.0.0',
      '',
    ].join('\n');
    const app = spawnNpmStart({ PORT: '0', WEB_RATE_LIMIT_MAX: '50', HOST: '' }, { dotenv });
    try {
      // PORT from the environment (0: any free port), not 1; HOST set empty in the environment, so the default.
      const url = await deskUrl(app);
      expect(new URL(url).port).not.toBe('1');
      expect(app.stdout()).not.toContain('listening on 0.0.0.0');
      // ALLOWED_HOSTS and LOG_LEVEL from .env.
      expect((await rawRequest(url, '/healthz', 'GET', undefined, { Host: 'from-dotenv.example' })).status).toBe(200);
      // WEB_RATE_LIMIT_MAX from the environment (50), not .env (1).
      for (let i = 0; i < 3; i++) expect((await rawRequest(url, '/api/answer?q=do+you+sell+my+data')).status).toBe(200);
      await app.waitFor(/"level":"debug","message":"web: answered"/, 'stderr');
    } finally {
      app.kill();
    }
  });
});
