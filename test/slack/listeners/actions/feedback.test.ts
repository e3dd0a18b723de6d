import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../../helpers/slack-fake-api.js';
import { payloadText, useSlackHarness } from '../../../helpers/slack-harness.js';

interface Button {
  action_id?: string;
  value?: string;
}

function buttonsOf(blocks: unknown): Button[] {
  return ((blocks ?? []) as Array<{ type: string; elements?: Button[] }>).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
}

function feedbackValue(call: RecordedCall): string {
  const value = buttonsOf(call.body['blocks']).find((b) => b.action_id === 'feedback_helpful')?.value;
  if (!value) throw new Error('no feedback button');
  return value;
}

describe('feedback buttons (through the real bolt app)', () => {
  let dir: string;
  let logPath: string;
  const slack = useSlackHarness(() => {
    dir = mkdtempSync(join(tmpdir(), 'slack-feedback-'));
    logPath = join(dir, 'usage.jsonl');
    return { usageLogPath: logPath };
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const records = () =>
    readFileSync(logPath, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('records a vote on a public answer without content and thanks the voter ephemerally', async () => {
    await slack.event({ type: 'app_mention', user: 'U0ASKER', channel: 'C0VOTE', ts: '1700000600.000100', text: '<@UBOT> how long do you keep my data?' }, 'EvVote1');
    const answer = await slack.fake.waitForCall((c) => c.name === 'chat.postMessage' && c.body['channel'] === 'C0VOTE');
    const value = feedbackValue(answer);

    await slack.click({ actionId: 'feedback_helpful', value, responseId: 'vote-1', userId: 'U0VOTER', channelId: 'C0VOTE', messageTs: '1700000600.000900' });
    const thanks = await slack.fake.waitForCall((c) => c.name === 'vote-1');
    expect(thanks.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(payloadText(thanks)).toContain('Thanks for the feedback!');

    expect(slack.deps.usageLog.feedbackCounts().get('Data retention')).toEqual({ helpful: 1, notHelpful: 0 });
    const logged = records();
    expect(logged.find((r) => r['type'] === 'feedback')).toMatchObject({ platform: 'slack', helpful: true, section: ['Data retention'] });
    expect(logged.find((r) => r['type'] === 'question')).toMatchObject({ platform: 'slack', question: 'how long do you keep my data?', answered: true });
  });

  it('logs questions only redacted', async () => {
    const { responseId } = await slack.command('can you delete my data? I am jane.doe@example.com, +1 (617) 555-0100');
    await slack.fake.waitForCall((c) => c.name === responseId);
    const question = records().findLast((r) => r['type'] === 'question');
    expect(question?.['question']).toBe('can you delete my data? I am [email], [phone]');
    expect(readFileSync(logPath, 'utf8')).not.toContain('jane.doe');
    expect(slack.logLines.join('\n')).not.toContain('jane.doe');
  });

  it('counts a second click by the same person on the same message once', async () => {
    const value = JSON.stringify({ section: ['Data retention'] });
    await slack.click({ actionId: 'feedback_not_helpful', value, responseId: 'vote-2', userId: 'U0VOTER', channelId: 'C0VOTE', messageTs: '1700000600.000900' });
    const reply = await slack.fake.waitForCall((c) => c.name === 'vote-2');
    expect(payloadText(reply)).toContain('You already rated this answer');
    expect(slack.deps.usageLog.feedbackCounts().get('Data retention')).toEqual({ helpful: 1, notHelpful: 0 });
  });

  it("replaces the buttons with a thank-you on the asker's own ephemeral answer, keeping the share button", async () => {
    const { responseId } = await slack.command('do you use cookies?');
    const ephemeral = await slack.fake.waitForCall((c) => c.name === responseId);
    const message = { type: 'message', ts: '1700000700.000100', text: ephemeral.body['text'], blocks: ephemeral.body['blocks'] };

    await slack.click({ actionId: 'feedback_not_helpful', value: feedbackValue(ephemeral), responseId: 'vote-3', ephemeral: true, messageTs: '1700000700.000100', message });
    const replaced = await slack.fake.waitForCall((c) => c.name === 'vote-3');
    expect(replaced.body['replace_original']).toBe(true);
    expect(buttonsOf(replaced.body['blocks']).map((b) => b.action_id)).toEqual(['share_answer']);
    expect(payloadText(replaced)).toContain('Thanks for the feedback!');
    expect(records().filter((r) => r['type'] === 'feedback' && r['helpful'] === false)).toHaveLength(1);
  });

  it('thanks ephemerally when Slack sends no copy of an ephemeral message', async () => {
    await slack.click({ actionId: 'feedback_helpful', value: undefined, responseId: 'vote-4', ephemeral: true, messageTs: '1700000800.000100' });
    const reply = await slack.fake.waitForCall((c) => c.name === 'vote-4');
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(slack.deps.usageLog.feedbackCounts().get('')).toEqual({ helpful: 1, notHelpful: 0 });
    expect(records().findLast((r) => r['type'] === 'feedback')).toMatchObject({ helpful: true, section: [] });
  });
});
