/**
 * A local fake of Discord for driving the real discord.js client offline: an HTTP server for the REST API
 * (recording every request) and a WebSocket gateway speaking JSON (no compression), both on 127.0.0.1, port 0.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayIntentBits, PermissionFlagsBits, SnowflakeUtil } from 'discord.js';
import { WebSocketServer, type WebSocket } from 'ws';

/** One REST call the bot made. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/interactions/1/tok/callback`. */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  authorization: string | undefined;
}

/** What the gateway saw when a client connected and identified (or resumed). */
export interface GatewaySession {
  query: URLSearchParams;
  identify?: { token: string; intents: number; compress?: boolean };
  /** Set when the client resumed a session instead of identifying (after a RECONNECT or a dropped connection). */
  resume?: { token: string; session_id: string; seq: number | null };
}

export interface FakeDiscordOptions {
  /** The only bot token the fake accepts (REST `Authorization: Bot <token>` and gateway IDENTIFY). */
  token: string;
  applicationId: string;
  guildId: string;
  /** The text channel `general`. */
  channelId: string;
  /** A second text channel, `random`. */
  otherChannelId: string;
  /** A forum channel, `privacy-help`. */
  forumChannelId: string;
  botUser: { id: string; username: string };
  /**
   * Accept the first gateway connection but never say HELLO, like a hung gateway. Later connections are closed with
   * 4004 (authentication failed), the one close code after which discord.js never reconnects.
   */
  silentGateway: boolean;
  /** Close with 4014 (disallowed intents) when IDENTIFY asks for a privileged intent, as Discord does when the
   * intent is not enabled in the Developer Portal. */
  privilegedIntentsEnabled: boolean;
}

export const defaultFakeDiscordOptions: FakeDiscordOptions = {
  // Shape of a real token (three dot-separated parts) so config validation accepts it; not a real secret.
  token: 'MTAwMDAwMDAwMDAwMDAwMDAx.GfakeA.fake-token-for-tests-only-0000000000',
  applicationId: '100000000000000001',
  guildId: '200000000000000001',
  channelId: '300000000000000001',
  otherChannelId: '300000000000000003',
  forumChannelId: '300000000000000002',
  botUser: { id: '100000000000000001', username: 'PrivacyBot' },
  silentGateway: false,
  privilegedIntentsEnabled: true,
};

export const apiVersion = '10';

