import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, loadConfig, secretsOf } from '../../adapters/config.js';

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
    expect(config.web).toEqual({ host: defaultConfig.host, port: defaultConfig.port });
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

  it('lists every configured secret for log masking', () => {
    const config = loadConfig({ ...slackHttp, DISCORD_TOKEN: discordToken });
    expect(secretsOf(config).sort()).toEqual([slackHttp.SLACK_BOT_TOKEN, slackHttp.SLACK_SIGNING_SECRET, discordToken].sort());
  });

  it('splits CORPUS_PATH on the platform delimiter', () => {
    const config = loadConfig({ CORPUS_PATH: ['/tmp/a.md', '/tmp/b'].join(process.platform === 'win32' ? ';' : ':') });
    expect(config.corpusPaths).toEqual(['/tmp/a.md', '/tmp/b']);
  });
});
