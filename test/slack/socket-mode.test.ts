import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/app.js';
import { silentLogger } from '../../src/logger.js';
import { UsageLog } from '../../src/privacy/usage-log.js';
import { bundledSlackAnswerer } from '../helpers/slack-answerer.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slack-fake-api.js';
import { testBotToken } from '../helpers/slack-harness.js';
import { eventEnvelope } from '../helpers/slack-requests.js';
import { waitFor } from '../helpers/slack-wait.js';

const appToken = 'xapp-1-A0APP-1234-testapptoken';

describe('Socket Mode (real bolt SocketModeReceiver against a local websocket server)', () => {
  let fake: FakeSlackApi;
  let wss: WebSocketServer;
  let adapter: SlackAdapter;
  const sockets: WebSocket[] = [];
  const received: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    fake.setSocketUrl(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link/?ticket=test`);
    wss.on('connection', (socket) => {
      sockets.push(socket);
      socket.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' } }));
    });
    adapter = createSlackAdapter(
      { mode: 'socket', botToken: testBotToken, appToken, apiUrl: fake.apiUrl },
      { answerer: bundledSlackAnswerer(), usageLog: new UsageLog(), rateLimit: { limit: 100, windowMs: 60_000 }, logger: silentLogger },
    );
    await adapter.start();
  });

  afterAll(async () => {
    await adapter.stop();
    for (const socket of sockets) socket.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await fake.close();
  });

  it('opens the connection with the app-level token', () => {
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.headers['authorization']).toBe(`Bearer ${appToken}`);
    expect(sockets).toHaveLength(1);
  });

  it('acks an events_api envelope over the socket and answers the mention in its thread', async () => {
    const event = { type: 'app_mention', user: 'U0ASKER', channel: 'C0SOCKET', ts: '1700000900.000100', text: '<@UBOT> how long do you keep my data?' };
    sockets[0]?.send(
      JSON.stringify({
        envelope_id: 'env-0001',
        type: 'events_api',
        payload: eventEnvelope(event, 'EvSocket1'),
        accepts_response_payload: false,
        retry_attempt: 0,
        retry_reason: '',
      }),
    );
    const ack = await waitFor(() => received.find((m) => m['envelope_id'] === 'env-0001'));
    expect(ack).toMatchObject({ envelope_id: 'env-0001' });

    const post = await fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['channel'] === 'C0SOCKET');
    expect(post.body['thread_ts']).toBe('1700000900.000100');
    expect(JSON.stringify(post.body)).toContain('Data retention');
    expect(post.headers['authorization']).toBe(`Bearer ${testBotToken}`);
  });
});
