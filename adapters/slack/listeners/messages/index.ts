import type { App } from '@slack/bolt';
import type { SlackService } from '../../service.js';
import type { SlackRequirements } from '../requirements.js';
import * as channelQuestion from './channel-question.js';
import * as directMessage from './direct-message.js';
import * as threadFollowUp from './thread-follow-up.js';

/**
 * Registers message listeners and returns what they need from the manifest. Channel messages are only listened to
 * when some channel is answered without a mention (the `AutoResponder` watches one: `autoAnswerChannels`).
 *
 * @example
 * registerMessages(app, service, { commandName: '/privacy' });
 */
export function registerMessages(app: App, service: SlackService, options: { commandName: string }): SlackRequirements[] {
  app.message(directMessage.directMessage(service, options.commandName));
  if (!service.autoResponder.watchesAnyChannel) return [directMessage.requirements];
  app.message(channelQuestion.channelQuestion(service));
  app.message(threadFollowUp.threadFollowUp(service));
  return [directMessage.requirements, channelQuestion.requirements, threadFollowUp.requirements];
}
