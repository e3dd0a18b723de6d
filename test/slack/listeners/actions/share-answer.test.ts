import { describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../../helpers/slack-fake-api.js';
import { payloadText, useSlackHarness } from '../../../helpers/slack-harness.js';

interface Button {
  action_id?: string;
  value?: string;
}

function buttonsOf(call: RecordedCall): Button[] {
  const blocks = (call.body['blocks'] ?? []) as Array<{ type: string; elements?: Button[] }>;
  return blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
}

function quotesOf(call: RecordedCall): string[] {
  const blocks = (call.body['blocks'] ?? []) as Array<{ type: string; text?: { text: string } }>;
  return blocks.flatMap((b) => (b.type === 'section' && b.text?.text.startsWith('>') ? [b.text.text] : []));
}

describe('"Share in channel" (through the real bolt app)', () => {
  const slack = useSlackHarness({ adapterOptions: { shareCacheSize: 1 } });

  const ask = async (question: string) => {
    const { responseId } = await slack.command(question);
    const ephemeral = await slack.fake.waitForCall((c) => c.name === responseId);
    const share = buttonsOf(ephemeral).find((b) => b.action_id === 'share_answer');
    if (!share?.value) throw new Error('no share button');
    return { ephemeral, shareValue: share.value };
  };
  const responsesTo = (id: string) => slack.fake.calls.filter((c) => c.kind === 'response' && c.name === id);

  it('posts the same answer in the channel, then removes the share button from the ephemeral copy', async () => {
    const { ephemeral, shareValue } = await ask('how long do you keep my data?');
    expect(shareValue.length).toBeLessThanOrEqual(2000);
    const { status } = await slack.click({ actionId: 'share_answer', value: shareValue, responseId: 'share-1', ephemeral: true });
    expect(status).toBe(200);
    await slack.fake.waitForCall(() => responsesTo('share-1').length >= 2);
    const [publicPost, replaced] = responsesTo('share-1');
    if (!publicPost || !replaced) throw new Error('expected two responses');

    expect(publicPost.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(quotesOf(publicPost)).toEqual(quotesOf(ephemeral));
    expect(payloadText(publicPost)).toContain('Data retention');
    expect(buttonsOf(publicPost).map((b) => b.action_id)).toEqual(['feedback_helpful', 'feedback_not_helpful']);

    expect(replaced.body['replace_original']).toBe(true);
    expect(replaced.body['response_type']).toBeUndefined();
    expect(payloadText(replaced)).toContain('Shared in the channel.');
    expect(buttonsOf(replaced).map((b) => b.action_id)).not.toContain('share_answer');
  });

  it('re-answers from the question in the button when the cached answer is gone', async () => {
    const first = await ask('do you sell my data to third parties?');
    await ask('how long do you keep my data?'); // cache size 1: evicts the first answer
    await slack.click({ actionId: 'share_answer', value: first.shareValue, responseId: 'share-2', ephemeral: true });
    const publicPost = await slack.fake.waitForCall((c) => c.name === 'share-2' && c.body['response_type'] === 'in_channel');
    expect(quotesOf(publicPost)).toEqual(quotesOf(first.ephemeral));
  });

  it('shares a hostile question without letting it notify anyone', async () => {
    const { shareValue } = await ask('<!channel> @here <@U123> what personal data do you collect?');
    expect(shareValue).not.toContain('<!');
    await slack.click({ actionId: 'share_answer', value: shareValue, responseId: 'share-3', ephemeral: true });
    const publicPost = await slack.fake.waitForCall((c) => c.name === 'share-3' && c.body['response_type'] === 'in_channel');
    const payload = payloadText(publicPost);
    expect(payload).not.toContain('<!');
    expect(payload).not.toContain('<@');
    expect(payload).not.toMatch(/@(channel|here|everyone)\b/i);
  });

  it('says so, only to the clicker, when the button value is unusable', async () => {
    await slack.click({ actionId: 'share_answer', value: 'garbage', responseId: 'share-4', ephemeral: true });
    const notice = await slack.fake.waitForCall((c) => c.name === 'share-4');
    expect(notice.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(notice.body['text'])).toContain('can no longer be shared');
  });
});
