import type { App } from '@slack/bolt';
import type { SlackService } from '../../service.js';
import { directMessage } from './direct-message.js';

/**
 * Registers message listeners.
 *
 * @example
 * registerMessages(app, service, { commandName: '/privacy' });
 */
export function registerMessages(app: App, service: SlackService, options: { commandName: string }): void {
  app.message(directMessage(service, options.commandName));
}
