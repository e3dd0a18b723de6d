import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalHost, hostOfHeader } from '../../adapters/web/host-check.js';
import { clientAddress, securityHeaders, startWebServer } from '../../adapters/web/server.js';
import { bundledAnswerer, rawRequest, socketRequest, startTestDesk, type RawResponse, type TestDesk } from '../helpers/web-server.js';

// DNS-rebinding protection (Host check) and the JSON API's rate limit, over real HTTP on loopback.

const QUESTION = `/api/answer?q=${encodeURIComponent('How long do you keep my data?')}`;
const RENDER = `/api/render?q=${encodeURIComponent('How long do you keep my data?')}`;
const PROXY_NAME = 'desk.example.com';

function expectMisdirected(res: RawResponse, what: string, method = 'GET'): void {
  expect(res.status, what).toBe(421);
  expect(res.headers['content-type'], what).toBe('application/json; charset=utf-8');
  if (method === 'HEAD') {
    expect(res.body, what).toBe('');
  } else {
    const body = JSON.parse(res.body) as { error: unknown };
    expect(body.error, what).toEqual(expect.stringMatching(/^web: misdirected request: .*ALLOWED_HOSTS/));
  }
  for (const [name, value] of Object.entries(securityHeaders)) expect(res.headers[name.toLowerCase()], `${what}: ${name}`).toBe(value);
}

