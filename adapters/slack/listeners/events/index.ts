import type { App } from '@slack/bolt';
import type { SlackService } from '../../service.js';
import { appMention } from './app-mention.js';

/**
 * Registers Events API listeners (other than messages).
 *
 * @example
 * registerEvents(app, service, { commandName: '/privacy' });
 */
export function registerEvents(app: App, service: SlackService, options: { commandName: string }): void {
  app.event('app_mention', appMention(service, options.commandName));
}
