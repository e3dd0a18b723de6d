import type { App } from '@slack/bolt';
import type { SlackService } from '../../service.js';
import { privacyCommand } from './privacy.js';

/**
 * Registers the slash commands.
 *
 * @example
 * registerCommands(app, service, { commandName: '/privacy' });
 */
export function registerCommands(app: App, service: SlackService, options: { commandName: string }): void {
  app.command(options.commandName, privacyCommand(service, options.commandName));
}
