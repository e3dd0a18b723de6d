import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../../../src/answerer.js';
import { loadCorpus } from '../../../../src/corpus/load.js';
import { projectRoot } from '../../../../src/paths.js';
import type { Answerer } from '../../../../src/types.js';
import type { RecordedCall } from '../../../helpers/slack-fake-api.js';
import { bundledSlackAnswerer } from '../../../helpers/slack-answerer.js';
import { nextEventId } from '../../../helpers/slack-events.js';
import { useSlackHarness, type SlackHarness } from '../../../helpers/slack-harness.js';

function homeOpened(user: string, tab = 'home') {
  return { type: 'app_home_opened', user, channel: 'D0HOME0001', tab, ts: `${Date.now() / 1000}` };
}

/** The mrkdwn and plain text of the published view. */
function viewText(call: RecordedCall): string {
  const view = call.body['view'] as { blocks: Array<{ text?: { text: string } }> };
  return view.blocks.map((block) => block.text?.text ?? '').join('\n');
}

async function open(slack: SlackHarness, user: string): Promise<RecordedCall> {
  await slack.event(homeOpened(user), nextEventId());
  return slack.fake.waitForCall((c) => c.name === 'views.publish' && c.body['user_id'] === user);
}

describe('App Home tab (through the real bolt app)', () => {
  const slack = useSlackHarness();

  it('publishes what the bot does, how to ask, examples the policy answers, and the policy with its date', async () => {
    const call = await open(slack, 'U0HOME01');
    const view = call.body['view'] as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = viewText(call);
    expect(text).toContain("in the policy's own words");
    expect(text).toContain('`/privacy how long do you keep my data?`');
    expect(text).toContain('More actions → Answer from the privacy policy');
    expect(text).toContain('• How long do you keep my data?');
    expect(text).toContain('• <https://www.datarobot.com/privacy/|DataRobot Privacy Policy> (updated March 17, 2022)');
    // Off until configured: no desk link, no channels answered without a mention.
    expect(text).not.toContain('support desk');
    expect(text).not.toContain('without a mention');
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    await slack.event(homeOpened('U0MSGTAB', 'messages'), nextEventId());
    await open(slack, 'U0AFTER1');
    expect(slack.fake.callsTo('views.publish').some((c) => c.body['user_id'] === 'U0MSGTAB')).toBe(false);
  });

  it('lists the policies loaded now (hot reload)', async () => {
    const acme = createAnswerer(loadCorpus([join(projectRoot, 'test/fixtures/ingest/acme-privacy-notice.md')]));
    slack.deps.answerer = acme;
    try {
      const text = viewText(await open(slack, 'U0RELOAD'));
      expect(text).toContain('<https://acme.example/legal/privacy/|Acme Privacy Notice> (updated November 2, 2023)');
      expect(text).not.toContain('DataRobot');
    } finally {
      slack.deps.answerer = bundledSlackAnswerer();
    }
  });

  it('publishes the usual apology when the view cannot be built, and logs the failure', async () => {
    const broken: Answerer = {
      get documents(): never {
        throw new Error('corpus unavailable');
      },
      answer: (question) => ({ question, answered: false, passages: [] }),
    };
    slack.deps.answerer = broken;
    try {
      const text = viewText(await open(slack, 'U0BROKEN'));
      expect(text).toMatch(/^Sorry — something went wrong/);
    } finally {
      slack.deps.answerer = bundledSlackAnswerer();
    }
    expect(slack.logLines.join('\n')).toContain('slack: publishing the Home tab failed');
  });

  it('logs, and keeps running, when Slack refuses the view', async () => {
    slack.fake.failWhen((c) => c.name === 'views.publish' && c.body['user_id'] === 'U0REFUSED', 'invalid_arguments');
    await slack.event(homeOpened('U0REFUSED'), nextEventId());
    await slack.fake.waitForCall(() => slack.fake.callsTo('views.publish').filter((c) => c.body['user_id'] === 'U0REFUSED').length === 2);
    await open(slack, 'U0NEXT01');
    expect(slack.logLines.join('\n')).toContain('slack: publishing the Home tab apology failed');
  });
});

describe('App Home tab with DESK_PUBLIC_URL and channels answered without a mention', () => {
  const slack = useSlackHarness({
    config: { autoAnswerChannels: ['C0PRIVACY1', 'G0LEGALQS1'] },
    adapterOptions: { deskUrl: 'https://desk.example.com/' },
  });

  it('links the desk and names the channels', async () => {
    const text = viewText(await open(slack, 'U0HOME02'));
    expect(text).toContain('<https://desk.example.com/|open the support desk>');
    expect(text).toContain('In <#C0PRIVACY1>, <#G0LEGALQS1> I answer new questions without a mention');
  });
});
