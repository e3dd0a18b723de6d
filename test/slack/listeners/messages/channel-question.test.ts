import { describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../../helpers/slack-fake-api.js';
import { channelMessage, mentionEvent, nextEventId } from '../../../helpers/slack-events.js';
import { autoAnswerSentinel, channelProbe, payloadText, useSlackHarness, type SlackHarness } from '../../../helpers/slack-harness.js';

const privacy = 'C0PRIVACY1';
const legal = 'G0LEGALQS1';
/** Answered without a mention in every harness below, for the sentinel. */
const sentinelChannel = 'C0SENTINEL';
const channels = [privacy, legal, sentinelChannel];
/** Sentinels answer many questions in their channel; the channel limit is tested on its own below. */
const roomyChannels = { limit: 1000, windowMs: 60_000 };

/** Every call the bot made about one channel (posts, reactions, ephemerals). */
function callsAbout(slack: SlackHarness, channel: string): RecordedCall[] {
  return slack.fake.calls.filter((c) => c.kind === 'api' && c.body['channel'] === channel);
}

describe('questions in a channel answered without a mention (SLACK_AUTO_ANSWER_CHANNELS)', () => {
  const slack = useSlackHarness({ config: { autoAnswerChannels: channels }, channelRateLimit: roomyChannels });
  const sentinel = autoAnswerSentinel(slack, sentinelChannel);

  it('answers a new question in a thread under it, with 👀 on the question while working', async () => {
    const message = channelMessage({ channel: privacy, text: 'hey team, how long do we keep customer data' });
    expect((await slack.event(message, nextEventId())).status).toBe(200);
    const post = await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['channel'] === privacy);
    const removed = await slack.fake.waitForCall((c) => c.name === 'reactions.remove' && c.body['timestamp'] === message.ts);
    const added = slack.fake.calls.find((c) => c.name === 'reactions.add' && c.body['timestamp'] === message.ts);
    expect(added?.body).toMatchObject({ channel: privacy, timestamp: message.ts, name: 'eyes' });
    expect(removed.body).toMatchObject({ channel: privacy, name: 'eyes' });
    const order = [added, post, removed].map((call) => slack.fake.calls.indexOf(call!));
    expect(order).toEqual([...order].sort((a, b) => a - b));

    expect(post.body['thread_ts']).toBe(message.ts);
    const payload = payloadText(post);
    expect(payload).toContain('Data retention');
    expect(payload).toContain('Answered automatically');
    expect(payload).toContain('feedback_helpful');
    expect(payload).not.toContain('share_answer');
  });

  it('answers in a private channel too', async () => {
    await slack.event(channelMessage({ channel: legal, channel_type: 'group', text: 'Do you sell my data?' }), nextEventId());
    const post = await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['channel'] === legal);
    expect(payloadText(post)).toContain('How we share your data');
  });

  it.each([
    ['a statement', { text: 'I deleted the export from the shared drive.' }],
    ['a question the policy does not cover', { text: 'when is lunch today?' }],
    ['a message in another channel', { channel: 'C0RANDOM01', text: 'how long do you keep my data?' }],
    ['a message from another bot', { bot_id: 'BOTHER', text: 'how long do you keep my data?' }],
    ['a bot_message', { subtype: 'bot_message', bot_id: 'BOTHER', user: undefined, text: 'how long do you keep my data?' }],
    ['its own message', { user: 'UBOT', bot_id: 'BBOT', text: 'how long do you keep my data?' }],
    ['someone joining', { subtype: 'channel_join', text: '<@U0NEW> has joined the channel' }],
    ['a reply in a thread it did not answer', { thread_ts: '1700000001.000001', text: 'how long do you keep my data?' }],
  ])('gets nothing for %s (no reply, no reaction)', async (_name, fields) => {
    const channel = (fields as { channel?: string }).channel ?? privacy;
    const before = callsAbout(slack, channel).length;
    await slack.event(channelMessage({ channel, ...fields }), nextEventId());
    await sentinel();
    expect(callsAbout(slack, channel).slice(before)).toEqual([]);
  });

  it('gets nothing for an edit, even one that turns a message into a question', async () => {
    const edit = channelMessage({
      channel: privacy,
      subtype: 'message_changed',
      hidden: true,
      message: { type: 'message', user: 'U0ASKER', text: 'how long do you keep my data?', ts: '1700000002.000001', edited: { user: 'U0ASKER', ts: '1700000003.000001' } },
      previous_message: { type: 'message', user: 'U0ASKER', text: 'hello', ts: '1700000002.000001' },
    });
    const before = callsAbout(slack, privacy).length;
    await slack.event(edit, nextEventId());
    await sentinel();
    expect(callsAbout(slack, privacy).slice(before)).toEqual([]);
  });

  it('leaves a question that mentions the bot to the mention listener: one answer, not two', async () => {
    const text = '<@UBOT> do you sell my data?';
    const message = channelMessage({ channel: privacy, text });
    const before = slack.fake.callsTo('chat.postMessage').filter((c) => c.body['thread_ts'] === message.ts).length;
    // Slack sends both events for one message: message.channels and app_mention.
    await slack.event(message, nextEventId());
    await slack.event(mentionEvent({ channel: privacy, text, ts: message.ts }), nextEventId());
    await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['thread_ts'] === message.ts);
    await sentinel();
    expect(slack.fake.callsTo('chat.postMessage').filter((c) => c.body['thread_ts'] === message.ts).length - before).toBe(1);
    expect(slack.fake.calls.some((c) => c.name === 'reactions.add' && c.body['timestamp'] === message.ts)).toBe(false);
  });

  it('answers a message once, whatever the retries (X-Slack-Retry-Num) and repeated deliveries', async () => {
    const message = channelMessage({ channel: privacy, text: 'what personal data do you collect?' });
    const eventId = nextEventId();
    await slack.event(message, eventId);
    await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['thread_ts'] === message.ts);
    await slack.event(message, eventId, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await slack.event(message, eventId, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' });
    // The same message under another envelope (a Socket Mode reconnect can deliver it again).
    await slack.event(message, nextEventId());
    await sentinel();
    expect(slack.fake.callsTo('chat.postMessage').filter((c) => c.body['thread_ts'] === message.ts)).toHaveLength(1);
    expect(slack.fake.calls.filter((c) => c.name === 'reactions.add' && c.body['timestamp'] === message.ts)).toHaveLength(1);
  });

  it('never writes the question to the log', () => {
    const logs = slack.logLines.join('\n');
    expect(logs).toContain('slack: answering without a mention');
    expect(logs).not.toContain('how long do we keep customer data');
    expect(logs).not.toContain('when is lunch');
  });
});