describe('Host check (DNS rebinding)', () => {
  let t: TestDesk;
  let port: string;

  beforeAll(async () => {
    t = await startTestDesk({ allowedHosts: [PROXY_NAME] });
    port = new URL(t.desk.url).port;
  });

  afterAll(async () => {
    await t?.desk.close();
  });

  it('refuses a forged Host with 421 and a JSON error on every kind of route', async () => {
    for (const path of ['/', QUESTION, '/policy', RENDER, '/api/documents', '/healthz', '/app.js', '/documents', '/nope']) {
      for (const host of ['evil.example', `evil.example:${port}`]) {
        expectMisdirected(await rawRequest(t.desk.url, path, 'GET', undefined, { Host: host }), `${host} ${path}`);
      }
    }
    expectMisdirected(await rawRequest(t.desk.url, QUESTION, 'HEAD', undefined, { Host: 'evil.example' }), 'HEAD', 'HEAD');
    expectMisdirected(await rawRequest(t.desk.url, '/api/answer', 'POST', '{}', { Host: 'evil.example' }), 'POST');
  });

  it('never echoes the refused Host header', async () => {
    const hostile = `<img src=x onerror=alert(1)>.evil.example:${port}`;
    const res = await rawRequest(t.desk.url, '/', 'GET', undefined, { Host: hostile });
    expectMisdirected(res, hostile);
    expect(res.body).not.toContain('<img');
    expect(res.body).not.toContain('evil.example');
  });

  it('serves localhost, 127.0.0.1 and [::1], with the listening port or without one', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, 'localhost', '127.0.0.1', `[::1]:${port}`, `LocalHost:${port}`, `localhost.:${port}`]) {
      expect((await rawRequest(t.desk.url, '/', 'GET', undefined, { Host: host })).status, host).toBe(200);
      const answer = await rawRequest(t.desk.url, QUESTION, 'GET', undefined, { Host: host });
      expect(answer.status, host).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ answered: true });
      expect((await rawRequest(t.desk.url, '/policy', 'GET', undefined, { Host: host })).status, host).toBe(302);
    }
  });

  it('compares names only, so a port mapping (Docker -p 8080:3000, an SSH tunnel) keeps working', async () => {
    expect((await rawRequest(t.desk.url, '/healthz', 'GET', undefined, { Host: 'localhost:8080' })).status).toBe(200);
  });

  it('serves an allowedHosts name, case-insensitively, and nothing that merely contains it', async () => {
    for (const host of [PROXY_NAME, `${PROXY_NAME}:443`, 'Desk.Example.COM', `${PROXY_NAME}.`]) {
      expect((await rawRequest(t.desk.url, QUESTION, 'GET', undefined, { Host: host })).status, host).toBe(200);
    }
    for (const host of [`sub.${PROXY_NAME}`, `${PROXY_NAME}.evil.example`, `evil-${PROXY_NAME}`, `${PROXY_NAME}@evil.example`, `evil.example@${PROXY_NAME}`]) {
      expectMisdirected(await rawRequest(t.desk.url, QUESTION, 'GET', undefined, { Host: host }), host);
    }
  });

  it('refuses malformed Host values and a missing Host', async () => {
    for (const host of [`localhost:99999`, '::1', `localhost/x:${port}`, `localhost:${port}:${port}`, '[::1', 'local host']) {
      expectMisdirected(await rawRequest(t.desk.url, '/healthz', 'GET', undefined, { Host: host }), JSON.stringify(host));
    }
    const empty = await socketRequest(t.desk.url, 'GET /healthz HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n');
    expect(empty).toMatch(/^HTTP\/1\.1 421 /);
    for (const version of ['1.0', '1.1']) {
      const missing = await socketRequest(t.desk.url, `GET /healthz HTTP/${version}\r\nConnection: close\r\n\r\n`);
      expect(missing).toMatch(/^HTTP\/1\.1 421 /);
      expect(missing).toContain('no Host header');
    }
  });

  it('checks the authority of an absolute-form request target as well', async () => {
    const res = await rawRequest(t.desk.url, `http://evil.example:${port}${QUESTION}`);
    expectMisdirected(res, 'absolute-form');
    expect((await rawRequest(t.desk.url, `http://localhost:${port}/healthz`)).status).toBe(200);
  });

  it('serves the host it is bound to, and only that one among the other loopback addresses', async () => {
    const bound = await startWebServer({ host: '127.0.0.2', port: 0, answerer: bundledAnswerer() });
    try {
      const boundPort = new URL(bound.url).port;
      expect((await rawRequest(bound.url, '/healthz', 'GET', undefined, { Host: `127.0.0.2:${boundPort}` })).status).toBe(200);
      expect((await rawRequest(bound.url, '/healthz', 'GET', undefined, { Host: `localhost:${boundPort}` })).status).toBe(200);
    } finally {
      await bound.close();
    }
    expectMisdirected(await rawRequest(t.desk.url, '/healthz', 'GET', undefined, { Host: `127.0.0.2:${port}` }), 'not bound');
  });

  it('lets only the listed mounted routes (Slack) skip the check', async () => {
    const mounted: http.RequestListener = (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(`mounted ${req.url}`);
    };
    const desk = await startTestDesk({ routes: { '/slack/events': mounted, '/other': mounted }, hostCheckExempt: ['/slack/events'] });
    try {
      const slack = await rawRequest(desk.desk.url, '/slack/events', 'POST', '{}', { Host: 'privacy-bot.example.org' });
      expect(slack.status).toBe(200);
      expect(slack.body).toBe('mounted /slack/events');
      expectMisdirected(await rawRequest(desk.desk.url, '/other', 'POST', '{}', { Host: 'privacy-bot.example.org' }), '/other');
      expectMisdirected(await rawRequest(desk.desk.url, '/', 'GET', undefined, { Host: 'privacy-bot.example.org' }), '/');
    } finally {
      await desk.desk.close();
    }
  });

  it('refuses to start with an exemption for a route that is not mounted, or an allowed host that is not a host', async () => {
    await expect(startTestDesk({ hostCheckExempt: ['/api/answer'] })).rejects.toThrow(/^web: hostCheckExempt lists "\/api\/answer", which is not a mounted route/);
    await expect(startTestDesk({ allowedHosts: ['https://desk.example.com'] })).rejects.toThrow(/^web: allowed host .* is not a host name/);
    await expect(startTestDesk({ allowedHosts: ['desk.example.com:8443'] })).rejects.toThrow(/^web: allowed host/);
  });

  it('canonicalizes hosts the way browsers write them', () => {
    expect(canonicalHost('Desk.Example.com.')).toBe('desk.example.com');
    expect(canonicalHost('::1')).toBe('[::1]');
    expect(canonicalHost('[0:0:0:0:0:0:0:1]')).toBe('[::1]');
    expect(canonicalHost('127.1')).toBe('127.0.0.1');
    expect(canonicalHost('bücher.example')).toBe('xn--bcher-kva.example');
    for (const bad of ['', '*', '*.example.com', 'a..b', 'desk.example.com:80', 'http://desk.example.com', 'evil.example@localhost', '999.1.1.1', '[::1']) {
      expect(canonicalHost(bad), bad).toBeUndefined();
    }
    expect(hostOfHeader('LOCALHOST:3000')).toBe('localhost');
    expect(hostOfHeader('[::1]:3000')).toBe('[::1]');
    expect(hostOfHeader(undefined)).toBeUndefined();
    expect(hostOfHeader('localhost:70000')).toBeUndefined();
  });
});

