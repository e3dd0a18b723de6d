import type { Answerer } from '../src/types.js';
import type { Logger } from '../src/logger.js';
import type { UsageLog } from '../src/privacy/usage-log.js';

/** What every chat adapter receives from the process that starts it. */
export interface AdapterDeps {
  /** Answers questions; may be swapped underneath by hot reload. */
  answerer: Answerer;
  /** Redacted, opt-in question and feedback log. */
  usageLog: UsageLog;
  /** Per-user rate limit shared by all handlers of one adapter. */
  rateLimit: { limit: number; windowMs: number };
  logger: Logger;
}
