import type http from 'node:http';
import { CorpusError } from '../src/corpus/errors.js';
import { createLogger, type Logger } from '../src/logger.js';
import { registerSecrets } from '../src/privacy/secrets.js';
import { LiveAnswerer } from '../src/live-answerer.js';
import { isEntryPoint } from '../src/paths.js';
import { UsageLog } from '../src/privacy/usage-log.js';
import { ConfigError, loadConfig, secretsOf, withEnvFile, type AppConfig } from './config.js';
import type { AdapterDeps } from './deps.js';
import { isLoopbackHost, startWebServer, type WebServer } from './web/server.js';

/**
 * The `npm start` process: the support desk always; Slack and Discord when their settings are present, all in one
 * process sharing one hot-reloading answerer. A platform that fails to connect is logged and left out; the others
 * keep running.
 */

/** A chat platform as the process manages it. */
interface Platform {
  name: 'slack' | 'discord';
  /** Connects (Socket Mode, Discord gateway) or, for Slack in HTTP mode, verifies the token. */
  start: () => Promise<void>;
  stop: () => Promise<void>;
}

/** Everything {@link startApp} started. */
export interface RunningApp {
  web: WebServer;
  answerer: LiveAnswerer;
  /** Resolves when every platform's first connection attempt has settled (succeeded or been logged as failed). */
  platformsSettled: Promise<void>;
  /**
   * Stops the platforms and the web server together (requests in flight finish, see {@link WebServer.close}), then the
   * file watchers. Bounded by {@link StartOptions.stopTimeoutMs}.
   */
  stop(): Promise<void>;
}

/** Options for {@link startApp}. */
export interface StartOptions {
  logger: Logger;
  /** Where the one-line "Support desk: <url>" goes; stdout by default. */
  print?: (line: string) => void;
  /**
   * How long {@link RunningApp.stop} waits for each platform to disconnect, and lets web requests in flight finish.
   * Both run at once, so stopping takes at most about this long.
   */
  stopTimeoutMs?: number;
}

/** Defaults of {@link StartOptions}. */
export const defaultStartOptions = {
  print: (line: string) => process.stdout.write(`${line}\n`),
  // Process managers wait 5 to 10 s after SIGTERM before SIGKILL; `main` adds a hard deadline just after this.
  stopTimeoutMs: 3000,
} as const;

/**
 * Starts the answerer, the web server and the configured chat platforms.
 * Throws when the corpus cannot be loaded or the web server cannot listen; platform failures are only logged.
 *
 * @example
 * const config = loadConfig(process.env);
 * const app = await startApp(config, { logger: createLogger({ level: config.logLevel, secrets: secretsOf(config) }) });
 * // … later
 * await app.stop();
 */
