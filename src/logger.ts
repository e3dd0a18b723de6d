import { stringifyMasked } from './privacy/secrets.js';

// Kept here too: callers that log import the masker with the logger.
export { maskSecrets } from './privacy/secrets.js';

/** Log levels, most verbose first. */
export const logLevels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];

/** Minimal structured logger. Every line goes to stderr so stdout stays clean for JSON output. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Creates a logger writing one JSON object per line to stderr. Every string in a record (message, fields and their
 * keys, error messages) goes through `maskSecrets` (`stringifyMasked`): token shapes, the secrets registered for the process
 * (`registerSecrets`) and this logger's own `secrets`. Redact user text with `redactPersonalData` before logging it.
 *
 * @example
 * const log = createLogger({ level: 'info', secrets: [process.env.SLACK_BOT_TOKEN ?? ''] });
 * log.info('slack: started', { mode: 'socket' });
 */
export function createLogger(options: { level?: LogLevel; secrets?: readonly string[]; write?: (line: string) => void } = {}): Logger {
  const threshold = logLevels.indexOf(options.level ?? 'info');
  const secrets = (options.secrets ?? []).filter(Boolean);
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const emit = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (logLevels.indexOf(level) < threshold) return;
    const record = { time: new Date().toISOString(), level, message, ...fields };
    write(stringifyMasked(record, secrets));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

/** A logger that drops everything, for tests and library use. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
