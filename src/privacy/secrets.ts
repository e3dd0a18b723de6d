/**
 * Masking of secrets (tokens, keys, passwords) in text bound for a log or any other sink. Every sink runs its output
 * through {@link maskSecrets}, and personal-data redaction (`redact.ts`) masks before it rewrites anything, so no
 * rewrite can break a token into pieces the masker no longer recognises, whichever a caller applies first.
 */

/** What a masked secret becomes. */
export const SECRET_PLACEHOLDER = '[secret]';

// Shapes of credentials: the platforms this bot talks to, and the API keys people paste by mistake. Each pattern is
// linear (no nested quantifiers over the same characters), since it runs on every log line and every question.
const TOKEN_PATTERNS: readonly RegExp[] = [
  // Slack: bot, user, workspace, refresh and rotating tokens (xoxb-, xoxp-, xoxe-, xoxe.xoxp-), app-level tokens.
  /\bxox[a-z](?:\.xox[a-z])?-[A-Za-z0-9-]+/g,
  /\bxapp-[A-Za-z0-9-]+/g,
  // Slack and Discord webhook URLs carry their secret in the path.
  /\bhooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]+/g,
  /\bdiscord(?:app)?\.com\/api\/(?:v\d+\/)?webhooks\/\d+\/[A-Za-z0-9_-]+/g,
  // JSON Web Tokens: base64url header and payload (both JSON, so "eyJ"), then the signature.
  /\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g,
  // Discord bot tokens: base64 of a numeric user id (so M, N or O first), a timestamp, an HMAC.
  /\b[MNO][A-Za-z0-9_-]{19,}\.[A-Za-z0-9_-]{5,7}\.[A-Za-z0-9_-]{20,}/g,
  // Prefixed API keys: GitHub, GitLab, Stripe, OpenAI-style, AWS access key ids, Google.
  /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,})/g,
  /\b[rsp]k_(?:live|test)_[A-Za-z0-9]{16,}/g,
  /\bsk-(?:proj-|ant-|svcacct-)?[A-Za-z0-9_-]{20,}/g,
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  /\bAIza[A-Za-z0-9_-]{35}/g,
];

// A credential announced by its name: "Bearer …", "api_key=…", "password: …", "X-API-Key: …", "?token=…". The
// name and separator stay, so a log still says what kind of value was there.
const LABELLED_PATTERNS: readonly RegExp[] = [
  /\b((?:Bearer|Basic)\s+)(?=[A-Za-z0-9._~+/=-]*\d)[A-Za-z0-9._~+/=-]{8,}/gi,
  /\b((?:api[_-]?key|access[_-]?key|secret[_-]?key|access[_-]?token|auth[_-]?token|refresh[_-]?token|client[_-]?secret|signing[_-]?secret|token|secret|password|passwd|pwd)["']?\s*[:=]\s*["']?)[^\s"',;&<>]+/gi,
];

// A long run of letters, digits, "-" and "_" that mixes upper case, lower case and digits looks generated: a key of
// some service this list does not name. Hashes (lower-case hex) and slugs are left alone.
const RANDOM_RUN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g;

function looksGenerated(run: string): boolean {
  return /[a-z]/.test(run) && /[A-Z]/.test(run) && /\d/.test(run);
}

/** Shorter literal secrets are ignored: masking them would shred ordinary words. */
const MIN_SECRET_LENGTH = 6;

const registered = new Set<string>();
// The registered secrets longest first, so a secret that contains another is masked whole; kept sorted as they are
// registered, since masking runs on every question and every log line.
let registeredLongestFirst: readonly string[] = [];

/**
 * Registers literal secrets (the configured tokens and signing secret) to be masked by every {@link maskSecrets} and
 * `redactPersonalData` call in this process, whichever module makes it. Call once after reading the configuration.
 *
 * @example
 * registerSecrets(secretsOf(config));
 * maskSecrets(`token ${config.slack.botToken}`) // => 'token [secret]'
 */
export function registerSecrets(secrets: Iterable<string>): void {
  for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH) registered.add(secret);
  registeredLongestFirst = longestFirst(registered);
}

function longestFirst(secrets: Iterable<string>): string[] {
  return [...secrets].sort((a, b) => b.length - a.length);
}

/**
 * Masks registered secrets, the given literal secrets and every known token shape in a string.
 *
 * @example
 * maskSecrets('token xoxb-123-abc and s3cr3tvalue', ['s3cr3tvalue']) // => 'token [secret] and [secret]'
 */
export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  const extra = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  const literals = extra.length === 0 ? registeredLongestFirst : longestFirst([...registered, ...extra]);
  for (const secret of literals) if (out.includes(secret)) out = out.split(secret).join(SECRET_PLACEHOLDER);
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, SECRET_PLACEHOLDER);
  for (const pattern of LABELLED_PATTERNS) out = out.replace(pattern, `$1${SECRET_PLACEHOLDER}`);
  return out.replace(RANDOM_RUN, (run) => (looksGenerated(run) ? SECRET_PLACEHOLDER : run));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * A record as one line of JSON with every string in it masked: values, keys and error messages. Masking each string
 * before serializing, never the serialized line, keeps the line valid JSON (a secret next to an escaped quote or
 * backslash, or a field merely named "token", cannot take the JSON syntax with it).
 *
 * @example
 * stringifyMasked({ message: 'got xoxb-1-2-abc', token: 5 }) // => '{"message":"got [secret]","token":5}'
 */
export function stringifyMasked(record: unknown, secrets: readonly string[] = []): string {
  return JSON.stringify(record, (_key: string, value: unknown): unknown => {
    if (typeof value === 'string') return maskSecrets(value, secrets);
    if (value instanceof Error) return { name: value.name, message: maskSecrets(value.message, secrets) };
    if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [maskSecrets(key, secrets), item]));
    return value;
  });
}
