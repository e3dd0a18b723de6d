import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, loadConfig, secretsOf, withEnvFile } from '../../adapters/config.js';
import { parseStartArgs } from '../../adapters/start.js';
import { defaultWebServerOptions } from '../../adapters/web/server.js';
import { projectRoot } from '../../src/paths.js';

const slackHttp = { SLACK_BOT_TOKEN: 'xoxb-1-2-abcdef', SLACK_SIGNING_SECRET: 'a1b2c3d4e5f6a7b8c9d0' };
const discordToken = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to the support desk on loopback and no chat adapters', () => {
    const config = loadConfig({});
    expect(config.web).toEqual({
      host: defaultConfig.host,
      port: defaultConfig.port,
      allowedHosts: [],
      rateLimit: { limit: defaultConfig.webRateLimitMax, windowMs: defaultConfig.rateLimitWindowSeconds * 1000 },
    });
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
    expect(config.questionLogPath).toBeUndefined();
    expect(config.corpusPaths).toHaveLength(1);
    expect(config.corpusPaths[0]).toMatch(/corpus$/);
  });

  it('reads Slack HTTP mode and normalises SLACK_API_URL with a trailing slash', () => {
    const config = loadConfig({ ...slackHttp, SLACK_API_URL: 'http://127.0.0.1:9999/api' });
    expect(config.slack).toMatchObject({ mode: 'http', botToken: slackHttp.SLACK_BOT_TOKEN, apiUrl: 'http://127.0.0.1:9999/api/' });
  });

  it('switches to Socket Mode when an app token is present', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A1-2-abc' });
    expect(config.slack?.mode).toBe('socket');
  });

  it('reads Discord settings with defaults for mention handling', () => {
    const config = loadConfig({ DISCORD_TOKEN: discordToken, DISCORD_GUILD_ID: '123456789012345678', DISCORD_USE_THREADS: 'yes' });
    expect(config.discord).toMatchObject({ token: discordToken, guildId: '123456789012345678', answerMentions: true, useThreads: true });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'nope', SLACK_SIGNING_SECRET: slackHttp.SLACK_SIGNING_SECRET }, 'SLACK_BOT_TOKEN', 'nope'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET', 'xoxb-1'],
    [{ SLACK_SIGNING_SECRET: slackHttp.SLACK_SIGNING_SECRET }, 'SLACK_BOT_TOKEN', slackHttp.SLACK_SIGNING_SECRET],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-wrong-kind' }, 'SLACK_APP_TOKEN', 'xoxb-wrong-kind'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'short!' }, 'SLACK_SIGNING_SECRET', 'short!'],
    [{ ...slackHttp, SLACK_API_URL: 'ftp://x' }, 'SLACK_API_URL', slackHttp.SLACK_SIGNING_SECRET],
    [{ DISCORD_TOKEN: 'not a token' }, 'DISCORD_TOKEN', 'not a token'],
    [{ DISCORD_APPLICATION_ID: '123456789012345678' }, 'DISCORD_TOKEN', '§'],
    [{ DISCORD_TOKEN: discordToken, DISCORD_GUILD_ID: 'guild' }, 'DISCORD_GUILD_ID', discordToken],
    [{ DISCORD_TOKEN: discordToken, DISCORD_ANSWER_MENTIONS: 'maybe' }, 'DISCORD_ANSWER_MENTIONS', discordToken],
    [{ PORT: '70000' }, 'PORT', '§'],
    [{ PORT: 'eighty' }, 'PORT', '§'],
    [{ RATE_LIMIT_MAX: '0' }, 'RATE_LIMIT_MAX', '§'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', '§'],
  ])('rejects %j naming %s without echoing secrets', (env, variable, secret) => {
    const error = errorOf(env as Record<string, string>);
    expect(error.message).toMatch(/^config: /);
    expect(error.message).toContain(variable);
    // Secret-shaped values must never appear in the message; non-secret values (ids, ports) may.
    if (/TOKEN|SECRET/.test(variable) || secret === slackHttp.SLACK_SIGNING_SECRET || secret === discordToken) {
      expect(error.message).not.toContain(secret);
    }
  });

  it('reads ALLOWED_HOSTS as canonical host names, ignoring blanks and empty entries', () => {
    const config = loadConfig({ ALLOWED_HOSTS: ' Desk.Example.com , 10.0.0.5,,[FD00::1], fd00::2, desk.lan. ,' });
    expect(config.web.allowedHosts).toEqual(['desk.example.com', '10.0.0.5', '[fd00::1]', '[fd00::2]', 'desk.lan']);
    expect(loadConfig({ ALLOWED_HOSTS: ' ' }).web.allowedHosts).toEqual([]);
  });

  it.each([
    'https://desk.example.com',
    'desk.example.com:8443',
    '*.example.com',
    'desk.example.com/path',
    'user@desk.example.com',
    'desk example com',
    'desk.example.com, ok.example.com, 999.1.1.1',
  ])('rejects ALLOWED_HOSTS=%j naming the variable, never the value', (value) => {
    const error = errorOf({ ALLOWED_HOSTS: value });
    expect(error.message).toMatch(/^config: ALLOWED_HOSTS must be comma-separated host names/);
    for (const entry of value.split(',').map((e) => e.trim())) expect(error.message).not.toContain(entry);
  });

  it('says which ALLOWED_HOSTS entry is wrong by position', () => {
    expect(errorOf({ ALLOWED_HOSTS: 'a.example,b.example:1,c.example' }).message).toContain('entry 2 of 3');
  });

  it('reads WEB_RATE_LIMIT_MAX per RATE_LIMIT_WINDOW_SECONDS, apart from the chat limit', () => {
    const config = loadConfig({ WEB_RATE_LIMIT_MAX: '30', RATE_LIMIT_MAX: '4', RATE_LIMIT_WINDOW_SECONDS: '10' });
    expect(config.web.rateLimit).toEqual({ limit: 30, windowMs: 10_000 });
    expect(config.rateLimit).toEqual({ limit: 4, windowMs: 10_000 });
    // The setting's default is the server's own, so `npm start` and an embedded desk limit alike.
    expect(defaultConfig.webRateLimitMax).toBe(defaultWebServerOptions.rateLimit.limit);
    expect(defaultConfig.rateLimitWindowSeconds * 1000).toBe(defaultWebServerOptions.rateLimit.windowMs);
  });

  it.each(['0', '-5', 'lots', '1.5', '12abc'])('rejects WEB_RATE_LIMIT_MAX=%j naming the variable, never the value', (value) => {
    const error = errorOf({ WEB_RATE_LIMIT_MAX: value });
    expect(error.message).toBe('config: WEB_RATE_LIMIT_MAX must be a positive whole number');
  });

  it('lists every configured secret for log masking', () => {
    const config = loadConfig({ ...slackHttp, DISCORD_TOKEN: discordToken });
    expect(secretsOf(config).sort()).toEqual([slackHttp.SLACK_BOT_TOKEN, slackHttp.SLACK_SIGNING_SECRET, discordToken].sort());
  });

  it('reads the channels answered without a mention, dropping blanks and repeats; none when unset', () => {
    const config = loadConfig({
      ...slackHttp,
      SLACK_AUTO_ANSWER_CHANNELS: ' C0123ABCD, G0PRIVATE1,,C0123ABCD ',
      DISCORD_TOKEN: discordToken,
      DISCORD_AUTO_ANSWER_CHANNELS: '123456789012345678,987654321098765432',
    });
    expect(config.slack?.autoAnswerChannels).toEqual(['C0123ABCD', 'G0PRIVATE1']);
    expect(config.discord?.autoAnswerChannels).toEqual(['123456789012345678', '987654321098765432']);
    const plain = loadConfig({ ...slackHttp, DISCORD_TOKEN: discordToken, SLACK_AUTO_ANSWER_CHANNELS: ' , ' });
    expect(plain.slack?.autoAnswerChannels).toBeUndefined();
    expect(plain.discord?.autoAnswerChannels).toBeUndefined();
  });

  it.each([
    ['SLACK_AUTO_ANSWER_CHANNELS', { ...slackHttp, SLACK_AUTO_ANSWER_CHANNELS: 'C0123ABCD,#privacy' }, 'entry 2 of 2 ("#privacy")'],
    ['SLACK_AUTO_ANSWER_CHANNELS', { ...slackHttp, SLACK_AUTO_ANSWER_CHANNELS: 'c0123abcd' }, 'entry 1 of 1 ("c0123abcd")'],
    ['SLACK_AUTO_ANSWER_CHANNELS', { ...slackHttp, SLACK_AUTO_ANSWER_CHANNELS: 'D0DIRECT12' }, 'like C0123456789'],
    ['DISCORD_AUTO_ANSWER_CHANNELS', { DISCORD_TOKEN: discordToken, DISCORD_AUTO_ANSWER_CHANNELS: 'privacy-help' }, 'entry 1 of 1 ("privacy-help")'],
    ['DISCORD_AUTO_ANSWER_CHANNELS', { DISCORD_TOKEN: discordToken, DISCORD_AUTO_ANSWER_CHANNELS: '12345' }, 'Copy Channel ID'],
  ])('rejects a bad %s entry, naming the variable and the entry', (variable, env, detail) => {
    const error = errorOf(env);
    expect(error.message).toMatch(new RegExp(`^config: ${variable} must be comma-separated channel IDs`));
    expect(error.message).toContain(detail);
    expect(error.message).not.toContain(discordToken);
    expect(error.message).not.toContain(slackHttp.SLACK_SIGNING_SECRET);
  });

  it('rejects channel settings for a platform that is not configured', () => {
    expect(errorOf({ SLACK_AUTO_ANSWER_CHANNELS: 'C0123ABCD' }).message).toBe('config: SLACK_AUTO_ANSWER_CHANNELS is set but SLACK_BOT_TOKEN is not');
    expect(errorOf({ DISCORD_AUTO_ANSWER_CHANNELS: '123456789012345678' }).message).toMatch(/^config: DISCORD_TOKEN is required/);
  });

  it('reads CHANNEL_RATE_LIMIT_MAX per RATE_LIMIT_WINDOW_SECONDS, defaulting to 10', () => {
    expect(loadConfig({}).channelRateLimit).toEqual({ limit: defaultConfig.channelRateLimitMax, windowMs: 60_000 });
    expect(defaultConfig.channelRateLimitMax).toBe(10);
    expect(loadConfig({ CHANNEL_RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_SECONDS: '30' }).channelRateLimit).toEqual({ limit: 3, windowMs: 30_000 });
    expect(errorOf({ CHANNEL_RATE_LIMIT_MAX: '0' }).message).toBe('config: CHANNEL_RATE_LIMIT_MAX must be a positive whole number');
  });

  it('reads DESK_PUBLIC_URL as an http(s) URL, unset by default', () => {
    expect(loadConfig({}).web.publicUrl).toBeUndefined();
    expect(loadConfig({ DESK_PUBLIC_URL: 'https://desk.example.com/privacy' }).web.publicUrl).toBe('https://desk.example.com/privacy');
    expect(errorOf({ DESK_PUBLIC_URL: 'desk.example.com' }).message).toMatch(/^config: DESK_PUBLIC_URL must be an absolute http\(s\) URL/);
    expect(errorOf({ DESK_PUBLIC_URL: 'javascript:alert(1)' }).message).toMatch(/^config: DESK_PUBLIC_URL must use http or https/);
  });

  it('lists every setting it reads in .env.example', () => {
    const example = readFileSync(join(projectRoot, '.env.example'), 'utf8');
    const source = readFileSync(join(projectRoot, 'adapters/config.ts'), 'utf8');
    const read = new Set([...source.matchAll(/get\('([A-Z_]+)'\)/g)].map((m) => m[1]));
    expect(read.size).toBeGreaterThan(15);
    for (const name of read) expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'));
  });

  it('splits CORPUS_PATH on the platform delimiter', () => {
    const config = loadConfig({ CORPUS_PATH: ['/tmp/a.md', '/tmp/b'].join(process.platform === 'win32' ? ';' : ':') });
    expect(config.corpusPaths).toEqual(['/tmp/a.md', '/tmp/b']);
  });
});