/** A running fake; `apiUrl` goes into `DiscordConfig.apiUrl`. */
export interface FakeDiscord {
  options: FakeDiscordOptions;
  apiUrl: string;
  gatewayUrl: string;
  requests: RecordedRequest[];
  sessions: GatewaySession[];
  /** Sends a gateway dispatch (op 0) to every connected client. MESSAGE_CREATE payloads are also stored for REST reads. */
  dispatch(type: string, data: unknown): void;
  /** Stores a message for `GET /channels/:id/messages/:id` without announcing it on the gateway. */
  storeMessage(message: { id: string; channel_id: string }): void;
  /** Answers the next `times` REST reads of this message with 404 Unknown Message (10008), as if it did not exist yet. */
  hideMessage(messageId: string, times: number): void;
  /**
   * Asks every client to reconnect (op 7 RECONNECT). On RESUME, the gateway replays `replay` (as Discord replays the
   * events a client may have missed, possibly ones it already handled), then sends RESUMED.
   */
  reconnect(replay: { type: string; data: unknown }[]): void;
  /** Resolves once at least `count` gateway connections have been made. */
  waitForSessions(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves with the first recorded request (past or future) matching `predicate`. */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/**
 * Starts the fake REST API and gateway.
 *
 * @example
 * const discord = await startFakeDiscord();
 * const adapter = createDiscordAdapter({ token: discord.options.token, apiUrl: discord.apiUrl, ... }, deps);
 */
export async function startFakeDiscord(overrides: Partial<FakeDiscordOptions> = {}): Promise<FakeDiscord> {
  const options = { ...defaultFakeDiscordOptions, ...overrides };
  const requests: RecordedRequest[] = [];
  const sessions: GatewaySession[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<WebSocket>();
  const messages = new Map<string, { id: string; channel_id: string }>();
  const hidden = new Map<string, number>();
  let pendingReplay: { type: string; data: unknown }[] = [];
  let sequence = 0;

  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const gatewayUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;

  const send = (socket: WebSocket, payload: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  };

  wss.on('connection', (socket, request) => {
    const session: GatewaySession = { query: new URL(request.url ?? '/', 'http://localhost').searchParams };
    sessions.push(session);
    sockets.add(socket);
    for (const wake of [...waiters]) wake();
    socket.on('close', () => sockets.delete(socket));
    if (options.silentGateway) {
      if (sessions.length > 1) socket.close(4004, 'Authentication failed.');
      return;
    }
    // Long interval: the test never needs a heartbeat, but the client must still be answered if it sends one.
    send(socket, { op: 10, d: { heartbeat_interval: 45_000 } });
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (payload.op === 1) send(socket, { op: 11 });
      if (payload.op === 6) {
        session.resume = payload.d as GatewaySession['resume'];
        if (session.resume?.token !== options.token) {
          socket.close(4004, 'Authentication failed.');
          return;
        }
        const replay = pendingReplay;
        pendingReplay = [];
        for (const event of replay) {
          sequence += 1;
          send(socket, { op: 0, t: event.type, s: sequence, d: event.data });
        }
        sequence += 1;
        send(socket, { op: 0, t: 'RESUMED', s: sequence, d: {} });
        return;
      }
      if (payload.op !== 2) return;
      session.identify = payload.d as GatewaySession['identify'];
      if (session.identify?.token !== options.token) {
        socket.close(4004, 'Authentication failed.');
        return;
      }
      if (!options.privilegedIntentsEnabled && (session.identify.intents & privilegedIntents) !== 0) {
        socket.close(4014, 'Disallowed intent(s).');
        return;
      }
      sequence += 1;
      send(socket, {
        op: 0,
        t: 'READY',
        s: sequence,
        d: {
          v: 10,
          user: { ...options.botUser, discriminator: '0', global_name: null, avatar: null, bot: true, verified: true, flags: 0 },
          guilds: [{ id: options.guildId, unavailable: true }],
          session_id: 'fake-session',
          resume_gateway_url: gatewayUrl,
          application: { id: options.applicationId, flags: 0 },
          private_channels: [],
          relationships: [],
          shard: [0, 1],
        },
      });
      sequence += 1;
      send(socket, { op: 0, t: 'GUILD_CREATE', s: sequence, d: guildPayload(options) });
    });
  });

  const server: Server = createServer((req, res) => {
    void handleRest(req, res);
  });
  const handleRest = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const prefix = `/api/v${apiVersion}`;
    // discord.js encodes `@original` as `%40original`.
    const pathname = decodeURIComponent(url.pathname);
    const path = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname;
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path, query: url.searchParams, body, authorization: req.headers.authorization };
    requests.push(recorded);
    for (const wake of [...waiters]) wake();

