import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { exampleQuestions } from '../../../../src/suggest.js';
import { renderError, renderHome } from '../../render.js';
import { describeError, type SlackService } from '../../service.js';
import type { SlackRequirements } from '../requirements.js';

export type AppHomeOpenedArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** views.publish needs no scope of its own; the Home tab must be enabled in the manifest. */
export const requirements: SlackRequirements = { events: ['app_home_opened'], scopes: [], homeTab: true };

/** Options for {@link appHomeOpened}. */
export interface AppHomeOptions {
  commandName: string;
  shortcutName: string;
  /** Examples shown on the tab (those the policy answers). */
  examples: number;
  deskUrl?: string;
}

/**
 * Publishes the Home tab each time someone opens it, so it always lists the policies currently loaded (hot reload):
 * what the bot does, how to ask, example questions, the documents with their dates and the desk link. If building the
 * view fails, the usual apology is published instead.
 *
 * @example
 * app.event('app_home_opened', appHomeOpened(service, { commandName: '/privacy', shortcutName, examples: 5 }));
 */
export function appHomeOpened(service: SlackService, options: AppHomeOptions) {
  return async ({ event, client }: AppHomeOpenedArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      const { answerer } = service.deps;
      const view = renderHome({
        documents: answerer.documents,
        examples: exampleQuestions(answerer, { limit: options.examples }),
        commandName: options.commandName,
        shortcutName: options.shortcutName,
        autoAnswerChannels: service.options.autoAnswerChannels,
        ...(options.deskUrl ? { deskUrl: options.deskUrl } : {}),
      });
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      service.deps.logger.error('slack: publishing the Home tab failed', { error: describeError(error) });
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: renderError().blocks } }).catch((publishError: unknown) => {
        service.deps.logger.error('slack: publishing the Home tab apology failed', { error: describeError(publishError) });
      });
    }
  };
}
