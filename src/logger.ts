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

// Token shapes of the platforms this bot talks to; masked even if a caller passes one by mistake.
const SECRET_PATTERNS: readonly RegExp[] = [
  /\bxox[abposr]-[A-Za-z0-9-]+/g,
  /\bxapp-[A-Za-z0-9-]+/g,
  /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}\b/g,
];

/**
 * Masks Slack and Discord tokens, and any of the given literal secrets, in a string.
 *
 * @example
 * maskSecrets('token xoxb-123-abc', []) // => 'token [secret]'
 */
export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('[secret]');
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '[secret]');
  return out;
}

/**
 * Creates a logger writing one JSON object per line to stderr, masking known secrets.
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
    write(maskSecrets(JSON.stringify(record, errorReplacer), secrets));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

function errorReplacer(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}

/** A logger that drops everything, for tests and library use. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
