import { describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../../helpers/slack-fake-api.js';
import { bundledSlackAnswerer, crashingOn } from '../../../helpers/slack-answerer.js';
import { payloadText, useSlackHarness } from '../../../helpers/slack-harness.js';

const callbackId = 'answer_from_policy';
let sequence = 0;
const nextId = () => `sc-${Date.now()}-${++sequence}`;

function shareValueOf(call: RecordedCall): string {
  const blocks = (call.body['blocks'] ?? []) as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>;
  const share = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'share_answer');
  if (!share?.value) throw new Error('no share button');
  return share.value;
}

describe('message shortcut "Answer from the privacy policy" (through the real bolt app)', () => {
  const slack = useSlackHarness({ answerer: crashingOn('CRASH', bundledSlackAnswerer()), rateLimit: { limit: 6, windowMs: 60_000 } });
  const responses = (id: string) => slack.fake.calls.filter((c) => c.kind === 'response' && c.name === id);

  async function pick(fields: { text: string | undefined; messageTs?: string; threadTs?: string; channelId?: string; userId?: string }) {
    const responseId = nextId();
    // A clicker per pick unless a test names one, so the rate limit only bites where a test wants it to.
    const { status } = await slack.shortcut({ callbackId, responseId, userId: `U0C${sequence}`, ...fields });
    expect(status).toBe(200);
    return slack.fake.waitForCall((c) => c.kind === 'response' && c.name === responseId);
  }

  it("answers the message's text privately to the person who clicked, with Share and feedback buttons", async () => {
    const reply = await pick({ text: 'hey, how long do you keep my data?' });
    expect(reply.body['response_type']).toBe('ephemeral');
    const payload = payloadText(reply);
    expect(payload).toContain('Data retention');
    expect(payload).toContain('*Question:* hey, how long do you keep my data?');
    expect(payload).toContain('feedback_helpful');
    expect(shareValueOf(reply).length).toBeLessThanOrEqual(2000);
    // Nothing is posted publicly until the clicker shares.
    expect(slack.fake.callsTo('chat.postMessage').filter((c) => c.body['channel'] === 'C0GENERAL')).toHaveLength(0);
  });

  it("Share posts the answer in the message's thread and marks the private copy as shared", async () => {
    const reply = await pick({ text: 'do you sell my data?', messageTs: '1700000950.000100', channelId: 'C0SHARE01' });
    const responseId = nextId();
    await slack.click({ actionId: 'share_answer', value: shareValueOf(reply), responseId, ephemeral: true, channelId: 'C0SHARE01' });
    const post = await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['channel'] === 'C0SHARE01');
    expect(post.body['thread_ts']).toBe('1700000950.000100');
    expect(payloadText(post)).toContain('How we share your data');
    expect(payloadText(post)).not.toContain('share_answer');
    const replaced = await slack.fake.waitForCall((c) => c.kind === 'response' && c.name === responseId);
    expect(replaced.body['replace_original']).toBe(true);
    expect(payloadText(replaced)).toContain('Shared in the thread.');
    expect(responses(responseId)).toHaveLength(1);
  });

  it('for a reply inside a thread, answers next to it and shares into that thread', async () => {
    const reply = await pick({ text: 'what personal data do you collect?', messageTs: '1700000960.000200', threadTs: '1700000955.000100', channelId: 'C0SHARE02' });
    expect(reply.body['thread_ts']).toBe('1700000955.000100');
    await slack.click({ actionId: 'share_answer', value: shareValueOf(reply), responseId: nextId(), ephemeral: true, channelId: 'C0SHARE02' });
    const post = await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['channel'] === 'C0SHARE02');
    expect(post.body['thread_ts']).toBe('1700000955.000100');
  });

  it('tells the clicker to invite the bot when it cannot post in the channel', async () => {
    slack.fake.failWhen((c) => c.name === 'chat.postMessage' && c.body['channel'] === 'C0NOTIN01', 'not_in_channel');
    const reply = await pick({ text: 'do you sell my data?', channelId: 'C0NOTIN01' });
    const responseId = nextId();
    await slack.click({ actionId: 'share_answer', value: shareValueOf(reply), responseId, ephemeral: true, channelId: 'C0NOTIN01' });
    const notice = await slack.fake.waitForCall((c) => c.kind === 'response' && c.name === responseId);
    expect(notice.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(notice.body['text'])).toContain('/invite @Privacy Assistant');
  });

  it('says so when the message has no text (a file, an image)', async () => {
    for (const text of [undefined, '   ']) {
      const reply = await pick({ text });
      expect(reply.body['response_type']).toBe('ephemeral');
      expect(String(reply.body['text'])).toContain('That message has no text I can answer');
    }
  });

  it('says the policy does not cover a question it does not cover, privately', async () => {
    const reply = await pick({ text: 'when is lunch?' });
    expect(reply.body['response_type']).toBe('ephemeral');
    expect(payloadText(reply)).toContain("doesn't cover this");
  });

  it('never lets the message notify anyone', async () => {
    const reply = await pick({ text: '<!channel> <@U123> @here do you sell my data?' });
    const payload = payloadText(reply);
    expect(payload).not.toContain('<!');
    expect(payload).not.toContain('<@');
    expect(payload).not.toMatch(/@(channel|here|everyone)\b/);
  });

  it('replies with the usual apology when answering fails, and logs it redacted', async () => {
    const reply = await pick({ text: 'CRASH do you sell my data?' });
    expect(String(reply.body['text'])).toMatch(/^Sorry — something went wrong/);
    const logs = slack.logLines.join('\n');
    expect(logs).toContain('slack: message shortcut failed');
    expect(logs).not.toContain('jane.doe@example.com');
  });

  it("counts against the clicker's rate limit", async () => {
    const userId = 'U0HASTY';
    const replies = [];
    for (let i = 0; i < 7; i += 1) replies.push(await pick({ text: 'do you sell my data?', userId }));
    expect(String(replies[6]!.body['text'])).toMatch(/You're asking quickly/);
    expect(replies.slice(0, 6).every((r) => payloadText(r).includes('How we share your data'))).toBe(true);
  });
});
