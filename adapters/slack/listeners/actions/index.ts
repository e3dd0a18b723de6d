import type { App, BlockButtonAction } from '@slack/bolt';
import { actionIds } from '../../render.js';
import type { SlackService } from '../../service.js';
import { feedback } from './feedback.js';
import { shareAnswer } from './share-answer.js';

/**
 * Registers the answer buttons' listeners.
 *
 * @example
 * registerActions(app, service);
 */
export function registerActions(app: App, service: SlackService): void {
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: actionIds.share }, shareAnswer(service));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: new RegExp(`^(${actionIds.helpful}|${actionIds.notHelpful})$`) }, feedback(service));
}
