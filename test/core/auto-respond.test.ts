import { describe, expect, it } from 'vitest';
import { AutoResponder, type UnaddressedMessage } from '../../src/auto-respond.js';
import { createAnswerer } from '../../src/answerer.js';
import { RateLimiter } from '../../src/rate-limit.js';
import type { Answerer } from '../../src/types.js';
import { loadBundled } from './helpers.js';

const bundled = createAnswerer(loadBundled());
let sequence = 0;

function message(fields: Partial<UnaddressedMessage> = {}): UnaddressedMessage {
  return { messageId: `m${++sequence}`, userId: 'U1', channelId: 'C1', text: 'how long do you keep my data?', ...fields };
}

const watchedChannels = ['C1', 'C2'];

function responder(options: { user?: number; channel?: number; answerer?: () => Answerer; now?: () => number; watched?: string[] } = {}) {
  const now = options.now ?? (() => 1_000_000);
  return new AutoResponder({
    answerer: options.answerer ?? (() => bundled),
    userLimiter: new RateLimiter({ limit: options.user ?? 100, windowMs: 60_000, now }),
    channelLimiter: new RateLimiter({ limit: options.channel ?? 100, windowMs: 60_000, now }),
    watchedChannels: options.watched ?? watchedChannels,
  });
}

/** The bundled answerer, counting the questions it is asked. */
function countingAnswerer(): { answerer: () => Answerer; asked: string[] } {
  const asked: string[] = [];
  const counting: Answerer = { documents: bundled.documents, answer: (question, options) => (asked.push(question), bundled.answer(question, options)) };
  return { answerer: () => counting, asked };
}

describe('AutoResponder watched channels', () => {
  it('watches exactly the channels it was given; none turns answering without a mention off', () => {
    const r = responder({ watched: ['C1'] });
    expect([r.watches('C1'), r.watches('C2'), r.watches('')]).toEqual([true, false, false]);
    expect(r.watchesAnyChannel).toBe(true);
    const off = responder({ watched: [] });
    expect(off.watchesAnyChannel).toBe(false);
    expect(off.decide(message())).toEqual({ kind: 'skip', reason: 'not-watched' });
  });

  it('skips a message in a channel it does not watch as not-watched, before reading it, asking or spending any budget', () => {
    const { answerer, asked } = countingAnswerer();
    const r = responder({ user: 1, channel: 1, answerer, watched: ['C1'] });
    // A question the policy answers, a statement and a post: in an unwatched channel all three are simply not watched.
    expect(r.decide(message({ channelId: 'C9' }))).toEqual({ kind: 'skip', reason: 'not-watched' });
    expect(r.decide(message({ channelId: 'C9', text: 'I deleted the export.' }))).toEqual({ kind: 'skip', reason: 'not-watched' });
    expect(r.decide(message({ channelId: 'C9', text: 'Data retention for deleted accounts', isPost: true }))).toEqual({ kind: 'skip', reason: 'not-watched' });
    expect(asked).toEqual([]);
    // U1's single answer and C1's single answer are still there to spend.
    expect(r.decide(message({ userId: 'U1', channelId: 'C1' })).kind).toBe('answer');
    expect(asked).toEqual(['how long do you keep my data?']);
  });

  it('does not remember a message it skipped as not-watched', () => {
    const r = responder({ watched: ['C1'] });
    expect(r.decide(message({ messageId: 'moved', channelId: 'C9' }))).toEqual({ kind: 'skip', reason: 'not-watched' });
    expect(r.decide(message({ messageId: 'moved', channelId: 'C1' })).kind).toBe('answer');
  });
});

