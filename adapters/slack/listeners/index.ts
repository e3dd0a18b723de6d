import type { App } from '@slack/bolt';
import type { SlackService } from '../service.js';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';
import { registerMessages } from './messages/index.js';
import type { SlackRequirements } from './requirements.js';
import { answerFromPolicyShortcut } from './shortcuts/answer-from-policy.js';
import { registerShortcuts } from './shortcuts/index.js';

export type { SlackRequirements } from './requirements.js';

/** Options for {@link registerListeners}. */
export interface ListenerOptions {
  /** The slash command, as configured in the app manifest. */
  commandName: string;
  /** Example questions on the Home tab (only those the policy answers are shown). */
  homeExamples: number;
  /** The support desk's public URL (`DESK_PUBLIC_URL`), linked from the Home tab. */
  deskUrl?: string;
}

export const defaultListenerOptions: Readonly<ListenerOptions> = { commandName: '/privacy', homeExamples: 5 };

/**
 * Registers every listener of the Slack app, one file per listener, grouped by kind (as in Slack's bolt starter), and
 * returns what the registered listeners need from the app's manifest (events, scopes, commands, shortcuts).
 *
 * @example
 * registerListeners(app, createSlackService(deps));
 */
export function registerListeners(app: App, service: SlackService, options: Partial<ListenerOptions> = {}): SlackRequirements[] {
  const opts = { ...defaultListenerOptions, ...options };
  const homeOptions = {
    commandName: opts.commandName,
    shortcutName: answerFromPolicyShortcut.name,
    examples: opts.homeExamples,
    ...(opts.deskUrl ? { deskUrl: opts.deskUrl } : {}),
  };
  return [
    ...registerCommands(app, service, opts),
    ...registerEvents(app, service, homeOptions),
    ...registerMessages(app, service, opts),
    ...registerShortcuts(app, service, opts),
    ...registerActions(app, service),
  ];
}