    const reply = (status: number, json?: unknown) => {
      res.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' });
      res.end(json === undefined ? undefined : JSON.stringify(json));
    };
    const isInteractionCallback = /^\/interactions\/\d+\/[^/]+\/callback$/.test(path);
    const isWebhook = path.startsWith('/webhooks/');
    if (!isInteractionCallback && !isWebhook && req.headers.authorization !== `Bot ${options.token}`) {
      reply(401, { message: '401: Unauthorized', code: 0 });
      return;
    }
    const route = `${recorded.method} ${path}`;
    const payload = (body ?? {}) as Record<string, unknown>;
    let match: RegExpExecArray | null;
    if (route === 'GET /gateway/bot') {
      reply(200, { url: gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    } else if (route === 'GET /users/@me') {
      reply(200, { ...options.botUser, discriminator: '0', bot: true, avatar: null });
    } else if (isInteractionCallback && recorded.method === 'POST') {
      reply(204);
    } else if ((match = /^PATCH \/webhooks\/\d+\/[^/]+\/messages\/(@original|\d+)$/.exec(route))) {
      reply(200, messagePayload(options, options.channelId, payload, { webhook: true }));
    } else if (/^POST \/webhooks\/\d+\/[^/]+$/.test(route)) {
      reply(200, messagePayload(options, options.channelId, payload, { webhook: true }));
    } else if ((match = /^GET \/channels\/(\d+)\/messages\/(\d+)$/.exec(route))) {
      const id = match[2]!;
      const stored = messages.get(id);
      const hiddenFor = hidden.get(id) ?? 0;
      if (hiddenFor > 0) hidden.set(id, hiddenFor - 1);
      if (stored && stored.channel_id === match[1] && hiddenFor === 0) reply(200, stored);
      else reply(404, { message: 'Unknown Message', code: 10008 });
    } else if ((match = /^POST \/channels\/(\d+)\/messages$/.exec(route))) {
      reply(200, messagePayload(options, match[1]!, payload, {}));
    } else if ((match = /^POST \/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(route))) {
      reply(201, {
        id: SnowflakeUtil.generate().toString(),
        type: 11,
        guild_id: options.guildId,
        parent_id: match[1],
        name: payload['name'],
        owner_id: options.botUser.id,
        last_message_id: null,
        rate_limit_per_user: 0,
        message_count: 0,
        member_count: 1,
        flags: 0,
        thread_metadata: { archived: false, auto_archive_duration: payload['auto_archive_duration'] ?? 1440, archive_timestamp: new Date().toISOString(), locked: false },
      });
    } else if (/^PUT \/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(route)) {
      const commands = Array.isArray(body) ? (body as Record<string, unknown>[]) : [];
      reply(200, commands.map((command) => ({ ...command, id: SnowflakeUtil.generate().toString(), application_id: options.applicationId, version: '1' })));
    } else {
      reply(404, { message: `404: Not Found (${route})`, code: 0 });
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;

  return {
    options,
    apiUrl,
    gatewayUrl,
    requests,
    sessions,
    dispatch(type, data) {
      sequence += 1;
      if (type === 'MESSAGE_CREATE') {
        const message = data as { id: string; channel_id: string };
        messages.set(message.id, message);
      }
      for (const socket of sockets) send(socket, { op: 0, t: type, s: sequence, d: data });
    },
    storeMessage(message) {
      messages.set(message.id, message);
    },
    hideMessage(messageId, times) {
      hidden.set(messageId, times);
    },
    reconnect(replay) {
      pendingReplay = replay;
      for (const socket of sockets) send(socket, { op: 7, d: null });
    },
    async waitForSessions(count, timeoutMs = 5000) {
      await waitFor(() => (sessions.length >= count ? true : undefined), waiters, timeoutMs, `${count} gateway connections`);
    },
    waitForRequest(predicate, timeoutMs = 5000) {
      return waitFor(() => requests.find(predicate), waiters, timeoutMs, 'a matching REST request');
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls `find` whenever a request arrives (and every 25 ms as a fallback) until it returns a value or time runs out. */
function waitFor<T>(find: () => T | undefined, waiters: Set<() => void>, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const check = () => {
      const found = find();
      if (found === undefined) return;
      cleanup();
      resolve(found);
    };
    const interval = setInterval(check, 25);
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`fake discord: timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const cleanup = () => {
      clearInterval(interval);
      clearTimeout(timer);
      waiters.delete(check);
    };
    waiters.add(check);
    check();
  });
}

/** The message object Discord returns for (and later sends about) a message the bot posted. */
export function messagePayload(options: FakeDiscordOptions, channelId: string, body: Record<string, unknown>, kind: { webhook?: boolean }) {
  return {
    id: SnowflakeUtil.generate().toString(),
    type: body['message_reference'] ? 19 : 0,
    channel_id: channelId,
    ...(kind.webhook ? { webhook_id: options.applicationId, application_id: options.applicationId } : {}),
    author: { ...options.botUser, discriminator: '0', global_name: null, avatar: null, bot: true },
    content: body['content'] ?? '',
    embeds: body['embeds'] ?? [],
    components: body['components'] ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: typeof body['flags'] === 'number' ? body['flags'] : 0,
  };
}

const privilegedIntents = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

const everyonePermissions = (
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.SendMessagesInThreads
).toString();

function guildPayload(options: FakeDiscordOptions) {
  const joinedAt = new Date().toISOString();
  return {
    id: options.guildId,
    name: 'Fake guild',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: '900000000000000009',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    // @everyone may view, send, embed, read history and create threads.
    roles: [{ id: options.guildId, name: '@everyone', permissions: everyonePermissions, position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [{ user: { ...options.botUser, discriminator: '0', avatar: null, bot: true }, roles: [], joined_at: joinedAt, deaf: false, mute: false, flags: 0 }],
    channels: [
      { id: options.channelId, type: 0, guild_id: options.guildId, name: 'general', position: 0, permission_overwrites: [], parent_id: null, topic: null, nsfw: false, last_message_id: null, rate_limit_per_user: 0 },
      { id: options.otherChannelId, type: 0, guild_id: options.guildId, name: 'random', position: 1, permission_overwrites: [], parent_id: null, topic: null, nsfw: false, last_message_id: null, rate_limit_per_user: 0 },
      {
        id: options.forumChannelId,
        type: 15,
        guild_id: options.guildId,
        name: 'privacy-help',
        position: 2,
        permission_overwrites: [],
        parent_id: null,
        topic: 'Ask about your data',
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
        flags: 0,
        available_tags: [],
        default_reaction_emoji: null,
        default_thread_rate_limit_per_user: 0,
        default_sort_order: null,
        default_forum_layout: 0,
      },
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
