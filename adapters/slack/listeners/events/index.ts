import type { App } from '@slack/bolt';
import type { SlackService } from '../../service.js';
import type { SlackRequirements } from '../requirements.js';
import * as appHome from './app-home-opened.js';
import * as mention from './app-mention.js';

/**
 * Registers Events API listeners (other than messages) and returns what they need from the manifest.
 *
 * @example
 * registerEvents(app, service, { commandName: '/privacy', shortcutName: 'Answer from the privacy policy' });
 */
export function registerEvents(app: App, service: SlackService, options: appHome.AppHomeOptions): SlackRequirements[] {
  app.event('app_mention', mention.appMention(service, options.commandName));
  app.event('app_home_opened', appHome.appHomeOpened(service, options));
  return [mention.requirements, appHome.requirements];
}
