/**
 * The Discord adapter: a discord.js v14 client whose commands and events live in `commands/` and `events/`,
 * as in the discord.js guide. It only renders what the core answerer returns.
 */
import { Client, Events, GatewayIntentBits, Partials, type ClientEvents, type ClientOptions } from 'discord.js';
import type { DiscordConfig } from '../config.js';
import { channelRateLimitOf, type AdapterDeps } from '../deps.js';
import { AutoResponder } from '../../src/auto-respond.js';
import { RateLimiter } from '../../src/rate-limit.js';
import { defaultDiscordAdapterOptions, describeError, type DiscordAdapterOptions, type DiscordContext } from './context.js';
import { clientError, shardError } from './events/client-error.js';
import { interactionCreate } from './events/interaction-create.js';
import { messageCreate } from './events/message-create.js';
import { ready } from './events/ready.js';
import { threadCreate } from './events/thread-create.js';
import type { DiscordEvent } from './events/types.js';
import { noMentions } from './render.js';

export { defaultDiscordAdapterOptions, type DiscordAdapterOptions } from './context.js';

/** A running (or startable) Discord bot. */
export interface DiscordAdapter {
  client: Client;
  /** Logs in and resolves once the client is ready; rejects (and destroys the client) if login fails or times out. */
  start(): Promise<void>;
  /** Disconnects and destroys the client. Safe to call more than once. */
  stop(): Promise<void>;
}

/** The features that decide which gateway intents the bot needs. */
export interface IntentFeatures {
  /** `DISCORD_ANSWER_MENTIONS`. */
  answerMentions: boolean;
  /** Whether the `AutoResponder` watches any channel (`DISCORD_AUTO_ANSWER_CHANNELS`); absent means no. */
  watchesChannels?: boolean;
}

/**
 * Gateway intents the bot needs, and no more.
 * - `Guilds`: always; slash commands, and the guild and channel cache that interactions and threads rely on.
 * - `GuildMessages` + `MessageContent`: only when answering @mentions or channels without a mention. Discord delivers
 *   the content of messages that mention the bot even without the privileged Message Content intent, but the intent
 *   is requested (and must be enabled in the Developer Portal) only when one of these is on, so a commands-only bot
 *   stays unprivileged. Reading questions nobody addressed to the bot (`watchesChannels`: the `AutoResponder` watches
 *   some channel, from `DISCORD_AUTO_ANSWER_CHANNELS`) needs it in any case.
 *   The "Ask Privacy Assistant" message command does not: Discord sends the target message's content with it.
 * - `DirectMessages`: only when answering direct messages.
 *
 * @example
 * discordIntents({ answerMentions: false }, { answerDirectMessages: false }) // => [GatewayIntentBits.Guilds]
 */
export function discordIntents(
  features: IntentFeatures,
  options: Pick<DiscordAdapterOptions, 'answerDirectMessages'> = defaultDiscordAdapterOptions,
): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds];
  if (features.answerMentions || features.watchesChannels) {
    intents.push(GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent);
  }
  if (options.answerDirectMessages) intents.push(GatewayIntentBits.DirectMessages);
  return intents;
}

/**
 * Builds the Discord client with its command and event handlers. Nothing connects until `start()`.
 *
 * @example
 * const discord = createDiscordAdapter(config.discord, { answerer, usageLog, rateLimit: config.rateLimit, logger });
 * await discord.start();
 * process.on('SIGTERM', () => void discord.stop());
 */
