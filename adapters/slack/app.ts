/**
 * The Slack adapter: a thin @slack/bolt app over the core answerer. HTTP mode hands its request listener to the web
 * server (mounted at /slack/events on the same port); Socket Mode connects out over a websocket.
 */
import type { RequestListener } from 'node:http';
import { App, HTTPReceiver, HTTPReceiverDeferredRequestError, LogLevel } from '@slack/bolt';
import type { SlackConfig } from '../config.js';
import type { AdapterDeps } from '../deps.js';
import { createBotAuthorization } from './authorize.js';
import { createBoltLogger } from './bolt-logger.js';
import { defaultListenerOptions, registerListeners, type ListenerOptions, type SlackRequirements } from './listeners/index.js';
import { createSlackService, defaultSlackServiceOptions, describeError, type SlackServiceOptions } from './service.js';

/** What {@link createSlackAdapter} returns. */
export interface SlackAdapter {
  app: App;
  /** HTTP mode only: mount at {@link SlackAdapterOptions.endpoint} (`/slack/events`) on the web server. */
  requestListener?: RequestListener;
  /** What the registered listeners need from the app's manifest (events, scopes, commands, shortcuts). */
  requirements: SlackRequirements[];
  /**
   * Verifies the bot token (auth.test); in Socket Mode also connects. Rejects with a `slack:` error on failure.
   * Optional in HTTP mode (the first event verifies the token), but calling it reports a bad token at boot.
   */
  start(): Promise<void>;
  /** Disconnects (Socket Mode); in HTTP mode the web server owns the socket, so there is nothing to close. */
  stop(): Promise<void>;
}

/** Options for {@link createSlackAdapter}; every field has a default. */
export interface SlackAdapterOptions extends SlackServiceOptions, ListenerOptions {
  /** Path of the single Request URL used for events, slash commands and interactivity. */
  endpoint: string;
}

export const defaultSlackAdapterOptions: Readonly<Omit<SlackAdapterOptions, 'now'>> = {
  ...defaultSlackServiceOptions,
  ...defaultListenerOptions,
  endpoint: '/slack/events',
};

/**
 * Builds the bolt app, its receiver and listeners. Nothing touches the network until `start()`.
 *
 * @example
 * const slack = createSlackAdapter(config.slack, deps);
 * await slack.start();
 * if (slack.requestListener) routes['/slack/events'] = slack.requestListener;
 */
export function createSlackAdapter(config: SlackConfig, deps: AdapterDeps, options: Partial<SlackAdapterOptions> = {}): SlackAdapter {
  const fromConfig = config.autoAnswerChannels ? { autoAnswerChannels: config.autoAnswerChannels } : {};
  const opts = { ...defaultSlackAdapterOptions, ...fromConfig, ...options };
  if (!config.botToken) throw new Error('slack: a bot token (SLACK_BOT_TOKEN) is required');
  if (config.mode === 'socket' && !config.appToken) throw new Error('slack: Socket Mode needs an app-level token (SLACK_APP_TOKEN)');
  if (config.mode === 'http' && !config.signingSecret) throw new Error('slack: HTTP mode needs the signing secret (SLACK_SIGNING_SECRET)');

  const secrets = [config.botToken, config.signingSecret, config.appToken].filter((s): s is string => Boolean(s));
  const logger = createBoltLogger(deps.logger, { secrets });
  // A fresh object: bolt writes its logger into the client options it is given.
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  // Our own authorize instead of `token`: no network call in the constructor, auth.test once on first use.
  const auth = createBotAuthorization(config.botToken, { logger, ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}) });
  const common = { authorize: auth.authorize, logger, logLevel: LogLevel.WARN, clientOptions } as const;

  let app: App;
  let requestListener: RequestListener | undefined;
  if (config.mode === 'socket') {
    app = new App({ ...common, socketMode: true, appToken: config.appToken });
  } else {
    const receiver = new HTTPReceiver({
      signingSecret: config.signingSecret ?? '',
      endpoints: opts.endpoint,
      logger,
      logLevel: LogLevel.WARN,
      // Ack (HTTP 200) as soon as a listener calls ack(), before the answer is posted: Slack wants a reply within 3 s.
      processBeforeResponse: false,
    });
    app = new App({ ...common, receiver });
    requestListener = (req, res) => {
      try {
        receiver.requestListener(req, res);
      } catch (error) {
        // Bolt throws for requests it does not route (wrong path or method); answer them instead of crashing.
        if (!res.headersSent) {
          res.writeHead(error instanceof HTTPReceiverDeferredRequestError ? 404 : 500, { 'content-type': 'text/plain' });
        }
        res.end(error instanceof HTTPReceiverDeferredRequestError ? 'Not found' : 'Internal error');
      }
    };
  }

  app.error(async (error) => {
    deps.logger.error('slack: unhandled error in a listener', { error: describeError(error) });
  });
  const requirements = registerListeners(app, createSlackService(deps, opts), opts);

  let starting: Promise<void> | undefined;
  let connected = false;
  const start = (): Promise<void> => {
    starting ??= (async () => {
      try {
        await auth.verify();
      } catch (error) {
        starting = undefined;
        throw new Error(`slack: could not verify the bot token with auth.test: ${describeError(error).message}`);
      }
      if (config.mode === 'socket') {
        try {
          await app.start();
          connected = true;
        } catch (error) {
          starting = undefined;
          throw new Error(`slack: could not connect in Socket Mode: ${describeError(error).message}`);
        }
      }
      deps.logger.info('slack: started', { mode: config.mode });
    })();
    return starting;
  };

  const stop = async (): Promise<void> => {
    const pending = starting;
    starting = undefined;
    if (pending) await pending.catch(() => {});
    if (connected) {
      connected = false;
      await app.stop();
    }
  };

  return { app, ...(requestListener ? { requestListener } : {}), requirements, start, stop };
}
