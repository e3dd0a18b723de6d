/**
 * Runs the real Slack adapter (bolt, HTTP mode) on loopback the way production does: its `requestListener` mounted at
 * /slack/events in a plain http server, its Web API and response_urls pointed at {@link startFakeSlackApi}.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from '../../adapters/slack/app.js';
import type { SlackConfig } from '../../adapters/config.js';
import type { AdapterDeps } from '../../adapters/deps.js';
import type { Logger } from '../../src/logger.js';
import { UsageLog } from '../../src/privacy/usage-log.js';
import type { Answerer } from '../../src/types.js';
import { bundledSlackAnswerer } from './slack-answerer.js';
import { startFakeSlackApi, type FakeSlackApi, type FakeSlackApiOptions } from './slack-fake-api.js';
import { actionBody, eventBody, messageShortcutBody, sendSlackRequest, slashCommandBody } from './slack-requests.js';

export const testBotToken = 'xoxb-1111-2222-testbottokenvalue';
export const testSigningSecret = 'TestSigningSecret0123456789abcdef';

/** Options for {@link startSlackHarness}. */
export interface SlackHarnessOptions {
  answerer: Answerer;
  rateLimit: { limit: number; windowMs: number };
  /** Opt-in usage log file; unset keeps votes in memory only. */
  usageLogPath?: string;
  adapterOptions?: Partial<SlackAdapterOptions>;
  /** Settings from the environment on top of HTTP mode against the fake (e.g. `autoAnswerChannels`). */
  config?: Partial<SlackConfig>;
  /** Automatic answers per channel; unset uses the adapter's default. */
  channelRateLimit?: { limit: number; windowMs: number };
  fakeOptions?: Partial<FakeSlackApiOptions>;
}

export interface SlackHarness {
  /** The app's endpoint, `http://127.0.0.1:<port>/slack/events`. */
  url: string;
  fake: FakeSlackApi;
  adapter: SlackAdapter;
  deps: AdapterDeps;
  /** Every log line the adapter wrote, unmasked (the test logger does no masking of its own). */
  logLines: string[];
  /** Sends `/privacy <text>`; its response_url is `fake.responseUrl(responseId)`. */
  command(text: string, options?: { responseId?: string; userId?: string }): Promise<{ status: number; responseId: string }>;
  /** Sends an Events API event. */
  event(event: Record<string, unknown>, eventId: string, headers?: Record<string, string>): Promise<{ status: number }>;
  /** Clicks a button; its response_url is `fake.responseUrl(responseId)`. */
  click(fields: Omit<Parameters<typeof actionBody>[0], 'responseUrl'> & { responseId: string }): Promise<{ status: number }>;
  /** Picks a message shortcut; its response_url is `fake.responseUrl(responseId)`. */
  shortcut(fields: Omit<Parameters<typeof messageShortcutBody>[0], 'responseUrl'> & { responseId: string }): Promise<{ status: number }>;
  close(): Promise<void>;
}

let sequence = 0;

/**
 * Starts the fake Slack API, the adapter and a loopback server mounting its request listener.
 *
 * @example
 * const slack = await startSlackHarness({ answerer, rateLimit: { limit: 100, windowMs: 60_000 } });
 * const { responseId } = await slack.command('how long do you keep my data?');
 * const reply = await slack.fake.waitForCall((c) => c.name === responseId);
 */
export async function startSlackHarness(options: SlackHarnessOptions): Promise<SlackHarness> {
  const fake = await startFakeSlackApi(options.fakeOptions);
  const logLines: string[] = [];
  const deps: AdapterDeps = {
    answerer: options.answerer,
    usageLog: new UsageLog(options.usageLogPath ? { path: options.usageLogPath } : {}),
    rateLimit: options.rateLimit,
    ...(options.channelRateLimit ? { channelRateLimit: options.channelRateLimit } : {}),
    logger: recordingLogger(logLines),
  };
  const adapter = createSlackAdapter(
    { mode: 'http', botToken: testBotToken, signingSecret: testSigningSecret, apiUrl: fake.apiUrl, ...options.config },
    deps,
    options.adapterOptions,
  );
  const listener = adapter.requestListener;
  if (!listener) throw new Error('slack test: HTTP mode adapter has no requestListener');
  // Mounted like the web server does: only /slack/events goes to bolt.
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/slack/events')) return listener(req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

  const form = 'application/x-www-form-urlencoded' as const;
  return {
    url,
    fake,
    adapter,
    deps,
    logLines,
    async command(text, commandOptions = {}) {
      const responseId = commandOptions.responseId ?? `cmd-${++sequence}`;
      const body = slashCommandBody({ text, response_url: fake.responseUrl(responseId), ...(commandOptions.userId ? { user_id: commandOptions.userId } : {}) });
      const { status } = await sendSlackRequest(url, { signingSecret: testSigningSecret, body, contentType: form });
      return { status, responseId };
    },
    async event(event, eventId, headers) {
      const { status } = await sendSlackRequest(url, {
        signingSecret: testSigningSecret,
        body: eventBody(event, eventId),
        contentType: 'application/json',
        ...(headers ? { headers } : {}),
      });
      return { status };
    },
    async click({ responseId, ...fields }) {
      const body = actionBody({ ...fields, responseUrl: fake.responseUrl(responseId) });
      const { status } = await sendSlackRequest(url, { signingSecret: testSigningSecret, body, contentType: form });
      return { status };
    },
    async shortcut({ responseId, ...fields }) {
      const body = messageShortcutBody({ ...fields, responseUrl: fake.responseUrl(responseId) });
      const { status } = await sendSlackRequest(url, { signingSecret: testSigningSecret, body, contentType: form });
      return { status };
    },
    async close() {
      await adapter.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
    },
  };
}