describe('rate limit of the JSON API', () => {
  it('answers 429 with Retry-After once /api/answer and /api/render together pass the limit; the rest stays open', async () => {
    const { desk } = await startTestDesk({ rateLimit: { limit: 3, windowMs: 60_000 } });
    try {
      for (const path of [QUESTION, RENDER, QUESTION]) expect((await rawRequest(desk.url, path)).status, path).toBe(200);
      for (const path of [QUESTION, RENDER, '/api/answer?q=']) {
        const res = await rawRequest(desk.url, path);
        expect(res.status, path).toBe(429);
        const retryAfter = Number(res.headers['retry-after']);
        expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${res.headers['retry-after']}`).toBe(true);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(JSON.parse(res.body)).toEqual({ error: `web: too many questions from this client; try again in ${retryAfter} s` });
        expect(res.headers['x-frame-options']).toBe('DENY');
      }
      for (const path of ['/', '/healthz', '/api/documents', '/policy']) expect((await rawRequest(desk.url, path)).status, path).toBeLessThan(400);
    } finally {
      await desk.close();
    }
  });

  it('counts each client separately (key function injected for the test)', async () => {
    const { desk } = await startTestDesk({
      rateLimit: { limit: 2, windowMs: 60_000 },
      // Loopback gives every test request the same address; only this injected key lets a test play two clients.
      rateLimitKey: (req) => String(req.headers['x-test-client'] ?? 'none'),
    });
    try {
      const ask = (client: string) => rawRequest(desk.url, QUESTION, 'GET', undefined, { 'X-Test-Client': client });
      expect((await ask('alice')).status).toBe(200);
      expect((await ask('alice')).status).toBe(200);
      expect((await ask('alice')).status).toBe(429);
      expect((await ask('bob')).status).toBe(200);
      expect((await ask('bob')).status).toBe(200);
      expect((await ask('bob')).status).toBe(429);
      expect((await ask('alice')).status).toBe(429);
    } finally {
      await desk.close();
    }
  });

  it('keys on the TCP peer by default: a client cannot reset its budget with X-Forwarded-For', async () => {
    const { desk } = await startTestDesk({ rateLimit: { limit: 2, windowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (const forwarded of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '203.0.113.9']) {
        statuses.push((await rawRequest(desk.url, QUESTION, 'GET', undefined, { 'X-Forwarded-For': forwarded, 'X-Real-IP': forwarded })).status);
      }
      expect(statuses).toEqual([200, 200, 429, 429]);
    } finally {
      await desk.close();
    }
    expect(clientAddress({ socket: { remoteAddress: '::ffff:10.0.0.1' } } as http.IncomingMessage)).toBe('10.0.0.1');
    expect(clientAddress({ socket: { remoteAddress: '2001:db8::1' } } as http.IncomingMessage)).toBe('2001:db8::1');
  });

  it('spends no budget on requests refused for their Host', async () => {
    const { desk } = await startTestDesk({ rateLimit: { limit: 1, windowMs: 60_000 } });
    try {
      for (let i = 0; i < 3; i++) expect((await rawRequest(desk.url, QUESTION, 'GET', undefined, { Host: 'evil.example' })).status).toBe(421);
      expect((await rawRequest(desk.url, QUESTION)).status).toBe(200);
      expect((await rawRequest(desk.url, QUESTION)).status).toBe(429);
    } finally {
      await desk.close();
    }
  });

  it('answers a failing key function with a 500, not a crash', async () => {
    const { desk, logger } = await startTestDesk({
      rateLimitKey: () => {
        throw new Error('key bug');
      },
    });
    try {
      expect((await rawRequest(desk.url, QUESTION)).status).toBe(500);
      expect(logger.text()).toContain('key bug');
      expect((await rawRequest(desk.url, '/healthz')).status).toBe(200);
    } finally {
      await desk.close();
    }
  });
});
