/**
 * Events API payloads for channel messages, as Slack sends them with `message.channels`, and fresh ids and
 * timestamps, so tests never collide on de-duplication or rate limits.
 */

let sequence = 0;

/** A fresh event id. */
export function nextEventId(): string {
  return `EvCh${Date.now()}${++sequence}`;
}

/** A fresh message timestamp (`<seconds>.<micros>`). */
export function nextTs(): string {
  sequence += 1;
  return `${1_700_100_000 + sequence}.${String(sequence).padStart(6, '0')}`;
}

/**
 * A `message` event in a public channel from a person, with a fresh `ts`.
 *
 * @example
 * await slack.event(channelMessage({ channel: 'C0PRIVACY1', text: 'do we sell data?' }), nextEventId());
 */
export function channelMessage(fields: Record<string, unknown> & { channel: string }): Record<string, unknown> & { ts: string } {
  return { type: 'message', channel_type: 'channel', user: 'U0ASKER', text: 'how long do you keep my data?', ts: nextTs(), ...fields };
}

/** An `app_mention` event with a fresh `ts`. */
export function mentionEvent(fields: Record<string, unknown> & { channel: string; text: string }): Record<string, unknown> & { ts: string } {
  return { type: 'app_mention', user: 'U0ASKER', ts: nextTs(), ...fields };
}
