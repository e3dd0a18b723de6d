import { readFileSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { bundledCorpusDir } from '../src/paths.js';
import { logLevels, type LogLevel } from '../src/logger.js';
import { canonicalHost } from './web/host-check.js';

/**
 * All settings of the running process, read from the environment in one place.
 * See `.env.example` for every variable with its meaning.
 */
export interface AppConfig {
  /** Files or folders of policies to answer from. */
  corpusPaths: string[];
  web: {
    host: string;
    port: number;
    /** `ALLOWED_HOSTS`: extra host names (canonical: lower case, no port) the desk answers to; loopback is always allowed. */
    allowedHosts: string[];
    /** `WEB_RATE_LIMIT_MAX` per `RATE_LIMIT_WINDOW_SECONDS`: requests to the JSON question API per client address. */
    rateLimit: { limit: number; windowMs: number };
    /** `DESK_PUBLIC_URL`: where people reach the desk (shown on Slack's Home tab); unset when it is not shared. */
    publicUrl?: string;
  };
  /** Present when Slack settings are present. */
  slack?: SlackConfig;
  /** Present when `DISCORD_TOKEN` is set. */
  discord?: DiscordConfig;
  rateLimit: { limit: number; windowMs: number };
  /** `CHANNEL_RATE_LIMIT_MAX` per `RATE_LIMIT_WINDOW_SECONDS`: automatic answers (no mention, no command) per channel. */
  channelRateLimit: { limit: number; windowMs: number };
  /** Opt-in JSON Lines log of redacted questions and feedback; unset means nothing is stored. */
  questionLogPath?: string;
  logLevel: LogLevel;
}

export interface SlackConfig {
  /** `socket` when `SLACK_APP_TOKEN` is set, otherwise `http` (events at `/slack/events` on the web port). */
  mode: 'http' | 'socket';
  botToken: string;
  /** Required in HTTP mode. */
  signingSecret?: string;
  /** Required in Socket Mode. */
  appToken?: string;
  /** Web API base URL, e.g. `https://slack.com/api/` or a GovSlack or proxy URL. */
  apiUrl?: string;
  /** `SLACK_AUTO_ANSWER_CHANNELS`: channel IDs where questions are answered without a mention; unset means none. */
  autoAnswerChannels?: string[];
}

export interface DiscordConfig {
  token: string;
  /** Needed to deploy slash commands. */
  applicationId?: string;
  /** Deploy commands to this guild only (instant) instead of globally. */
  guildId?: string;
  /** REST base URL, e.g. a proxy. Defaults to discord.js's own. */
  apiUrl?: string;
  /** Answer messages that mention the bot. Requests the Message Content intent. */
  answerMentions: boolean;
  /** Reply to mentions in a new thread instead of inline. */
  useThreads: boolean;
  /**
   * `DISCORD_AUTO_ANSWER_CHANNELS`: text or forum channel IDs where questions and new posts are answered without a
   * mention; unset means none. Requests the Message Content intent.
   */
  autoAnswerChannels?: string[];
}

/** Thrown for a missing or malformed setting; the message names the variable and never echoes a secret. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(`config: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Defaults for settings that have one. */
export const defaultConfig = {
  host: '127.0.0.1',
  port: 3000,
  rateLimitMax: 5,
  rateLimitWindowSeconds: 60,
  /** Same as the web server's own default; per client address, so generous (an address may be a whole office). */
  webRateLimitMax: 120,
  /** Automatic answers per channel per window: enough for a busy help channel, too few to flood one. */
  channelRateLimitMax: 10,
  logLevel: 'info' as LogLevel,
};

/**
 * Reads and validates the configuration. Throws {@link ConfigError} on the first bad setting.
 *
 * @example
 * const config = loadConfig(process.env);
 * if (config.slack) console.log(config.slack.mode);
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };

  const corpusPaths = (get('CORPUS_PATH') ?? bundledCorpusDir)
    .split(delimiter)
    .filter(Boolean)
    .map((p) => resolve(p));

  const windowMs = readPositiveInt('RATE_LIMIT_WINDOW_SECONDS', get('RATE_LIMIT_WINDOW_SECONDS'), defaultConfig.rateLimitWindowSeconds) * 1000;
  const config: AppConfig = {
    corpusPaths,
    web: {
      host: get('HOST') ?? defaultConfig.host,
      port: readPort(get('PORT')),
      allowedHosts: readAllowedHosts(get('ALLOWED_HOSTS')),
      rateLimit: { limit: readPositiveInt('WEB_RATE_LIMIT_MAX', get('WEB_RATE_LIMIT_MAX'), defaultConfig.webRateLimitMax), windowMs },
    },
    rateLimit: {
      limit: readPositiveInt('RATE_LIMIT_MAX', get('RATE_LIMIT_MAX'), defaultConfig.rateLimitMax),
      windowMs,
    },
    channelRateLimit: {
      limit: readPositiveInt('CHANNEL_RATE_LIMIT_MAX', get('CHANNEL_RATE_LIMIT_MAX'), defaultConfig.channelRateLimitMax),
      windowMs,
    },
    logLevel: readLogLevel(get('LOG_LEVEL')),
  };
  const deskUrl = get('DESK_PUBLIC_URL');
  if (deskUrl) config.web.publicUrl = readUrl('DESK_PUBLIC_URL', deskUrl, false);
  const questionLogPath = get('QUESTION_LOG_PATH');
  if (questionLogPath) config.questionLogPath = resolve(questionLogPath);
  const slack = readSlack(get);
  if (slack) config.slack = slack;
  const discord = readDiscord(get);
  if (discord) config.discord = discord;
  return config;
}

/**
 * The environment with the settings of an env file (`KEY=value` lines, as Node's `--env-file` reads them) added
 * underneath: a variable already in `env` always wins, even when empty, so the real environment (a process manager,
 * a container, the shell) overrides the file. A missing file adds nothing; an unreadable one is a {@link ConfigError}.
 *
 * @example
 * const config = loadConfig(withEnvFile(process.env, '.env'));
 */
export function withEnvFile(env: Env, path: string): Env {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return env;
    throw new ConfigError(`cannot read the env file ${path}: ${(error as Error).message}`);
  }
  return { ...parseEnv(content), ...env };
}

