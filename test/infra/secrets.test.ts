import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { redactPersonalData } from '../../src/privacy/redact.js';
import { maskSecrets, registerSecrets } from '../../src/privacy/secrets.js';
import { UsageLog } from '../../src/privacy/usage-log.js';
import type { Answer } from '../../src/types.js';

// Every token shape, with the part that must never reach a sink. Whatever runs first (personal-data redaction or the
// secret masker), and in every sink (the logger, the question log), none of these may survive.
const TOKENS: ReadonlyArray<readonly [string, string, string]> = [
  ['Slack bot token', 'xoxb-1234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', 'AbCdEfGhIjKlMnOpQrStUvWx'],
  ['Slack user token', 'xoxp-1234567890123-1234567890123-1234567890123-0123456789abcdef0123456789abcdef', '0123456789abcdef0123456789abcdef'],
  ['Slack rotating token', 'xoxe.xoxp-1-Mi0yLTEyMzQ1Njc4OTAxMjMtMTIzNDU2Nzg5MDEyMw', 'Mi0yLTEyMzQ1Njc4OTAxMjMtMTIzNDU2Nzg5MDEyMw'],
  ['Slack refresh token', 'xoxe-1-My0xLTEyMzQ1Njc4OTAxMjMtOTg3NjU0MzIxMDk4Nw', 'My0xLTEyMzQ1Njc4OTAxMjMtOTg3NjU0MzIxMDk4Nw'],
  ['Slack app token', 'xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef', '0123456789abcdef0123456789abcdef'],
  ['Discord bot token', 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB', 'abcdefghijklmnopqrstuvwxyz0123456789AB'],
  ['Discord bot token (2023 ids)', 'MTA5ODc2NTQzMjEwOTg3NjU0MzIxMA.G1-2_3.Zz9-yY8_xX7-wW6_vV5-uU4-tT3_sS2-rR1', 'Zz9-yY8_xX7-wW6_vV5-uU4-tT3_sS2-rR1'],
  ['JWT', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'],
  ['bearer token', 'Authorization: Bearer 4f9c2a71-88d3-4b6e-9c0f-2e5d7a1b3c9d', '4f9c2a71-88d3-4b6e-9c0f-2e5d7a1b3c9d'],
  ['api key assignment', 'api_key=9f86d081884c7d659a2feaa0c55ad015', '9f86d081884c7d659a2feaa0c55ad015'],
  ['X-API-Key header', 'X-API-Key: 0a1b2c3d4e5f60718293a4b5c6d7e8f9', '0a1b2c3d4e5f60718293a4b5c6d7e8f9'],
  ['password assignment', 'password: correct-horse-battery-1234', 'correct-horse-battery-1234'],
  ['GitHub token', 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'],
  ['Stripe key', 'sk_live_51H8xYzAbCdEfGhIjKlMnOpQr', '51H8xYzAbCdEfGhIjKlMnOpQr'],
  ['OpenAI-style key', 'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z', 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z'],
  ['AWS access key id', 'AKIAIOSFODNN7EXAMPLE', 'IOSFODNN7EXAMPLE'],
  ['Google API key', 'AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q', 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q'],
  ['random-looking key', 'Zq7Lm2Xv9Rt4Wp8Ks3Nd6Hb1Jc5Fg0Ye7Ua2', 'Zq7Lm2Xv9Rt4Wp8Ks3Nd6Hb1Jc5Fg0Ye7Ua2'],
];

/** Fragments of `secret` long enough to be recognisable: any 12 consecutive characters. */
function fragments(secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 12 <= secret.length; i += 4) out.push(secret.slice(i, i + 12));
  return out.length > 0 ? out : [secret];
}

function expectNoSecret(output: string, secret: string, what: string): void {
  for (const fragment of fragments(secret)) expect(output, `${what}: leaked ${fragment}`).not.toContain(fragment);
}

describe('token shapes', () => {
  for (const [name, token, secret] of TOKENS) {
    const question = `is this safe to paste? ${token} thanks`;
    it(`masks a ${name} whichever runs first`, () => {
      expectNoSecret(maskSecrets(question), secret, 'mask');
      expectNoSecret(redactPersonalData(question), secret, 'redact');
      expectNoSecret(maskSecrets(redactPersonalData(question)), secret, 'redact, then mask');
      expectNoSecret(redactPersonalData(maskSecrets(question)), secret, 'mask, then redact');
      expect(redactPersonalData(question)).toMatch(/^is this safe to paste\? .*thanks$/);
    });
  }

  it('leaves ordinary text alone', () => {
    for (const text of [
      'how long do you keep my data?',
      'what is your api key policy and do you store tokens?',
      'can I reset my password at www-help?',
      'version 2.10.3 released at 10:30 on 2024-03-17',
      'see section 4.2.1 of the privacy-policy-for-california-residents',
      '/tmp/corpus/acme-privacy-policy.md has no policy text',
      'Bearer of bad news',
    ]) {
      expect(maskSecrets(text), text).toBe(text);
    }
  });
});

describe('configured secrets', () => {
  // A signing secret has no recognisable shape, and a Discord token may not have the usual part lengths: only the
  // configured values identify them. Personal-data redaction must not break them up before they are masked.
  const signingSecret = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
  const oddDiscordToken = 'abc-1234567.8901234-567.xyz_7654321-0987';

  it('masks registered secrets in every sink, even inside text redacted first', () => {
    registerSecrets([signingSecret, oddDiscordToken]);
    for (const secret of [signingSecret, oddDiscordToken]) {
      const question = `my secret is ${secret}, call 617-555-0100`;
      expectNoSecret(redactPersonalData(question), secret, 'redact');
      expectNoSecret(maskSecrets(redactPersonalData(question)), secret, 'redact, then mask');
      expect(redactPersonalData(question)).not.toContain('617-555-0100');
    }
  });

  it('masks secrets passed to the masker directly, ignoring ones too short to be secrets', () => {
    expect(maskSecrets('value s3cr3tsigningvalue', ['s3cr3tsigningvalue'])).toBe('value [secret]');
    expect(maskSecrets('a b c', ['a'])).toBe('a b c');
  });
});

describe('sinks', () => {
  const answerTo = (question: string): Answer => ({ question, answered: false, passages: [] });

  it('the logger masks tokens in messages, fields and errors, and redacts user text after masking', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', secrets: ['LoggerOnlySecret0042'], write: (line) => lines.push(line) });
    for (const [, token] of TOKENS) {
      log.debug(`answered ${token}`, { question: redactPersonalData(`q ${token} jane@example.com`), raw: token, error: new Error(`failed for ${token}`) });
    }
    log.info('config', { value: 'LoggerOnlySecret0042' });
    const output = lines.join('\n');
    for (const [name, , secret] of TOKENS) expectNoSecret(output, secret, name);
    expect(output).not.toContain('LoggerOnlySecret0042');
    expect(output).not.toContain('jane@example.com');
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it('the logger keeps every line valid JSON: fields named like secrets, secrets next to quotes and backslashes, secrets as keys', () => {
    const lines: string[] = [];
    const log = createLogger({ secrets: ['KeyNamedSecret0042'], write: (line) => lines.push(line) });
    log.info('limits', { token: 5, secret: false, password: null });
    log.info('pasted', { text: 'password=pa\\ss"word and token: "x\\y"' });
    log.info('by key', { counts: { KeyNamedSecret0042: 1 } });
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records[0]).toMatchObject({ token: 5, secret: false, password: null });
    expect(JSON.stringify(records[1])).not.toContain('pa\\\\ss');
    expect(lines[2]).not.toContain('KeyNamedSecret0042');
  });

  it('the question log masks every token shape and configured secret', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'secrets-')), 'questions.jsonl');
    const registered = 'RegisteredSecretValue9876';
    registerSecrets([registered]);
    const log = new UsageLog({ path });
    for (const [, token] of TOKENS) log.recordQuestion('discord', answerTo(`please check ${token}`));
    log.recordQuestion('web', answerTo(`the signing secret is ${registered}`));
    const output = readFileSync(path, 'utf8');
    for (const [name, , secret] of TOKENS) expectNoSecret(output, secret, name);
    expect(output).not.toContain(registered);
    expect(output.trim().split('\n')).toHaveLength(TOKENS.length + 1);
    for (const line of output.trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it('the question log keeps every line valid JSON when a secret sits next to quotes and backslashes', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'secrets-')), 'questions.jsonl');
    const log = new UsageLog({ path });
    log.recordQuestion('web', answerTo('my password=pa\\ss"word, is that ok?'));
    const [line] = readFileSync(path, 'utf8').trim().split('\n');
    const record = JSON.parse(line ?? '') as { question: string };
    expect(record.question).toBe('my password=[secret]"word, is that ok?');
  });
});