export async function startApp(config: AppConfig, options: StartOptions): Promise<RunningApp> {
  const { logger } = options;
  const print = options.print ?? defaultStartOptions.print;
  const stopTimeoutMs = options.stopTimeoutMs ?? defaultStartOptions.stopTimeoutMs;

  const answerer = await LiveAnswerer.start({ paths: config.corpusPaths, logger });
  const deps: AdapterDeps = {
    answerer,
    usageLog: new UsageLog(config.questionLogPath ? { path: config.questionLogPath } : {}),
    rateLimit: config.rateLimit,
    channelRateLimit: config.channelRateLimit,
    logger,
  };

  const platforms: Platform[] = [];
  const routes: Record<string, http.RequestListener> = {};

  if (config.slack) {
    const slackConfig = config.slack;
    try {
      // Imported on demand: bolt is heavy and a desk-only start should not pay for it.
      const { createSlackAdapter } = await import('./slack/app.js');
      const slack = createSlackAdapter(slackConfig, deps, config.web.publicUrl ? { deskUrl: config.web.publicUrl } : {});
      if (slackConfig.mode === 'http' && !slack.requestListener) {
        logger.error('slack: the adapter gave no request listener for HTTP mode; Slack is not running');
      } else {
        if (slack.requestListener) routes['/slack/events'] = slack.requestListener;
        // HTTP mode: start() only verifies the token, so a bad one is reported at boot rather than at the first event.
        platforms.push({ name: 'slack', start: () => slack.start(), stop: () => slack.stop() });
      }
    } catch (error) {
      logger.error('slack: could not be set up; Slack is not running, the rest keeps going', { error });
    }
  }

  if (config.discord) {
    const discordConfig = config.discord;
    try {
      const { createDiscordAdapter } = await import('./discord/bot.js');
      const discord = createDiscordAdapter(discordConfig, deps);
      platforms.push({ name: 'discord', start: () => discord.start(), stop: () => discord.stop() });
    } catch (error) {
      logger.error('discord: could not be set up; Discord is not running, the rest keeps going', { error });
    }
  }

  let web: WebServer;
  try {
    web = await startWebServer({
      host: config.web.host,
      port: config.web.port,
      answerer,
      logger,
      routes,
      // Slack's requests carry the public host in `Host`. They need no Host check: bolt refuses any request without a
      // valid signature (401, nothing answered), so a rebinding page gains nothing, and a forgotten ALLOWED_HOSTS entry
      // cannot silently cut Slack off.
      hostCheckExempt: routes['/slack/events'] ? ['/slack/events'] : [],
      allowedHosts: config.web.allowedHosts,
      rateLimit: config.web.rateLimit,
      usageLog: deps.usageLog,
    });
  } catch (error) {
    answerer.close();
    throw error;
  }
  const bound = web.address.address;
  // One line, URL first, so scripts and people can both pick it up; a non-loopback bind says where it really listens.
  print(`Support desk: ${web.url}${isLoopbackHost(bound) ? '' : ` (listening on ${bound}, reachable from other machines)`}`);
  if (routes['/slack/events']) logger.info(`slack: receiving events at ${web.url}/slack/events (HTTP mode)`);

  // Connections run in parallel; a failure stops that platform only. Slack in HTTP mode stays mounted after a failed
  // token check: the check may have failed for a passing network reason, and each event is verified again anyway.
  const failed = new Set<Platform>();
  const platformsSettled = Promise.all(
    platforms.map(async (platform) => {
      try {
        await platform.start();
      } catch (error) {
        failed.add(platform);
        logger.error(`${platform.name}: could not start; the support desk and the other platforms keep running`, { error });
        // Release whatever the half-started client holds (sockets, timers).
        await withTimeout(platform.stop(), stopTimeoutMs).catch(() => undefined);
      }
    }),
  ).then(() => undefined);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    // Not waiting for connections still in progress: each adapter's stop() abandons a pending start.
    stopping ??= (async () => {
      await Promise.all([
        ...platforms
          .filter((platform) => !failed.has(platform))
          .map((platform) =>
            withTimeout(platform.stop(), stopTimeoutMs).catch((error: unknown) => logger.warn(`${platform.name}: did not stop cleanly`, { error })),
          ),
        web.close({ graceMs: stopTimeoutMs }),
      ]);
      answerer.close();
    })();
    return stopping;
  };

  return { web, answerer, platformsSettled, stop };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolvePromise, rejectPromise) => {
    const timer = setTimeout(() => rejectPromise(new Error(`timed out after ${ms} ms`)), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolvePromise(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        rejectPromise(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Options of {@link main}, from its command line. */
export interface MainOptions {
  /** `--dotenv <path>`: settings read from this file unless already in the environment (`npm start` passes `.env`). */
  dotenv?: string;
}

/** Defaults of the process's shutdown. */
export const shutdownDefaults = {
  /** After a signal, the process exits by this time whatever is still stopping (a little after the stop timeout). */
  deadlineMs: defaultStartOptions.stopTimeoutMs + 1500,
} as const;

/**
 * Reads start's command line: `--dotenv <path>` (or `--dotenv=<path>`) only.
 *
 * @example
 * parseStartArgs(['--dotenv', '.env']) // => { dotenv: '.env' }
 */
export function parseStartArgs(args: readonly string[]): MainOptions {
  const options: MainOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const inline = /^--dotenv=(.+)$/.exec(arg);
    if (inline) options.dotenv = inline[1]!;
    else if (arg === '--dotenv' && args[i + 1] !== undefined) options.dotenv = args[++i]!;
    else throw new ConfigError(`start takes only --dotenv <path> (got "${arg.slice(0, 40)}")`);
  }
  return options;
}

/**
 * Entry point of `npm start`: reads the environment (and the env file, if given), starts everything, and shuts down
 * gracefully on SIGINT or SIGTERM, exiting within {@link shutdownDefaults.deadlineMs}. A signal that arrives while
 * shutting down is only logged: pressing Ctrl-C in a terminal delivers SIGINT to node and to npm, which forwards it,
 * so node sees it twice. A bad setting prints one line to stderr and exits 1 before anything starts; a corpus that
 * cannot be loaded (missing, unreadable, too large, not a policy) exits 2 with the corpus error, which names the file,
 * as `ask` does.
 *
 * @example
 * await main(process.env, { dotenv: '.env' });
 */
export async function main(env: NodeJS.ProcessEnv = process.env, options: MainOptions = {}): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(options.dotenv ? withEnvFile(env, options.dotenv) : env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Registered for the whole process: every sink (logs, the question log, redaction) masks them from here on.
  registerSecrets(secretsOf(config));
  const logger = createLogger({ level: config.logLevel });

  // A stray rejection inside one platform's client must not take down the desk and the other platform.
  process.on('unhandledRejection', (reason) => logger.error('start: unhandled rejection (kept running)', { error: reason }));

  let app: RunningApp;
  try {
    app = await startApp(config, { logger });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof CorpusError ? 2 : 1);
  }

  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      logger.debug(`start: ${signal} received again, already shutting down`);
      return;
    }
    shuttingDown = true;
    const started = Date.now();
    logger.info(`start: ${signal} received, shutting down`);
    const deadline = setTimeout(() => {
      logger.error(`start: shutdown did not finish within ${shutdownDefaults.deadlineMs} ms; exiting anyway`);
      process.exit(1);
    }, shutdownDefaults.deadlineMs);
    deadline.unref();
    app.stop().then(
      () => {
        logger.info('start: stopped', { ms: Date.now() - started });
        process.exit(0);
      },
      (error: unknown) => {
        logger.error('start: shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

if (isEntryPoint(import.meta.url)) {
  try {
    await main(process.env, parseStartArgs(process.argv.slice(2)));
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? '' : 'start: '}${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
