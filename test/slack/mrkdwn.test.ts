import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, mrkdwnLink, neutralizeBroadcasts, plainTextFromSlack, safeUserText } from '../../adapters/slack/mrkdwn.js';
import { questionFromMessage } from '../../adapters/slack/question.js';

describe('mrkdwn safety', () => {
  it('escapes the three control characters', () => {
    expect(escapeMrkdwn('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
    // Already-escaped text is escaped again, so "&lt;" typed by a user is shown literally, never decoded to "<".
    expect(escapeMrkdwn('&lt;!channel&gt;')).toBe('&amp;lt;!channel&amp;gt;');
  });

  it('breaks plain broadcast words but not e-mail addresses', () => {
    const out = neutralizeBroadcasts('@channel @Here @everyone @all privacy@datarobot.com @channels');
    expect(out).not.toMatch(/@(channel|here|everyone|all)\b/i);
    expect(out).toContain('privacy@datarobot.com');
  });

  it('breaks every @word in user text', () => {
    expect(safeUserText('ping @jane and <@U1>')).toBe('ping @\u2060jane and &lt;@\u2060U1&gt;');
  });

  it('builds links only for http(s) URLs and keeps "|" and ">" from ending them early', () => {
    expect(mrkdwnLink('https://x.test/a|b>c', 'L<a>bel')).toBe('<https://x.test/a%7Cb&gt;c|L&lt;a&gt;bel>');
    expect(mrkdwnLink('#anchor', 'Label')).toBe('Label');
    expect(mrkdwnLink('javascript:alert(1)', 'Label')).toBe('Label');
  });
});

describe('reading questions from Slack text', () => {
  it('turns Slack markup into plain text and decodes entities', () => {
    expect(plainTextFromSlack('<@U1|jane> <@U2> <!here> <!channel> <!subteam^S1|@team> <#C1|general> <https://x.test|site> <mailto:a@b.c|a@b.c> Q&amp;A &lt;b&gt;')).toBe(
      '@jane @user @here @channel @team #general site a@b.c Q&A <b>',
    );
  });

  it("strips the bot's own mention wherever it is", () => {
    expect(questionFromMessage('<@UBOT> how long do you keep my data?', 'UBOT')).toBe('how long do you keep my data?');
    expect(questionFromMessage('hey <@UBOT|privacy> do you sell data? <@UBOT>', 'UBOT')).toBe('hey do you sell data?');
    expect(questionFromMessage('<@UOTHER> do you sell data?', 'UBOT')).toBe('@user do you sell data?');
  });

  it('strips a leading mention when the bot id is unknown', () => {
    expect(questionFromMessage('<@UXYZ> cookies?', undefined)).toBe('cookies?');
    expect(questionFromMessage(undefined, 'UBOT')).toBe('');
  });
});