/** Every secret in the configuration, for log masking. */
export function secretsOf(config: AppConfig): string[] {
  return [config.slack?.botToken, config.slack?.signingSecret, config.slack?.appToken, config.discord?.token].filter(
    (s): s is string => Boolean(s),
  );
}

function readSlack(get: (name: string) => string | undefined): SlackConfig | undefined {
  const botToken = get('SLACK_BOT_TOKEN');
  const signingSecret = get('SLACK_SIGNING_SECRET');
  const appToken = get('SLACK_APP_TOKEN');
  const apiUrl = get('SLACK_API_URL');
  const autoAnswerChannels = readChannelIds('SLACK_AUTO_ANSWER_CHANNELS', get('SLACK_AUTO_ANSWER_CHANNELS'), slackChannelId);
  if (!botToken && !signingSecret && !appToken) {
    for (const [name, value] of [['SLACK_API_URL', apiUrl], ['SLACK_AUTO_ANSWER_CHANNELS', autoAnswerChannels]] as const) {
      if (value) throw new ConfigError(`${name} is set but SLACK_BOT_TOKEN is not`);
    }
    return undefined;
  }
  if (!botToken) throw new ConfigError('SLACK_BOT_TOKEN is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set');
  if (!botToken.startsWith('xoxb-')) throw new ConfigError(`SLACK_BOT_TOKEN must be a bot token starting with "xoxb-" (got ${describeSecret(botToken)})`);
  if (appToken && !appToken.startsWith('xapp-')) throw new ConfigError(`SLACK_APP_TOKEN must be an app-level token starting with "xapp-" (got ${describeSecret(appToken)})`);
  if (!appToken && !signingSecret) {
    throw new ConfigError('SLACK_SIGNING_SECRET is required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (signingSecret && !/^[A-Za-z0-9]{16,}$/.test(signingSecret)) {
    throw new ConfigError(`SLACK_SIGNING_SECRET must be the app's signing secret: 16 or more letters and digits (got ${describeSecret(signingSecret)})`);
  }
  const slack: SlackConfig = { mode: appToken ? 'socket' : 'http', botToken };
  if (signingSecret) slack.signingSecret = signingSecret;
  if (appToken) slack.appToken = appToken;
  if (apiUrl) slack.apiUrl = readUrl('SLACK_API_URL', apiUrl, true);
  if (autoAnswerChannels) slack.autoAnswerChannels = autoAnswerChannels;
  return slack;
}

function readDiscord(get: (name: string) => string | undefined): DiscordConfig | undefined {
  const token = get('DISCORD_TOKEN');
  const applicationId = get('DISCORD_APPLICATION_ID');
  const guildId = get('DISCORD_GUILD_ID');
  const apiUrl = get('DISCORD_API_URL');
  const autoAnswerChannels = readChannelIds('DISCORD_AUTO_ANSWER_CHANNELS', get('DISCORD_AUTO_ANSWER_CHANNELS'), discordChannelId);
  if (!token) {
    if (applicationId || guildId || apiUrl || autoAnswerChannels) {
      throw new ConfigError('DISCORD_TOKEN is required when other DISCORD_* settings are set');
    }
    return undefined;
  }
  if (/\s/.test(token) || token.split('.').length !== 3) {
    throw new ConfigError(`DISCORD_TOKEN must be a bot token of three dot-separated parts (got ${describeSecret(token)})`);
  }
  for (const [name, value] of [['DISCORD_APPLICATION_ID', applicationId], ['DISCORD_GUILD_ID', guildId]] as const) {
    if (value && !/^\d{15,21}$/.test(value)) throw new ConfigError(`${name} must be a numeric Discord id (got "${value}")`);
  }
  const discord: DiscordConfig = {
    token,
    answerMentions: readBoolean('DISCORD_ANSWER_MENTIONS', get('DISCORD_ANSWER_MENTIONS'), true),
    useThreads: readBoolean('DISCORD_USE_THREADS', get('DISCORD_USE_THREADS'), false),
  };
  if (applicationId) discord.applicationId = applicationId;
  if (guildId) discord.guildId = guildId;
  if (apiUrl) discord.apiUrl = readUrl('DISCORD_API_URL', apiUrl, false);
  if (autoAnswerChannels) discord.autoAnswerChannels = autoAnswerChannels;
  return discord;
}

/** What a channel ID looks like on a platform, and where to find one, for the error message. */
interface ChannelIdFormat {
  pattern: RegExp;
  example: string;
  where: string;
}

// Public (C) and private (G) channels; DMs (D) are answered anyway and are not channels to watch.
const slackChannelId: ChannelIdFormat = {
  pattern: /^[CG][A-Z0-9]{6,20}$/,
  example: 'C0123456789',
  where: "the channel's name → About → Channel ID",
};
const discordChannelId: ChannelIdFormat = {
  pattern: /^\d{15,21}$/,
  example: '123456789012345678',
  where: 'Developer Mode on, then right-click the channel → Copy Channel ID',
};

/**
 * Comma-separated channel IDs (blanks and repeats dropped); undefined when none are given. A wrong entry is quoted
 * (channel IDs and names are not secrets) and its position given, since the usual mistake is a name like "#privacy".
 */
function readChannelIds(name: string, value: string | undefined, format: ChannelIdFormat): string[] | undefined {
  if (value === undefined) return undefined;
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  entries.forEach((entry, i) => {
    if (!format.pattern.test(entry)) {
      const shown = entry.length > 40 ? `${entry.slice(0, 40)}…` : entry;
      throw new ConfigError(
        `${name} must be comma-separated channel IDs like ${format.example} (${format.where}), not names; entry ${i + 1} of ${entries.length} ("${shown}") is not one`,
      );
    }
  });
  return entries.length > 0 ? [...new Set(entries)] : undefined;
}

function describeSecret(value: string): string {
  return `a value of ${value.length} characters`;
}

function readPort(value: string | undefined): number {
  if (value === undefined) return defaultConfig.port;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new ConfigError(`PORT must be a whole number from 0 to 65535 (got "${value}")`);
  return port;
}

function readPositiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new ConfigError(`${name} must be a positive whole number`);
  return Number(value);
}