describe('withEnvFile', () => {
  const folder = mkdtempSync(join(tmpdir(), 'env-file-'));
  const file = join(folder, '.env');
  writeFileSync(file, '# settings\nPORT=4000\nLOG_LEVEL=debug\nALLOWED_HOSTS="desk.example.com"\nHOST=0.0.0.0\n');

  it('adds the file underneath the environment: a variable already set wins, even when empty', () => {
    const env = withEnvFile({ PORT: '5000', HOST: '' }, file);
    expect(env).toMatchObject({ PORT: '5000', HOST: '', LOG_LEVEL: 'debug', ALLOWED_HOSTS: 'desk.example.com' });
    expect(loadConfig(env)).toMatchObject({ web: { port: 5000, host: '127.0.0.1', allowedHosts: ['desk.example.com'] }, logLevel: 'debug' });
  });

  it('adds nothing when the file does not exist, and names a file it cannot read', () => {
    const env = { PORT: '5000' };
    expect(withEnvFile(env, join(folder, 'missing.env'))).toBe(env);
    expect(() => withEnvFile(env, folder)).toThrow(ConfigError);
    expect(() => withEnvFile(env, folder)).toThrow(`config: cannot read the env file ${folder}`);
  });

  it('is what start reads with --dotenv, its only argument', () => {
    expect(parseStartArgs([])).toEqual({});
    expect(parseStartArgs(['--dotenv', '.env'])).toEqual({ dotenv: '.env' });
    expect(parseStartArgs(['--dotenv=/etc/privacy.env'])).toEqual({ dotenv: '/etc/privacy.env' });
    expect(() => parseStartArgs(['--port', '3000'])).toThrow(/^config: start takes only --dotenv <path> \(got "--port"\)/);
    expect(() => parseStartArgs(['--dotenv'])).toThrow(ConfigError);
  });
});
