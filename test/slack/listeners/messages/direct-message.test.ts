import { describe, expect, it } from 'vitest';
import { channelProbe, payloadText, useSlackHarness } from '../../../helpers/slack-harness.js';

let eventSeq = 0;
const nextEventId = () => `EvDm${Date.now()}${++eventSeq}`;

function dm(fields: Record<string, unknown> & { channel: string }) {
  return { type: 'message', channel_type: 'im', user: 'U0ASKER', text: 'how long do you keep my data?', ts: '1700000500.000100', ...fields };
}

describe('direct message to the bot (through the real bolt app)', () => {
  const slack = useSlackHarness();
  const { postsTo, sentinel } = channelProbe(slack, (channel) => slack.event(dm({ channel, text: 'cookies?' }), nextEventId()));

  it('replies in the DM, not in a thread, citing the right section', async () => {
    await slack.event(dm({ channel: 'D0ASK' }), nextEventId());
    const call = await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['channel'] === 'D0ASK');
    expect(call.body['thread_ts']).toBeUndefined();
    expect(payloadText(call)).toContain('Data retention');
  });

  it('strips a mention of the bot from the question', async () => {
    await slack.event(dm({ channel: 'D0MENTION', text: '<@UBOT> do you sell my data?' }), nextEventId());
    const payload = payloadText(await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['channel'] === 'D0MENTION'));
    expect(payload).toContain('*Question:* do you sell my data?');
  });

  it('ignores bot messages (its own replies included), edits and non-DM messages', async () => {
    await slack.event(dm({ channel: 'D0IGNORE', bot_id: 'BBOT', subtype: 'bot_message' }), nextEventId());
    await slack.event(dm({ channel: 'D0IGNORE', bot_id: 'BOTHER' }), nextEventId());
    await slack.event(dm({ channel: 'D0IGNORE', user: 'UBOT', bot_id: 'BBOT' }), nextEventId());
    await slack.event(dm({ channel: 'D0IGNORE', subtype: 'message_changed' }), nextEventId());
    await slack.event(dm({ channel: 'D0IGNORE', channel_type: 'channel' }), nextEventId());
    await sentinel();
    expect(postsTo('D0IGNORE')).toHaveLength(0);
  });
});
