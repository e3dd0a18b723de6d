import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { maskSecrets, type Logger } from '../../src/logger.js';
import { redactPersonalData } from '../../src/privacy/redact.js';

/** Options for {@link createBoltLogger}. */
export interface BoltLoggerOptions {
  /**
   * Least severe level passed on. Bolt and its Socket Mode client log request payloads (user text) at debug level,
   * so nothing below warn is forwarded even if bolt asks for it.
   */
  minLevel: LogLevel.WARN | LogLevel.ERROR;
  /** Literal secrets (tokens, signing secret) masked in every line, on top of the logger's own masking. */
  secrets: readonly string[];
}

export const defaultBoltLoggerOptions: Readonly<BoltLoggerOptions> = { minLevel: LogLevel.WARN, secrets: [] };

const severity: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

/**
 * Adapts the project logger to bolt's logger interface: only warnings and errors, prefixed `slack: bolt: `, with
 * secrets masked and personal data redacted.
 *
 * @example
 * const app = new App({ token, receiver, logger: createBoltLogger(deps.logger, { secrets: [token] }) });
 */
export function createBoltLogger(logger: Logger, options: Partial<BoltLoggerOptions> = {}): BoltLogger {
  const opts = { ...defaultBoltLoggerOptions, ...options };
  const secrets = opts.secrets.filter(Boolean);
  let level: LogLevel = opts.minLevel;
  const enabled = (at: LogLevel) => severity[at] >= severity[level];
  const format = (parts: unknown[]) => redactPersonalData(maskSecrets(parts.map(formatPart).join(' '), secrets)).slice(0, 2000);
  return {
    debug: () => {},
    info: () => {},
    warn: (...parts: unknown[]) => {
      if (enabled(LogLevel.WARN)) logger.warn(`slack: bolt: ${format(parts)}`);
    },
    error: (...parts: unknown[]) => {
      if (enabled(LogLevel.ERROR)) logger.error(`slack: bolt: ${format(parts)}`);
    },
    // Bolt calls setLevel(INFO) by default; never go below the configured floor.
    setLevel: (requested: LogLevel) => {
      level = severity[requested] >= severity[opts.minLevel] ? requested : opts.minLevel;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function formatPart(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) {
    const code = (part as Error & { code?: unknown }).code;
    return `${part.name}${typeof code === 'string' ? ` (${code})` : ''}: ${part.message}`;
  }
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}
