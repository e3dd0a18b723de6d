import { describe, expect, it } from 'vitest';
import { channelProbe, payloadText, useSlackHarness } from '../../../helpers/slack-harness.js';

let eventSeq = 0;
const nextEventId = () => `Ev${Date.now()}${++eventSeq}`;

function mention(fields: { channel: string; text: string; ts?: string; thread_ts?: string; user?: string; bot_id?: string; subtype?: string }) {
  return { type: 'app_mention', user: 'U0ASKER', ts: '1700000100.000100', ...fields };
}

describe('@mention in a channel (through the real bolt app)', () => {
  const slack = useSlackHarness();
  const { postsTo, sentinel } = channelProbe(slack, (channel) => slack.event(mention({ channel, text: '<@UBOT> cookies?' }), nextEventId()));

  it('replies in a thread under the question, citing the right section, without the bot mention', async () => {
    const { status } = await slack.event(mention({ channel: 'C0THREAD', text: '<@UBOT> how long do you keep my data?', ts: '1700000200.000300' }), nextEventId());
    expect(status).toBe(200);
    const call = await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['channel'] === 'C0THREAD');
    expect(call.body['thread_ts']).toBe('1700000200.000300');
    expect(call.body['link_names']).toBeUndefined();
    const payload = payloadText(call);
    expect(payload).toContain('Data retention');
    expect(payload).toContain('*Question:* how long do you keep my data?');
    expect(payload).not.toContain('UBOT');
    // Public answers have no share button, only feedback.
    expect(payload).not.toContain('share_answer');
    expect(payload).toContain('feedback_helpful');
  });

  it("replies in the existing thread when mentioned inside one", async () => {
    await slack.event(mention({ channel: 'C0INTHREAD', text: '<@UBOT> do you sell my data?', ts: '1700000300.000500', thread_ts: '1700000250.000100' }), nextEventId());
    const call = await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['channel'] === 'C0INTHREAD');
    expect(call.body['thread_ts']).toBe('1700000250.000100');
  });

  it('answers a bare mention with help, in the thread', async () => {
    await slack.event(mention({ channel: 'C0BARE', text: '<@UBOT>' }), nextEventId());
    const call = await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['channel'] === 'C0BARE');
    expect(String(call.body['text'])).toContain('Ask me about the privacy policy');
  });

  it('answers a retried delivery (X-Slack-Retry-Num, same event_id) exactly once', async () => {
    const eventId = nextEventId();
    const event = mention({ channel: 'C0RETRY', text: '<@UBOT> how long do you keep my data?' });
    await slack.event(event, eventId);
    await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['channel'] === 'C0RETRY');
    const retry = await slack.event(event, eventId, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    await slack.event(event, eventId, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' });
    await slack.event(event, eventId);
    await sentinel();
    expect(postsTo('C0RETRY')).toHaveLength(1);
  });

  it('ignores mentions from bots, including itself', async () => {
    await slack.event(mention({ channel: 'C0BOTS', text: '<@UBOT> data retention?', bot_id: 'BOTHER' }), nextEventId());
    await slack.event(mention({ channel: 'C0BOTS', text: '<@UBOT> data retention?', subtype: 'bot_message' }), nextEventId());
    await slack.event(mention({ channel: 'C0BOTS', text: '<@UBOT> data retention?', user: 'UBOT' }), nextEventId());
    await sentinel();
    expect(postsTo('C0BOTS')).toHaveLength(0);
  });

  it('never lets a question notify anyone', async () => {
    const text = '<@UBOT> <!channel> <!everyone> <!here> <@U123> <#C123|general> @channel @here @everyone &lt;!channel&gt; what personal data do you collect?';
    await slack.event(mention({ channel: 'C0INJECT', text }), nextEventId());
    const payload = payloadText(await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['channel'] === 'C0INJECT'));
    expect(payload).not.toContain('<!');
    expect(payload).not.toContain('<@');
    expect(payload).not.toContain('<#');
    expect(payload).not.toMatch(/@(channel|here|everyone)\b/i);
    expect(payload).toContain('what personal data do you collect?');
  });
});

describe('@mention rate limit', () => {
  const slack = useSlackHarness({ rateLimit: { limit: 1, windowMs: 60_000 } });

  it('tells only the asker, ephemerally in the thread, to slow down', async () => {
    await slack.event(mention({ channel: 'C0RATE', text: '<@UBOT> cookies?', ts: '1700000400.000100' }), nextEventId());
    await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['channel'] === 'C0RATE');
    await slack.event(mention({ channel: 'C0RATE', text: '<@UBOT> retention?', ts: '1700000401.000100' }), nextEventId());
    const call = await slack.fake.waitForCall((c) => c.name === 'chat.postEphemeral');
    expect(call.body).toMatchObject({ channel: 'C0RATE', user: 'U0ASKER', thread_ts: '1700000401.000100' });
    expect(String(call.body['text'])).toMatch(/You're asking quickly — try again in \d+ seconds?\./);
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
