import type { App } from '@slack/bolt';
import type { SlackService } from '../service.js';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';
import { registerMessages } from './messages/index.js';

/** Options for {@link registerListeners}. */
export interface ListenerOptions {
  /** The slash command, as configured in the app manifest. */
  commandName: string;
}

export const defaultListenerOptions: Readonly<ListenerOptions> = { commandName: '/privacy' };

/**
 * Registers every listener of the Slack app, one file per listener, grouped by kind (as in Slack's bolt starter).
 *
 * @example
 * registerListeners(app, createSlackService(deps));
 */
export function registerListeners(app: App, service: SlackService, options: Partial<ListenerOptions> = {}): void {
  const opts = { ...defaultListenerOptions, ...options };
  registerCommands(app, service, opts);
  registerEvents(app, service, opts);
  registerMessages(app, service, opts);
  registerActions(app, service);
}