describe('AutoResponder.decide', () => {
  it('answers a question the policy answers, with the answerer’s passages', () => {
    const response = responder().decide(message());
    expect(response.kind).toBe('answer');
    if (response.kind === 'answer') expect(response.answer.passages[0]?.section).toEqual(['Data retention']);
  });

  it('skips statements, questions the policy does not cover, and empty text', () => {
    const r = responder();
    expect(r.decide(message({ text: 'I deleted the export from the shared drive.' }))).toEqual({ kind: 'skip', reason: 'not-a-question' });
    expect(r.decide(message({ text: '   ' }))).toEqual({ kind: 'skip', reason: 'not-a-question' });
    expect(r.decide(message({ text: 'what is the weather in Paris tomorrow?' }))).toEqual({ kind: 'skip', reason: 'declined' });
  });

  it('answers a post without a question form, but still only when the policy answers it', () => {
    const r = responder();
    expect(r.decide(message({ text: 'Data retention for deleted accounts', isPost: true })).kind).toBe('answer');
    expect(r.decide(message({ text: 'Data retention for deleted accounts' })).kind).toBe('skip');
    expect(r.decide(message({ text: 'Lost charger in meeting room 4', isPost: true }))).toEqual({ kind: 'skip', reason: 'declined' });
  });

  it('never decides on the same message id twice, whatever the first decision was', () => {
    const r = responder();
    expect(r.decide(message({ messageId: 'same' })).kind).toBe('answer');
    expect(r.decide(message({ messageId: 'same' }))).toEqual({ kind: 'skip', reason: 'repeat' });
    expect(r.decide(message({ messageId: 'declined', text: 'when is lunch?' })).kind).toBe('skip');
    expect(r.decide(message({ messageId: 'declined' }))).toEqual({ kind: 'skip', reason: 'repeat' });
  });

  it('applies the per-user limit before the per-channel one, and only to answers it would post', () => {
    let now = 1_000_000;
    const r = responder({ user: 2, channel: 3, now: () => now });
    for (let i = 0; i < 5; i += 1) expect(r.decide(message({ userId: 'U1', text: 'when is lunch?' })).kind).toBe('skip');
    expect(r.decide(message({ userId: 'U1' })).kind).toBe('answer');
    expect(r.decide(message({ userId: 'U1' })).kind).toBe('answer');
    // The third answer for U1 is refused by the user limit, without spending the channel's budget.
    expect(r.decide(message({ userId: 'U1' }))).toEqual({ kind: 'skip', reason: 'user-rate-limited' });
    expect(r.decide(message({ userId: 'U2' })).kind).toBe('answer');
    expect(r.decide(message({ userId: 'U3' }))).toEqual({ kind: 'skip', reason: 'channel-rate-limited' });
    expect(r.decide(message({ userId: 'U3', channelId: 'C2' })).kind).toBe('answer');
    now += 60_000;
    expect(r.decide(message({ userId: 'U1' })).kind).toBe('answer');
  });

  it('shares the per-user budget with the adapter’s other ways to ask', () => {
    const userLimiter = new RateLimiter({ limit: 1, windowMs: 60_000 });
    const r = new AutoResponder({ answerer: () => bundled, userLimiter, channelLimiter: new RateLimiter({ limit: 10, windowMs: 60_000 }), watchedChannels });
    expect(userLimiter.take('U1').allowed).toBe(true);
    expect(r.decide(message({ userId: 'U1' }))).toEqual({ kind: 'skip', reason: 'user-rate-limited' });
  });

  it('reads the answerer on every message (hot reload) and cuts long messages', () => {
    const asked: string[] = [];
    let current: Answerer = bundled;
    const r = new AutoResponder(
      { answerer: () => current, userLimiter: new RateLimiter({ limit: 10 }), channelLimiter: new RateLimiter({ limit: 10 }), watchedChannels },
      { maxQuestionChars: 20 },
    );
    r.decide(message());
    current = { documents: [], answer: (question) => (asked.push(question), { question, answered: false, passages: [] }) };
    expect(r.decide(message({ text: `how long   do you keep ${'x'.repeat(100)}?` }))).toEqual({ kind: 'skip', reason: 'declined' });
    expect(asked).toEqual(['how long do you keep']);
  });
});

describe('AutoResponder threads', () => {
  const thread = (threadId: string, channelId = 'C1') => ({ channelId, threadId });

  it('remembers the threads it answered in, forgetting the oldest beyond its capacity', () => {
    const r = new AutoResponder(
      { answerer: () => bundled, userLimiter: new RateLimiter(), channelLimiter: new RateLimiter(), watchedChannels },
      { rememberedThreads: 2 },
    );
    expect(r.answeredIn(thread('T1'))).toBe(false);
    r.rememberThread(thread('T1'));
    r.rememberThread(thread('T2'));
    expect(r.answeredIn(thread('T1'))).toBe(true);
    r.rememberThread(thread('T3'));
    // T1 was used more recently than T2, so T2 is forgotten.
    expect([r.answeredIn(thread('T1')), r.answeredIn(thread('T2')), r.answeredIn(thread('T3'))]).toEqual([true, false, true]);
  });

  it('remembers only threads of watched channels, each under its own parent channel', () => {
    const r = new AutoResponder(
      { answerer: () => bundled, userLimiter: new RateLimiter(), channelLimiter: new RateLimiter(), watchedChannels: ['C1'] },
      { rememberedThreads: 1 },
    );
    r.rememberThread(thread('T1', 'C1'));
    // An answer in an unwatched channel (after a mention) is not remembered, and does not push out a watched thread.
    r.rememberThread(thread('T9', 'C9'));
    expect(r.answeredIn(thread('T9', 'C9'))).toBe(false);
    expect(r.answeredIn(thread('T1', 'C1'))).toBe(true);
    // Slack thread timestamps are unique per channel only: the same ts elsewhere is another thread.
    expect(r.answeredIn(thread('T1', 'C9'))).toBe(false);
  });
});
