import type { Answerer } from '../src/types.js';
import type { Logger } from '../src/logger.js';
import type { UsageLog } from '../src/privacy/usage-log.js';
import { defaultConfig } from './config.js';

/** What every chat adapter receives from the process that starts it. */
export interface AdapterDeps {
  /** Answers questions; may be swapped underneath by hot reload. */
  answerer: Answerer;
  /** Redacted, opt-in question and feedback log. */
  usageLog: UsageLog;
  /** Per-user rate limit shared by all handlers of one adapter. */
  rateLimit: { limit: number; windowMs: number };
  /** Automatic answers per channel (`CHANNEL_RATE_LIMIT_MAX`); see {@link channelRateLimitOf} for the default. */
  channelRateLimit?: { limit: number; windowMs: number };
  logger: Logger;
}

/**
 * The per-channel limit of automatic answers: as configured, else the default count over the per-user window.
 *
 * @example
 * new RateLimiter(channelRateLimitOf(deps));
 */
export function channelRateLimitOf(deps: Pick<AdapterDeps, 'rateLimit' | 'channelRateLimit'>): { limit: number; windowMs: number } {
  return deps.channelRateLimit ?? { limit: defaultConfig.channelRateLimitMax, windowMs: deps.rateLimit.windowMs };
}
