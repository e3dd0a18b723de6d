import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../adapters/web/server.js';
import { parseRawResponse, rawRequest, socketRequest, startTestDesk, type RawResponse, type TestDesk } from '../helpers/web-server.js';

// Requests Node's HTTP parser refuses before the desk's handler runs: the answer must still be the desk's own, with
// a JSON body and the security headers.

let t: TestDesk;

beforeAll(async () => {
  t = await startTestDesk();
});

afterAll(async () => {
  await t?.desk.close();
});

function expectDeskError(res: RawResponse, status: number, error: RegExp, what: string): void {
  expect(res.status, what).toBe(status);
  expect(res.headers['content-type'], what).toBe('application/json; charset=utf-8');
  for (const [name, value] of Object.entries(securityHeaders)) expect(res.headers[name.toLowerCase()], `${what}: ${name}`).toBe(value);
  expect(Number(res.headers['content-length']), what).toBe(Buffer.byteLength(res.body));
  expect((JSON.parse(res.body) as { error: string }).error, what).toMatch(error);
}

async function raw(data: string): Promise<RawResponse> {
  return parseRawResponse(await socketRequest(t.desk.url, data));
}

describe("Node's own error responses", () => {
  it('answers a malformed request line or header with a JSON 400 and the security headers', async () => {
    for (const [what, data] of [
      ['garbage', 'GARBAGE\r\n\r\n'],
      ['bad method', 'G@T / HTTP/1.1\r\nHost: localhost\r\n\r\n'],
      ['bad version', 'GET / HTTP/9.9\r\nHost: localhost\r\n\r\n'],
      ['space in a header name', 'GET / HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n'],
      ['control character in a header value', 'GET / HTTP/1.1\r\nHost: localhost\r\nX-A: a\u0001b\r\n\r\n'],
      ['Content-Length and Transfer-Encoding', 'POST /api/answer HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
    ]) {
      expectDeskError(await raw(data!), 400, /^web: malformed HTTP request$/, what!);
    }
  });

  it('answers headers over 16 KiB with a JSON 431', async () => {
    const res = await rawRequest(t.desk.url, '/healthz', 'GET', undefined, { 'X-Padding': 'a'.repeat(17 * 1024) });
    expectDeskError(res, 431, /^web: request headers too large .*16 KiB/, 'big header');
  });

  it('answers an over-long q with the documented 400, however long the URL', async () => {
    for (const length of [1_001, 5_000, 20_000, 100_000]) {
      for (const path of ['/api/answer', '/api/render']) {
        const res = await raw(`GET ${path}?q=${'a'.repeat(length)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
        expectDeskError(res, 400, /^web: parameter q is too long/, `${path} q of ${length}`);
      }
    }
  });

  it('answers any other URL over 16 KiB with a JSON 414', async () => {
    const res = await raw(`GET /documents/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expectDeskError(res, 414, /^web: request URL too long/, 'long path');
  });

  it('answers a request without Host (HTTP/1.1 requires one) through the Host check, not with a bare 400', async () => {
    expectDeskError(await raw('GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n'), 421, /no Host header/, 'no Host');
  });

  it('answers an unsupported Expect with a JSON 417, and CONNECT with a JSON 405', async () => {
    expectDeskError(await raw('GET /healthz HTTP/1.1\r\nHost: localhost\r\nExpect: teapot\r\n\r\n'), 417, /expectation "teapot"/, 'Expect');
    const connect = await raw('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    expectDeskError(connect, 405, /CONNECT is not supported/, 'CONNECT');
  });

  it('keeps serving afterwards', async () => {
    const res = await rawRequest(t.desk.url, '/healthz');
    expect(res.status).toBe(200);
  });
});
