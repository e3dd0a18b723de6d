import type { App, MessageShortcut } from '@slack/bolt';
import type { SlackService } from '../../service.js';
import type { SlackRequirements } from '../requirements.js';
import * as answerFromPolicyListener from './answer-from-policy.js';

/**
 * Registers the shortcuts and returns what they need from the manifest.
 *
 * @example
 * registerShortcuts(app, service, { commandName: '/privacy' });
 */
export function registerShortcuts(app: App, service: SlackService, options: { commandName: string }): SlackRequirements[] {
  const { answerFromPolicy, answerFromPolicyShortcut } = answerFromPolicyListener;
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: answerFromPolicyShortcut.callbackId }, answerFromPolicy(service, options.commandName));
  return [answerFromPolicyListener.requirements];
}