/** A logger that keeps every line, without masking, so tests can check what the adapter itself lets through. */
function recordingLogger(lines: string[]): Logger {
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(JSON.stringify({ level, message, ...fields }, (_key, value: unknown) => (value instanceof Error ? { name: value.name, message: value.message } : value)));
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/**
 * Everything the bot sent to Slack in one call (text, blocks, button values…), as one string, for "nothing
 * unescaped" assertions.
 *
 * @example
 * expect(payloadText(call)).not.toContain('<!channel>');
 */
export function payloadText(call: { body: Record<string, unknown> }): string {
  return JSON.stringify(call.body);
}

/**
 * Starts a harness before the enclosing `describe`'s tests and closes it after them. Returns a stand-in that forwards
 * to the running harness, so tests write `slack.event(…)` as with {@link startSlackHarness}. Defaults: the bundled
 * policy's answerer and a rate limit no test reaches by accident. `options` may be a function, called in `beforeAll`,
 * for settings made there (a temporary log file).
 *
 * @example
 * describe('/privacy', () => {
 *   const slack = useSlackHarness({ rateLimit: { limit: 2, windowMs: 60_000 } });
 *   it('answers', async () => { await slack.command('cookies?'); });
 * });
 */
export function useSlackHarness(options: Partial<SlackHarnessOptions> | (() => Partial<SlackHarnessOptions>) = {}): SlackHarness {
  let running: SlackHarness | undefined;
  beforeAll(async () => {
    const chosen = typeof options === 'function' ? options() : options;
    running = await startSlackHarness({ answerer: bundledSlackAnswerer(), rateLimit: { limit: 100, windowMs: 60_000 }, ...chosen });
  });
  afterAll(async () => {
    await running?.close();
  });
  return new Proxy({} as SlackHarness, {
    get(_target, property) {
      if (running === undefined) throw new Error('slack-harness: used outside a test (the harness starts in beforeAll)');
      return running[property as keyof SlackHarness];
    },
  });
}

/**
 * Helpers for listener tests that send events to channels: the bot's posts to a channel, and a sentinel that sends
 * an answered event to a fresh channel and waits for its answer, so every event sent before it has been handled.
 *
 * @example
 * const { postsTo, sentinel } = channelProbe(slack, (channel) => slack.event(mention({ channel, text: 'cookies?' }), nextId()));
 */
export function channelProbe(
  slack: SlackHarness,
  sendAnswered: (channel: string) => Promise<unknown>,
): { postsTo(channel: string): ReturnType<FakeSlackApi['callsTo']>; sentinel(): Promise<void> } {
  let sentinels = 0;
  return {
    postsTo: (channel) => slack.fake.callsTo('chat.postMessage').filter((c) => c.body['channel'] === channel),
    async sentinel() {
      const channel = `CSENTINEL${Date.now()}${++sentinels}`;
      await sendAnswered(channel);
      await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['channel'] === channel);
    },
  };
}

/**
 * A sentinel for tests of answers without a mention: a question in `channel` (which must be answered without a
 * mention) and a wait for its 👀 to be removed, the last step of an automatic answer. An ignored event sent before it
 * would have taken the same steps (reaction, post) with a head start, so once the sentinel is done, nothing more comes.
 *
 * @example
 * const settle = autoAnswerSentinel(slack, 'C0SENTINEL');
 * await slack.event(statement, nextEventId());
 * await settle();
 */
export function autoAnswerSentinel(slack: SlackHarness, channel: string): () => Promise<void> {
  let sentinels = 0;
  return async () => {
    const ts = `${1_600_000_000 + ++sentinels}.000001`;
    await slack.event({ type: 'message', channel_type: 'channel', channel, user: 'U0SENTINEL', text: 'how long do you keep my data?', ts }, `EvSentinel${Date.now()}${sentinels}`);
    await slack.fake.waitForCall((c) => c.name === 'reactions.remove' && c.body['channel'] === channel && c.body['timestamp'] === ts);
  };
}
