/**
 * Text safety for Slack: everything the bot posts goes through here, so neither policy text nor a user's question can
 * inject markup, links or notifications (`<!channel>`, `<@U123>`, plain `@here`…) into the bot's messages.
 */

// U+2060 WORD JOINER: invisible, keeps the word on one line, and breaks Slack's recognition of `@here`-style words.
const WORD_JOINER = '\u2060';

/**
 * Escapes the three characters Slack's mrkdwn treats as control characters (`&`, `<`, `>`), so `<!channel>` or
 * `<@U123>` is shown literally instead of notifying anyone.
 *
 * @example
 * escapeMrkdwn('<!channel> Q&A') // => '&lt;!channel&gt; Q&amp;A'
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Breaks plain-text broadcast words (`@channel`, `@here`, `@everyone`, `@all`) with an invisible word joiner, so a
 * client or integration that links names can never turn them into a notification.
 *
 * @example
 * neutralizeBroadcasts('hi @here') // => 'hi @\u2060here'
 */
export function neutralizeBroadcasts(text: string): string {
  return text.replace(/@(?=(?:channel|here|everyone|all)\b)/gi, `@${WORD_JOINER}`);
}

/**
 * Makes policy text safe for mrkdwn: escaped, broadcast words neutralised. E-mail addresses stay copyable.
 *
 * @example
 * safePolicyText('Email privacy@example.com & ask') // => 'Email privacy@example.com &amp; ask'
 */
export function safePolicyText(text: string): string {
  return neutralizeBroadcasts(escapeMrkdwn(text));
}

/**
 * Makes a user's text safe to echo: escaped, and every `@word` broken with a word joiner, so not even a plain
 * `@jane` can become a mention if Slack's handling of plain names ever changes.
 *
 * @example
 * safeUserText('<!here> ping @jane') // => '&lt;!here&gt; ping @\u2060jane'
 */
export function safeUserText(text: string): string {
  return escapeMrkdwn(text).replace(/@(?=[\p{L}\p{N}_])/gu, `@${WORD_JOINER}`);
}

/**
 * Builds a mrkdwn link `<url|label>`. The label is escaped; the URL is escaped and its `|` percent-encoded so it
 * cannot end the link early. Non-http(s) URLs (e.g. a bare `#anchor`) are not linkable in Slack: the label alone
 * is returned.
 *
 * @example
 * mrkdwnLink('https://example.com/privacy#data-retention', 'Data retention')
 * // => '<https://example.com/privacy#data-retention|Data retention>'
 */
export function mrkdwnLink(url: string, label: string): string {
  const safeLabel = safePolicyText(label);
  if (!isLinkableUrl(url)) return safeLabel;
  const safeUrl = escapeMrkdwn(url).replace(/\|/g, '%7C');
  return `<${safeUrl}|${safeLabel}>`;
}

/**
 * Whether Slack can link to this URL (absolute http or https, no whitespace).
 *
 * @example
 * isLinkableUrl('#data-retention') // => false
 */
export function isLinkableUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}

/**
 * Turns Slack-formatted message text (as Slack delivers it in events and slash commands) into the plain question the
 * user typed: `<@U1|jane>` → `@jane`, `<!here>` → `@here`, `<#C1|general>` → `#general`, `<https://x|label>` →
 * `label`, then decodes `&amp;`, `&lt;` and `&gt;`. The result is for the answerer; it is escaped again on output.
 *
 * @example
 * plainTextFromSlack('do you keep &lt;emails&gt; for <!channel>?') // => 'do you keep <emails> for @channel?'
 */
export function plainTextFromSlack(text: string): string {
  const withoutMarkup = text.replace(/<([^<>]*)>/g, (_match, inner: string) => {
    const [target = '', label] = splitOnce(inner, '|');
    if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : '@user';
    if (target.startsWith('#')) return label ? `#${label.replace(/^#/, '')}` : '#channel';
    if (target.startsWith('!')) {
      if (label) return label;
      const keyword = target.slice(1).split('^')[0] ?? '';
      return /^(channel|here|everyone)$/.test(keyword) ? `@${keyword}` : '';
    }
    return label ?? target;
  });
  return withoutMarkup.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