export function createDiscordAdapter(
  config: DiscordConfig,
  deps: AdapterDeps,
  options: Partial<DiscordAdapterOptions> = {},
): DiscordAdapter {
  const settings: DiscordAdapterOptions = { ...defaultDiscordAdapterOptions, ...options };
  const rateLimiter = new RateLimiter(deps.rateLimit);
  const autoResponder = new AutoResponder(
    {
      answerer: () => deps.answerer,
      userLimiter: rateLimiter,
      channelLimiter: new RateLimiter(channelRateLimitOf(deps)),
      watchedChannels: config.autoAnswerChannels ?? [],
    },
    { top: settings.top, rememberedThreads: settings.rememberedThreads },
  );
  const features: IntentFeatures = { answerMentions: config.answerMentions, watchesChannels: autoResponder.watchesAnyChannel };
  const clientOptions: ClientOptions = {
    intents: discordIntents(features, settings),
    // DM channels are not cached until a message arrives in them.
    partials: settings.answerDirectMessages ? [Partials.Channel] : [],
    // Client-wide default; every send also passes it explicitly.
    allowedMentions: noMentions,
  };
  // Only set when configured: an `api: undefined` would override discord.js's default URL.
  if (config.apiUrl) clientOptions.rest = { api: config.apiUrl.replace(/\/+$/, '') };
  const client = new Client(clientOptions);

  const context: DiscordContext = {
    config,
    deps,
    options: settings,
    rateLimiter,
    feedbackSeen: new Set(),
    cooldownNoticeUntil: new Map(),
    autoResponder,
  };
  register(client, context, ready);
  register(client, context, clientError);
  register(client, context, shardError);
  register(client, context, interactionCreate);
  register(client, context, messageCreate);
  register(client, context, threadCreate);

  let stopped = false;
  const destroyClient = async (): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), settings.stopTimeoutMs);
    });
    try {
      // @discordjs/ws can hang in destroy() when called mid-handshake (waiting for HELLO/READY); never wait forever.
      const outcome = await Promise.race([client.destroy().then(() => 'done' as const), gaveUp]);
      if (outcome === 'timeout') deps.logger.warn('discord: client did not disconnect in time', { stopTimeoutMs: settings.stopTimeoutMs });
    } catch (error) {
      deps.logger.warn('discord: error while disconnecting', { error: describeError(error) });
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    client,
    async start() {
      stopped = false;
      deps.logger.info('discord: logging in', { intents: clientOptions.intents, api: config.apiUrl ?? 'default' });
      let timer: NodeJS.Timeout | undefined;
      const isReady = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`discord: login did not complete within ${settings.loginTimeoutMs} ms`)),
          settings.loginTimeoutMs,
        );
      });
      try {
        // login() resolves on the gateway's READY; ClientReady follows once the guilds have arrived.
        await Promise.race([client.login(config.token).then(() => isReady), timeout]);
      } catch (error) {
        const failure = loginError(error, features);
        deps.logger.error('discord: login failed', { error: describeError(failure) });
        await destroyClient();
        throw failure;
      } finally {
        clearTimeout(timer);
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await destroyClient();
      deps.logger.info('discord: stopped');
    },
  };
}

/** Turns discord.js's login errors into one actionable message, prefixed like every error of this module. */
function loginError(error: unknown, features: IntentFeatures): Error {
  if (error instanceof Error && error.message.startsWith('discord:')) return error;
  const message = describeError(error).message;
  let hint = '';
  if (/disallowed intent/i.test(message)) {
    const turnOff = [features.answerMentions ? 'set DISCORD_ANSWER_MENTIONS=false' : '', features.watchesChannels ? 'unset DISCORD_AUTO_ANSWER_CHANNELS' : '']
      .filter(Boolean)
      .join(' and ');
    hint = turnOff
      ? ` (enable "Message Content Intent" under Bot → Privileged Gateway Intents in the Developer Portal, or ${turnOff})`
      : ' (a privileged intent is not enabled for this bot in the Developer Portal)';
  } else if (/token|unauthori[sz]ed|authentication/i.test(message)) {
    hint = ' (check DISCORD_TOKEN: Developer Portal → your application → Bot → Reset Token)';
  }
  return new Error(`discord: login failed: ${message}${hint}`, { cause: error });
}

function register<K extends keyof ClientEvents>(client: Client, context: DiscordContext, event: DiscordEvent<K>): void {
  const failed = (error: unknown) => context.deps.logger.error('discord: event handler failed', { event: String(event.name), error: describeError(error) });
  const listener = (...args: ClientEvents[K]): void => {
    // Started at once, not on a later tick: discord.js updates cached messages in place, so an edit arriving right
    // behind a new message would otherwise be read as the message's first text. Handlers catch their own errors;
    // this is the last line so one bad event never takes the bot down.
    try {
      Promise.resolve(event.execute(context, ...args)).catch(failed);
    } catch (error) {
      failed(error);
    }
  };
  if (event.once) client.once(event.name, listener);
  else client.on(event.name, listener);
}
