/**
 * Builds and sends requests the way Slack does: signed (v0 HMAC-SHA256 of `v0:<ts>:<body>`), slash commands and
 * interactivity form-encoded, Events API as JSON.
 */
import { createHmac } from 'node:crypto';

/** Options for {@link sendSlackRequest}. */
export interface SlackRequestOptions {
  signingSecret: string;
  body: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Overrides the computed signature (to test rejection). */
  signature?: string;
  headers?: Record<string, string>;
}

/**
 * The `X-Slack-Signature` value for a body.
 *
 * @example
 * slackSignature('secret', 1700000000, 'token=x') // => 'v0=…'
 */
export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/**
 * POSTs a signed request to the app's endpoint and returns the HTTP status and body.
 *
 * @example
 * const res = await sendSlackRequest(url, { signingSecret, body: eventBody(event), contentType: 'application/json' });
 */
export async function sendSlackRequest(url: string, options: SlackRequestOptions): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(options.signingSecret, timestamp, options.body),
      ...options.headers,
    },
    body: options.body,
  });
  return { status: response.status, text: await response.text() };
}

/**
 * A slash command body, form-encoded, as Slack sends it.
 *
 * @example
 * slashCommandBody({ text: 'how long do you keep my data?', response_url: fake.responseUrl('c1') })
 */
export function slashCommandBody(fields: { text: string; response_url: string; user_id?: string; channel_id?: string; command?: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0TEST',
    team_domain: 'test',
    channel_id: fields.channel_id ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: fields.user_id ?? 'U0ASKER',
    user_name: 'asker',
    command: fields.command ?? '/privacy',
    text: fields.text,
    api_app_id: 'A0APP',
    is_enterprise_install: 'false',
    response_url: fields.response_url,
    trigger_id: '123.456.abc',
  }).toString();
}

/**
 * An Events API envelope, JSON-encoded.
 *
 * @example
 * eventBody({ type: 'app_mention', user: 'U1', text: '<@UBOT> hi', ts: '1.1', channel: 'C1' }, 'Ev1')
 */
export function eventBody(event: Record<string, unknown>, eventId: string): string {
  return JSON.stringify(eventEnvelope(event, eventId));
}

/** The Events API envelope object (also sent over Socket Mode as `payload`). */
export function eventEnvelope(event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0TEST',
    api_app_id: 'A0APP',
    event: { event_ts: event['ts'], ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0TEST', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/**
 * A block_actions body (`payload=<json>`, form-encoded) for a button click.
 *
 * @example
 * actionBody({ actionId: 'share_answer', value, responseUrl: fake.responseUrl('a1') })
 */
export function actionBody(fields: {
  actionId: string;
  value: string | undefined;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  messageTs?: string;
  ephemeral?: boolean;
  message?: Record<string, unknown>;
}): string {
  const messageTs = fields.messageTs ?? '1700000000.000100';
  const payload = {
    type: 'block_actions',
    user: { id: fields.userId ?? 'U0ASKER', username: 'asker', name: 'asker', team_id: 'T0TEST' },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: fields.channelId ?? 'C0GENERAL', is_ephemeral: fields.ephemeral ?? false },
    trigger_id: '123.456.abc',
    team: { id: 'T0TEST', domain: 'test' },
    is_enterprise_install: false,
    channel: { id: fields.channelId ?? 'C0GENERAL', name: 'general' },
    ...(fields.message ? { message: fields.message } : {}),
    response_url: fields.responseUrl,
    actions: [
      {
        action_id: fields.actionId,
        block_id: 'answer_actions',
        text: { type: 'plain_text', text: 'button', emoji: true },
        ...(fields.value !== undefined ? { value: fields.value } : {}),
        type: 'button',
        action_ts: '1700000001.000200',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/**
 * A message shortcut body (`payload=<json>`, form-encoded), as Slack sends it when someone picks a shortcut in a
 * message's "More actions" menu.
 *
 * @example
 * messageShortcutBody({ callbackId: 'answer_from_policy', text: 'do we sell data?', responseUrl: fake.responseUrl('s1') })
 */
export function messageShortcutBody(fields: {
  callbackId: string;
  text: string | undefined;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  messageTs?: string;
  threadTs?: string;
  messageUser?: string;
}): string {
  const messageTs = fields.messageTs ?? '1700000900.000100';
  const payload = {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: '1700000901.000200',
    team: { id: 'T0TEST', domain: 'test' },
    user: { id: fields.userId ?? 'U0CLICKER', username: 'clicker', name: 'clicker', team_id: 'T0TEST' },
    channel: { id: fields.channelId ?? 'C0GENERAL', name: 'general' },
    is_enterprise_install: false,
    callback_id: fields.callbackId,
    trigger_id: '123.456.abc',
    response_url: fields.responseUrl,
    message_ts: messageTs,
    message: {
      type: 'message',
      user: fields.messageUser ?? 'U0AUTHOR',
      ts: messageTs,
      ...(fields.text !== undefined ? { text: fields.text } : {}),
      ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
