import type { App } from '@slack/bolt';
import type { SlackService } from '../../service.js';
import type { SlackRequirements } from '../requirements.js';
import * as privacy from './privacy.js';

/**
 * Registers the slash commands and returns what they need from the manifest.
 *
 * @example
 * registerCommands(app, service, { commandName: '/privacy' });
 */
export function registerCommands(app: App, service: SlackService, options: { commandName: string }): SlackRequirements[] {
  app.command(options.commandName, privacy.privacyCommand(service, options.commandName));
  return [{ ...privacy.requirements, commands: [options.commandName] }];
}
