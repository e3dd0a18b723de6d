import { plainTextFromSlack } from './mrkdwn.js';
import { escapeRegExp } from '../../src/regexp.js';

/**
 * The question in a message that mentions the bot: the bot's own mention(s) removed, Slack markup turned into plain
 * text. Other mentions stay as `@name` (escaped again if echoed).
 *
 * @example
 * questionFromMessage('<@UBOT> how long do you keep my data?', 'UBOT') // => 'how long do you keep my data?'
 */
export function questionFromMessage(text: string | undefined, botUserId: string | undefined): string {
  let body = text ?? '';
  if (botUserId) {
    const ownMention = new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g');
    body = body.replace(ownMention, ' ');
  } else {
    // Without the bot's id (auth.test not done), the leading mention is the one that addressed the bot.
    body = body.replace(/^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/, ' ');
  }
  return plainTextFromSlack(body).replace(/\s+/g, ' ').trim();
}

