import { describe, expect, it } from 'vitest';
import { channelMessage, mentionEvent, nextEventId } from '../../../helpers/slack-events.js';
import { autoAnswerSentinel, payloadText, useSlackHarness } from '../../../helpers/slack-harness.js';

const privacy = 'C0PRIVACY1';
const sentinelChannel = 'C0SENTINEL';
const roomyChannels = { limit: 1000, windowMs: 60_000 };

describe('follow-ups in threads the bot answered (SLACK_AUTO_ANSWER_CHANNELS)', () => {
  const slack = useSlackHarness({ config: { autoAnswerChannels: [privacy, sentinelChannel] }, channelRateLimit: roomyChannels });
  const sentinel = autoAnswerSentinel(slack, sentinelChannel);
  const postsInThread = (threadTs: string) => slack.fake.callsTo('chat.postMessage').filter((c) => c.body['thread_ts'] === threadTs);

  /** A question the bot answers automatically; resolves with its ts, the thread the bot now answers in. */
  async function answeredThread(): Promise<string> {
    const question = channelMessage({ channel: privacy, text: 'how long do you keep my data?' });
    await slack.event(question, nextEventId());
    await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['thread_ts'] === question.ts);
    return question.ts;
  }

  it('answers a follow-up question in the same thread, without a mention, with 👀 on the reply', async () => {
    const thread = await answeredThread();
    const reply = channelMessage({ channel: privacy, thread_ts: thread, user: 'U0OTHER', text: 'and do you sell it to anyone' });
    await slack.event(reply, nextEventId());
    await slack.fake.waitForCall(() => postsInThread(thread).length === 2);
    expect(payloadText(postsInThread(thread)[1]!)).toContain('How we share your data');
    expect(slack.fake.calls.some((c) => c.name === 'reactions.add' && c.body['timestamp'] === reply.ts)).toBe(true);
  });

  it('answers a reply that is also sent to the channel (thread_broadcast)', async () => {
    const thread = await answeredThread();
    await slack.event(channelMessage({ channel: privacy, subtype: 'thread_broadcast', thread_ts: thread, text: 'what about cookies?' }), nextEventId());
    await slack.fake.waitForCall(() => postsInThread(thread).length === 2);
  });

  it('answers follow-ups in a thread it answered after a mention', async () => {
    const mention = mentionEvent({ channel: privacy, text: '<@UBOT> do you sell my data?' });
    await slack.event(mention, nextEventId());
    await slack.fake.waitForCall(() => postsInThread(mention.ts).length === 1);
    await slack.event(channelMessage({ channel: privacy, thread_ts: mention.ts, text: 'how long do you keep it?' }), nextEventId());
    await slack.fake.waitForCall(() => postsInThread(mention.ts).length === 2);
  });

  it.each([
    ['a reply that is not a question', { text: 'thanks, that helps!' }],
    ['a follow-up the policy does not cover', { text: 'when is lunch today?' }],
    ['its own answer arriving as a message', { user: 'UBOT', bot_id: 'BBOT', text: 'Here is what the privacy policy says: how long…?' }],
    ['another bot', { bot_id: 'BOTHER', text: 'how long do you keep my data?' }],
    ['an edit of a reply', { subtype: 'message_changed', text: undefined, message: { text: 'how long do you keep my data?' } }],
  ])('gets nothing for %s in an answered thread', async (_name, fields) => {
    const thread = await answeredThread();
    await slack.event(channelMessage({ channel: privacy, thread_ts: thread, ...fields }), nextEventId());
    await sentinel();
    expect(postsInThread(thread)).toHaveLength(1);
  });

  it('gets nothing in a thread it did not answer, nor in a thread it answered in another channel', async () => {
    await slack.event(channelMessage({ channel: privacy, thread_ts: '1700000050.000001', text: 'how long do you keep my data?' }), nextEventId());
    const elsewhere = mentionEvent({ channel: 'C0GENERAL1', text: '<@UBOT> do you sell my data?' });
    await slack.event(elsewhere, nextEventId());
    await slack.fake.waitForCall(() => postsInThread(elsewhere.ts).length === 1);
    await slack.event(channelMessage({ channel: 'C0GENERAL1', thread_ts: elsewhere.ts, text: 'how long do you keep it?' }), nextEventId());
    await sentinel();
    expect(postsInThread('1700000050.000001')).toHaveLength(0);
    expect(postsInThread(elsewhere.ts)).toHaveLength(1);
  });

  it('does not remember a thread whose question it declined (not-covered mention)', async () => {
    const mention = mentionEvent({ channel: privacy, text: '<@UBOT> when is lunch?' });
    await slack.event(mention, nextEventId());
    await slack.fake.waitForCall(() => postsInThread(mention.ts).length === 1);
    await slack.event(channelMessage({ channel: privacy, thread_ts: mention.ts, text: 'how long do you keep my data?' }), nextEventId());
    await sentinel();
    expect(postsInThread(mention.ts)).toHaveLength(1);
  });
});

describe('follow-ups: bounded memory of answered threads', () => {
  const slack = useSlackHarness({ config: { autoAnswerChannels: [privacy, sentinelChannel] }, channelRateLimit: roomyChannels, adapterOptions: { rememberedThreads: 1 } });
  const sentinel = autoAnswerSentinel(slack, sentinelChannel);
  const postsInThread = (threadTs: string) => slack.fake.callsTo('chat.postMessage').filter((c) => c.body['thread_ts'] === threadTs);

  it('forgets the oldest thread beyond rememberedThreads', async () => {
    const older = channelMessage({ channel: privacy, text: 'how long do you keep my data?' });
    const newer = channelMessage({ channel: privacy, text: 'do you sell my data?' });
    for (const question of [older, newer]) {
      await slack.event(question, nextEventId());
      await slack.fake.waitForCall(() => postsInThread(question.ts).length === 1);
    }
    await slack.event(channelMessage({ channel: privacy, thread_ts: older.ts, text: 'what about cookies?' }), nextEventId());
    await slack.event(channelMessage({ channel: privacy, thread_ts: newer.ts, text: 'what about cookies?' }), nextEventId());
    await slack.fake.waitForCall(() => postsInThread(newer.ts).length === 2);
    await sentinel();
    expect(postsInThread(older.ts)).toHaveLength(1);
  });
});