/**
 * Comma-separated host names or IP addresses; empty entries (a trailing comma) are ignored. The message says which entry
 * is wrong by position, not by value: the value is whatever was pasted, and start-up errors end up in shared logs.
 */
function readAllowedHosts(value: string | undefined): string[] {
  if (value === undefined) return [];
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  return entries.map((entry, i) => {
    const canonical = canonicalHost(entry);
    if (canonical === undefined) {
      throw new ConfigError(
        `ALLOWED_HOSTS must be comma-separated host names or IP addresses, without scheme, port or wildcard (entry ${i + 1} of ${entries.length} is not)`,
      );
    }
    return canonical;
  });
}

function readBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false (got "${value}")`);
}

function readLogLevel(value: string | undefined): LogLevel {
  if (value === undefined) return defaultConfig.logLevel;
  if ((logLevels as readonly string[]).includes(value)) return value as LogLevel;
  throw new ConfigError(`LOG_LEVEL must be one of ${logLevels.join(', ')} (got "${value}")`);
}

function readUrl(name: string, value: string, trailingSlash: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL (got "${value}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must use http or https (got "${url.protocol}")`);
  // The Slack Web API client appends method names to the base URL, so it needs the trailing slash.
  return trailingSlash && !url.href.endsWith('/') ? `${url.href}/` : url.href;
}
