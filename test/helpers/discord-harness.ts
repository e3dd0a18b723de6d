/**
 * Runs the real Discord adapter (real discord.js client) against the local fake Discord.
 */
import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterOptions } from '../../adapters/discord/bot.js';
import type { DiscordConfig } from '../../adapters/config.js';
import type { AdapterDeps } from '../../adapters/deps.js';
import { createLogger } from '../../src/logger.js';
import { UsageLog } from '../../src/privacy/usage-log.js';
import type { Answerer } from '../../src/types.js';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from './discord-fake.js';

export interface BotHarness {
  discord: FakeDiscord;
  adapter: DiscordAdapter;
  deps: AdapterDeps;
  usageLog: UsageLog;
  /** Every log line the adapter wrote (JSON). */
  logs: string[];
  close(): Promise<void>;
}

export interface BotHarnessOptions {
  answerer: Answerer;
  config?: Partial<DiscordConfig>;
  rateLimit?: AdapterDeps['rateLimit'];
  /** Automatic answers per channel; unset uses the adapter's default. */
  channelRateLimit?: AdapterDeps['rateLimit'];
  adapterOptions?: Partial<DiscordAdapterOptions>;
  /** Opt-in usage log file (JSON Lines); unset stores nothing, like production's default. */
  usageLogPath?: string;
}

/**
 * Starts a fake Discord and a logged-in adapter connected to it.
 *
 * @example
 * const bot = await startBotHarness({ answerer });
 * bot.discord.dispatch('INTERACTION_CREATE', privacyCommand(bot.discord.options, user, 'Do you sell my data?'));
 */
export async function startBotHarness(options: BotHarnessOptions): Promise<BotHarness> {
  const discord = await startFakeDiscord();
  const logs: string[] = [];
  const usageLog = new UsageLog(options.usageLogPath ? { path: options.usageLogPath } : {});
  const deps: AdapterDeps = {
    answerer: options.answerer,
    usageLog,
    rateLimit: options.rateLimit ?? { limit: 100, windowMs: 60_000 },
    ...(options.channelRateLimit ? { channelRateLimit: options.channelRateLimit } : {}),
    logger: createLogger({ level: 'debug', secrets: [discord.options.token], write: (line) => logs.push(line) }),
  };
  const config: DiscordConfig = {
    token: discord.options.token,
    applicationId: discord.options.applicationId,
    apiUrl: discord.apiUrl,
    answerMentions: true,
    useThreads: false,
    ...options.config,
  };
  const adapter = createDiscordAdapter(config, deps, { loginTimeoutMs: 10_000, ...options.adapterOptions });
  try {
    await adapter.start();
  } catch (error) {
    await discord.close();
    throw error;
  }
  return {
    discord,
    adapter,
    deps,
    usageLog,
    logs,
    async close() {
      await adapter.stop();
      await discord.close();
    },
  };
}

/** True for calls that carry a message (content, embeds or components) rather than e.g. a bare defer. */
export function sendsMessage(request: RecordedRequest): boolean {
  const body = request.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return false;
  const data = (request.path.endsWith('/callback') ? body['data'] : body) as Record<string, unknown> | undefined;
  return Boolean(data && ('content' in data || 'embeds' in data || 'components' in data));
}

/** The message part of a request body: `data` of an interaction callback, else the body itself. */
export function messageOf(request: RecordedRequest): Record<string, unknown> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return (request.path.endsWith('/callback') ? (body['data'] ?? {}) : body) as Record<string, unknown>;
}

/** All text of a sent message (content and embeds), for assertions on what the user sees. */
export function visibleText(request: RecordedRequest): string {
  const message = messageOf(request);
  return JSON.stringify({ content: message['content'], embeds: message['embeds'] });
}
