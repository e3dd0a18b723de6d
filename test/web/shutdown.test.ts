import type http from 'node:http';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { expectRefused, startTestDesk } from '../helpers/web-server.js';

// Graceful close of the support desk, on real sockets: requests in flight finish, idle keep-alive connections are
// closed cleanly (FIN, not RST), nothing new is accepted, and a request that never ends cannot hold the close up.

/** A route that answers only when released, to hold a request in flight. */
function gatedRoute(): { route: http.RequestListener; release: () => void; started: Promise<void> } {
  let release!: () => void;
  let markStarted!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const route: http.RequestListener = (_req, res) => {
    markStarted();
    void gate.then(() => {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '8' });
      res.end('finished');
    });
  };
  return { route, release, started };
}

/** Resolves with how a socket ended: 'end' for a clean close by the server, or the error code. */
function howItEnds(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    socket.on('end', () => resolve('end'));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

function openSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends one keep-alive request on `socket` and resolves with the raw response once it is complete (or the socket closes). */
function keepAliveRequest(socket: Socket, path: string): Promise<string> {
  return new Promise((resolve) => {
    let response = '';
    const onData = (chunk: Buffer) => {
      response += chunk.toString('utf8');
      const split = response.indexOf('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(response)?.[1] ?? -1);
      if (split !== -1 && length >= 0 && Buffer.byteLength(response.slice(split + 4)) >= length) {
        socket.off('data', onData);
        resolve(response);
      }
    };
    socket.on('data', onData);
    // A connection reset or closed early yields what arrived so far, which the caller's assertions then reject.
    socket.once('close', () => resolve(response));
    socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n`);
  });
}

describe('WebServer.close', () => {
  it('finishes requests in flight with Connection: close, closes idle keep-alive connections cleanly, accepts nothing new', async () => {
    const gated = gatedRoute();
    const { desk } = await startTestDesk({ routes: { '/slow': gated.route } });

    const idle = await openSocket(desk.url);
    expect(await keepAliveRequest(idle, '/healthz')).toMatch(/^HTTP\/1\.1 200 [\s\S]*connection: keep-alive/i);
    const idleEnd = howItEnds(idle);

    const busy = await openSocket(desk.url);
    expect(await keepAliveRequest(busy, '/healthz')).toMatch(/^HTTP\/1\.1 200 /);
    const busyEnd = howItEnds(busy);
    const inFlight = keepAliveRequest(busy, '/slow');
    await gated.started;

    const closed = desk.close({ graceMs: 10_000 });
    expect(await idleEnd).toBe('end');
    await expectRefused(desk.url);

    gated.release();
    const response = await inFlight;
    expect(response).toMatch(/^HTTP\/1\.1 200 /);
    expect(response).toMatch(/\r\nconnection: close\r\n/i);
    expect(response.endsWith('finished')).toBe(true);
    expect(await busyEnd).toBe('end');
    const started = Date.now();
    await closed;
    // Closed as soon as the last response ended, not after Node's 5 s keep-alive timeout.
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('closes a connection that still has no response when the grace period ends', async () => {
    const gated = gatedRoute();
    const { desk } = await startTestDesk({ routes: { '/slow': gated.route } });
    const socket = await openSocket(desk.url);
    const ended = howItEnds(socket);
    socket.on('data', () => {});
    socket.write('GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await gated.started;
    await desk.close({ graceMs: 200 });
    expect(['end', 'ECONNRESET']).toContain(await ended);
    gated.release();
  });
});
