import type { App, BlockButtonAction } from '@slack/bolt';
import { actionIds } from '../../render.js';
import type { SlackService } from '../../service.js';
import type { SlackRequirements } from '../requirements.js';
import * as feedback from './feedback.js';
import * as share from './share-answer.js';

/**
 * Registers the answer buttons' listeners and returns what they need from the manifest.
 *
 * @example
 * registerActions(app, service);
 */
export function registerActions(app: App, service: SlackService): SlackRequirements[] {
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: actionIds.share }, share.shareAnswer(service));
  app.action<BlockButtonAction>(
    { type: 'block_actions', action_id: new RegExp(`^(${actionIds.helpful}|${actionIds.notHelpful})$`) },
    feedback.feedback(service),
  );
  return [share.requirements, feedback.requirements];
}
