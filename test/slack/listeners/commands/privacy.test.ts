import { describe, expect, it } from 'vitest';
import { bundledSlackAnswerer, crashingOn } from '../../../helpers/slack-answerer.js';
import { payloadText, useSlackHarness } from '../../../helpers/slack-harness.js';

const injection = '<!channel> <!everyone> <!here> <@U123> <#C123> @channel @here @everyone what personal data do you collect?';

describe('/privacy (through the real bolt app)', () => {
  const slack = useSlackHarness({ answerer: crashingOn('CRASH', bundledSlackAnswerer()) });

  const reply = async (responseId: string) => slack.fake.waitForCall((c) => c.kind === 'response' && c.name === responseId);

  it('acks with an empty 200, then answers ephemerally with the cited section and a share button', async () => {
    const { status, responseId } = await slack.command('how long do you keep my data?');
    expect(status).toBe(200);
    const call = await reply(responseId);
    expect(call.body['response_type']).toBe('ephemeral');
    const payload = payloadText(call);
    expect(payload).toContain('Data retention');
    expect(payload).toContain('https://www.datarobot.com/privacy/#data-retention');
    expect(payload).toContain('"action_id":"share_answer"');
    expect(payload).toContain('"action_id":"feedback_helpful"');
  });

  it('replies with a short help text when there is no question', async () => {
    const { responseId } = await slack.command('   ');
    const call = await reply(responseId);
    expect(call.body['response_type']).toBe('ephemeral');
    expect(String(call.body['text'])).toContain('Ask me about the privacy policy');
  });

  it('never lets a question notify anyone (raw markup or escaped as Slack sends it)', async () => {
    for (const text of [injection, injection.replace(/</g, '&lt;').replace(/>/g, '&gt;')]) {
      const { responseId } = await slack.command(text);
      const payload = payloadText(await reply(responseId));
      expect(payload).not.toContain('<!');
      expect(payload).not.toContain('<@');
      expect(payload).not.toContain('<#');
      expect(payload).not.toMatch(/@(channel|here|everyone)\b/i);
      expect(payload).not.toContain('link_names');
      // The question is still echoed, just harmlessly.
      expect(payload).toContain('what personal data do you collect?');
    }
  });

  it('answers a crash politely, logs it redacted, and keeps serving the next request', async () => {
    const crashed = await slack.command('CRASH please, my mail is jane.doe@example.com');
    const errorReply = await reply(crashed.responseId);
    expect(String(errorReply.body['text'])).toContain('something went wrong');
    const logged = slack.logLines.join('\n');
    expect(logged).toContain('slack: /privacy failed');
    expect(logged).not.toContain('jane.doe@example.com');

    const next = await slack.command('do you sell my data?');
    expect(String((await reply(next.responseId)).body['text'])).not.toContain('something went wrong');
  });

  it('never logs the bot token or the signing secret', () => {
    const logged = slack.logLines.join('\n');
    expect(logged).not.toContain('xoxb-');
    expect(logged).not.toContain('TestSigningSecret');
  });
});

describe('/privacy rate limit', () => {
  const slack = useSlackHarness({ rateLimit: { limit: 2, windowMs: 60_000 } });

  it('answers politely and ephemerally once a user asks too quickly; other users are unaffected', async () => {
    for (const question of ['cookies?', 'data retention?']) {
      const { responseId } = await slack.command(question, { userId: 'U0FAST' });
      await slack.fake.waitForCall((c) => c.name === responseId);
    }
    const limited = await slack.command('third question', { userId: 'U0FAST' });
    const call = await slack.fake.waitForCall((c) => c.name === limited.responseId);
    expect(call.body['response_type']).toBe('ephemeral');
    expect(String(call.body['text'])).toMatch(/^You're asking quickly — try again in \d+ seconds?\.$/);

    const other = await slack.command('cookies?', { userId: 'U0OTHER' });
    expect(String((await slack.fake.waitForCall((c) => c.name === other.responseId)).body['text'])).not.toContain('asking quickly');
  });
});