describe('questions in a channel answered without a mention: rate limits', () => {
  const slack = useSlackHarness({
    config: { autoAnswerChannels: channels },
    rateLimit: { limit: 2, windowMs: 60_000 },
    channelRateLimit: { limit: 3, windowMs: 60_000 },
  });
  const sentinel = autoAnswerSentinel(slack, sentinelChannel);
  const ask = async (channel: string, user: string) => {
    const message = channelMessage({ channel, user, text: 'how long do you keep my data?' });
    await slack.event(message, nextEventId());
    return message;
  };
  const answered = (message: { ts: string }) => slack.fake.callsTo('chat.postMessage').some((c) => c.body['thread_ts'] === message.ts);

  it('stays silent for a person over their limit, and for a channel over its limit, while other channels are answered', async () => {
    const first = await ask(privacy, 'U0HASTY1');
    const second = await ask(privacy, 'U0HASTY1');
    const third = await ask(privacy, 'U0HASTY1');
    const otherUser = await ask(privacy, 'U0CALM001');
    // The channel has answered three questions now: a fourth person gets nothing there, but is answered elsewhere.
    const overChannel = await ask(privacy, 'U0CALM002');
    const elsewhere = await ask(legal, 'U0CALM002');
    await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['thread_ts'] === elsewhere.ts);
    await sentinel();
    expect([first, second, third, otherUser, overChannel, elsewhere].map(answered)).toEqual([true, true, false, true, false, true]);
    // Silence means silence: no ephemeral notice, no reaction on the questions left alone.
    expect(slack.fake.callsTo('chat.postEphemeral')).toHaveLength(0);
    for (const message of [third, overChannel]) expect(slack.fake.calls.some((c) => c.body['timestamp'] === message.ts)).toBe(false);
  });
});

describe('questions in a channel answered without a mention: failures', () => {
  const slack = useSlackHarness({ config: { autoAnswerChannels: channels } });

  it('still answers when the 👀 reaction cannot be added (an install without reactions:write)', async () => {
    slack.fake.failWhen((c) => c.name === 'reactions.add' && c.body['channel'] === legal, 'missing_scope');
    const message = channelMessage({ channel: legal, text: 'do you sell my data?' });
    await slack.event(message, nextEventId());
    await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['thread_ts'] === message.ts);
    expect(slack.fake.calls.some((c) => c.name === 'reactions.remove' && c.body['timestamp'] === message.ts)).toBe(false);
    expect(slack.logLines.join('\n')).toContain('slack: could not add the working reaction');
  });

  it('removes the 👀 and posts nothing else when the answer cannot be posted', async () => {
    slack.fake.failWhen((c) => c.name === 'chat.postMessage' && c.body['channel'] === privacy, 'channel_not_found');
    const message = channelMessage({ channel: privacy, text: 'do you sell my data?' });
    await slack.event(message, nextEventId());
    await slack.fake.waitForCall((c) => c.name === 'reactions.remove' && c.body['timestamp'] === message.ts);
    expect(slack.fake.callsTo('chat.postMessage').filter((c) => c.body['channel'] === privacy)).toHaveLength(1);
    expect(slack.logLines.join('\n')).toContain('slack: automatic answer failed');
  });
});

describe('without SLACK_AUTO_ANSWER_CHANNELS', () => {
  const slack = useSlackHarness();
  const { sentinel } = channelProbe(slack, (channel) => slack.event(mentionEvent({ channel, text: '<@UBOT> cookies?' }), nextEventId()));

  it('answers no channel message that does not mention it, as before', async () => {
    await slack.event(channelMessage({ channel: privacy, text: 'how long do you keep my data?' }), nextEventId());
    await sentinel();
    expect(callsAbout(slack, privacy)).toEqual([]);
  });
});
