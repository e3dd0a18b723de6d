import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/app.js';
import type { AdapterDeps } from '../../adapters/deps.js';
import { silentLogger } from '../../src/logger.js';
import { UsageLog } from '../../src/privacy/usage-log.js';
import { bundledSlackAnswerer } from '../helpers/slack-answerer.js';
import { startFakeSlackApi } from '../helpers/slack-fake-api.js';
import { startSlackHarness, testBotToken, testSigningSecret, type SlackHarness } from '../helpers/slack-harness.js';
import { sendSlackRequest, slashCommandBody, slackSignature } from '../helpers/slack-requests.js';

const form = 'application/x-www-form-urlencoded' as const;

describe('Slack HTTP endpoint (real bolt HTTPReceiver behind requestListener)', () => {
  let slack: SlackHarness;

  beforeAll(async () => {
    slack = await startSlackHarness({ answerer: bundledSlackAnswerer(), rateLimit: { limit: 100, windowMs: 60_000 } });
  });
  afterAll(async () => {
    await slack.close();
  });

  it('answers the url_verification challenge', async () => {
    const body = JSON.stringify({ token: 't', challenge: 'challenge-3eZbrw1a', type: 'url_verification' });
    const res = await sendSlackRequest(slack.url, { signingSecret: testSigningSecret, body, contentType: 'application/json' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('challenge-3eZbrw1a');
  });

  it('rejects a bad signature and a stale timestamp with 401, and answers neither', async () => {
    const badSig = slashCommandBody({ text: 'how long do you keep my data?', response_url: slack.fake.responseUrl('bad-sig') });
    const wrongSecret = await sendSlackRequest(slack.url, { signingSecret: 'NotTheSigningSecret0123456789', body: badSig, contentType: form });
    expect(wrongSecret.status).toBe(401);
    const garbage = await sendSlackRequest(slack.url, { signingSecret: testSigningSecret, body: badSig, contentType: form, signature: 'v0=deadbeef' });
    expect(garbage.status).toBe(401);

    const staleBody = slashCommandBody({ text: 'how long do you keep my data?', response_url: slack.fake.responseUrl('stale') });
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await sendSlackRequest(slack.url, {
      signingSecret: testSigningSecret,
      body: staleBody,
      contentType: form,
      timestamp: sixMinutesAgo,
      signature: slackSignature(testSigningSecret, sixMinutesAgo, staleBody),
    });
    expect(stale.status).toBe(401);

    // A valid request sent afterwards is answered; by then the rejected ones would have been too.
    const { responseId } = await slack.command('cookies?');
    await slack.fake.waitForCall((c) => c.name === responseId);
    expect(slack.fake.calls.filter((c) => c.name === 'bad-sig' || c.name === 'stale')).toHaveLength(0);
  });

  it('answers requests it does not route with 404 instead of throwing', async () => {
    expect((await fetch(slack.url)).status).toBe(404);
    const other = await fetch(`${slack.url}/other`, { method: 'POST', body: '{}' });
    expect(other.status).toBe(404);
  });

  it('verifies the bot token with auth.test once, not per request', async () => {
    await slack.adapter.start();
    for (const q of ['cookies?', 'retention?']) {
      const { responseId } = await slack.command(q);
      await slack.fake.waitForCall((c) => c.name === responseId);
    }
    expect(slack.fake.callsTo('auth.test')).toHaveLength(1);
    expect(slack.fake.callsTo('auth.test')[0]?.headers['authorization']).toBe(`Bearer ${testBotToken}`);
  });

  it('logs neither token nor signing secret, even for rejected requests', () => {
    const logged = slack.logLines.join('\n');
    expect(logged).not.toContain(testBotToken);
    expect(logged).not.toContain(testSigningSecret);
  });
});

describe('createSlackAdapter', () => {
  const deps: AdapterDeps = { answerer: bundledSlackAnswerer(), usageLog: new UsageLog(), rateLimit: { limit: 5, windowMs: 60_000 }, logger: silentLogger };

  it('names the missing setting for each mode', () => {
    expect(() => createSlackAdapter({ mode: 'http', botToken: testBotToken }, deps)).toThrow(/^slack: HTTP mode needs the signing secret \(SLACK_SIGNING_SECRET\)$/);
    expect(() => createSlackAdapter({ mode: 'socket', botToken: testBotToken }, deps)).toThrow(/^slack: Socket Mode needs an app-level token \(SLACK_APP_TOKEN\)$/);
  });

  it('exposes a requestListener only in HTTP mode', () => {
    const http = createSlackAdapter({ mode: 'http', botToken: testBotToken, signingSecret: testSigningSecret }, deps);
    const socket = createSlackAdapter({ mode: 'socket', botToken: testBotToken, appToken: 'xapp-1-A0APP-1-abc' }, deps);
    expect(typeof http.requestListener).toBe('function');
    expect(socket.requestListener).toBeUndefined();
  });

  it('rejects start() with a clear error, without the token, when Slack is unreachable; stop() still works', async () => {
    const fake = await startFakeSlackApi();
    const deadUrl = fake.apiUrl;
    await fake.close();
    const adapter = createSlackAdapter({ mode: 'http', botToken: testBotToken, signingSecret: testSigningSecret, apiUrl: deadUrl }, deps);
    const error = await adapter.start().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^slack: could not verify the bot token with auth\.test: /);
    expect(error?.message).not.toContain(testBotToken);
    await adapter.stop();
  });
});
