import { webApi, type Authorize, type AuthorizeResult, type Logger as BoltLogger } from '@slack/bolt';

/** Options for {@link createBotAuthorization}. */
export interface BotAuthorizationOptions {
  /** Web API base URL (SLACK_API_URL); bolt's default when unset. */
  slackApiUrl?: string;
  logger?: BoltLogger;
  /** Retries of auth.test on network errors: few, so that a bad network fails start() in seconds, not half an hour. */
  retryConfig: webApi.RetryOptions;
}

export const defaultBotAuthorizationOptions: Readonly<BotAuthorizationOptions> = {
  retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2000 },
};

/** The single-workspace authorization of the bot: its token plus the ids auth.test reports. */
export interface BotAuthorization {
  /** For `new App({ authorize })`: resolves the bot's identity, calling auth.test once and caching success. */
  authorize: Authorize<boolean>;
  /** Runs (or reuses) auth.test; rejects with the Web API error if the token is not accepted. */
  verify(): Promise<AuthorizeResult>;
}

/**
 * Lazily verified bot-token authorization. Bolt's built-in single-token mode either calls auth.test in the App
 * constructor (an unhandled rejection, i.e. a crash, if Slack is unreachable at boot) or needs `app.init()` before
 * the first request. This one calls auth.test on first use (start() or the first event), caches the result, and
 * retries on the next event after a failure.
 *
 * @example
 * const auth = createBotAuthorization('xoxb-…', { slackApiUrl: 'https://slack.com/api/' });
 * const app = new App({ authorize: auth.authorize, receiver });
 * await auth.verify();
 */
export function createBotAuthorization(botToken: string, options: Partial<BotAuthorizationOptions> = {}): BotAuthorization {
  const opts = { ...defaultBotAuthorizationOptions, ...options };
  const client = new webApi.WebClient(botToken, {
    retryConfig: opts.retryConfig,
    ...(opts.slackApiUrl ? { slackApiUrl: opts.slackApiUrl } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  let identity: Promise<AuthorizeResult> | undefined;

  const verify = (): Promise<AuthorizeResult> => {
    if (!identity) {
      const pending = client.auth.test().then((result) => {
        const found: AuthorizeResult = { botToken };
        if (result.bot_id) found.botId = result.bot_id;
        if (result.user_id) found.botUserId = result.user_id;
        if (result.team_id) found.teamId = result.team_id;
        if (result.enterprise_id) found.enterpriseId = result.enterprise_id;
        return found;
      });
      identity = pending;
      // Forget a failure so the next event tries again; the rejection itself still reaches the caller.
      pending.catch(() => {
        if (identity === pending) identity = undefined;
      });
    }
    return identity;
  };

  return { authorize: async () => ({ ...(await verify()) }), verify };
}
