import { describe, expect, it } from 'vitest';
import { BoundedLru } from '../../src/lru.js';
import { createSlackService } from '../../adapters/slack/service.js';
import type { AdapterDeps } from '../../adapters/deps.js';
import { silentLogger } from '../../src/logger.js';
import { UsageLog } from '../../src/privacy/usage-log.js';
import type { Answer, Answerer } from '../../src/types.js';

/** Records the questions it is asked and returns a fixed "not covered" answer: a data stub, not an answerer. */
function recordingAnswerer(asked: string[]): Answerer {
  return {
    documents: [],
    answer(question): Answer {
      asked.push(question);
      return { question, answered: false, passages: [] };
    },
  };
}

function deps(answerer: Answerer, rateLimit = { limit: 2, windowMs: 10_000 }): AdapterDeps {
  return { answerer, usageLog: new UsageLog(), rateLimit, logger: silentLogger };
}

describe('SlackService.ask', () => {
  it('returns help for an empty question without counting it against the rate limit', () => {
    const service = createSlackService(deps(recordingAnswerer([]), { limit: 1, windowMs: 10_000 }));
    expect(service.ask('U1', '   ', 'command')).toEqual({ kind: 'help' });
    expect(service.ask('U1', 'q', 'command').kind).toBe('answer');
  });

  it('limits each user separately and says when to retry', () => {
    let now = 1_000_000;
    const service = createSlackService(deps(recordingAnswerer([])), { now: () => now });
    expect(service.ask('U1', 'a', 'command').kind).toBe('answer');
    expect(service.ask('U1', 'b', 'mention').kind).toBe('answer');
    expect(service.ask('U1', 'c', 'direct_message')).toEqual({ kind: 'rate-limited', retryAfterSeconds: 5 });
    expect(service.ask('U2', 'd', 'command').kind).toBe('answer');
    now += 10_000;
    expect(service.ask('U1', 'e', 'command').kind).toBe('answer');
  });

  it('bounds the question length and reads deps.answerer on every call (hot reload)', () => {
    const first: string[] = [];
    const second: string[] = [];
    const d = deps(recordingAnswerer(first), { limit: 100, windowMs: 1000 });
    const service = createSlackService(d, { maxQuestionChars: 10 });
    service.ask('U1', 'x'.repeat(50), 'command');
    d.answerer = recordingAnswerer(second);
    service.ask('U1', 'hello', 'command');
    expect(first).toEqual(['x'.repeat(10)]);
    expect(second).toEqual(['hello']);
  });
});

describe('SlackService.answerForShare', () => {
  it('returns the cached answer, re-answers from the question after eviction, and rejects junk', () => {
    const asked: string[] = [];
    const service = createSlackService(deps(recordingAnswerer(asked), { limit: 100, windowMs: 1000 }), { shareCacheSize: 1 });
    const first = service.ask('U1', 'first <!channel> question', 'command');
    if (first.kind !== 'answer') throw new Error('expected an answer');
    expect(service.answerForShare(first.shareValue)?.answer).toBe(first.answer);
    expect(first.shareValue).not.toContain('<!channel>');

    service.ask('U1', 'second', 'command'); // evicts the first answer
    const reanswered = service.answerForShare(first.shareValue)?.answer;
    expect(reanswered?.question).toBe('first <!channel> question');
    expect(asked).toEqual(['first <!channel> question', 'second', 'first <!channel> question']);

    expect(service.answerForShare(undefined)).toBeUndefined();
    expect(service.answerForShare('not json')).toBeUndefined();
    expect(service.answerForShare('{"q":"no id"}')).toBeUndefined();
  });

  it('gives the thread a shortcut answer is shared into, and none for a /privacy answer', () => {
    const service = createSlackService(deps(recordingAnswerer([]), { limit: 100, windowMs: 1000 }));
    const fromMessage = service.ask('U1', 'do you sell my data?', 'shortcut', { threadTs: '1700000000.000100' });
    const fromCommand = service.ask('U1', 'do you sell my data?', 'command');
    if (fromMessage.kind !== 'answer' || fromCommand.kind !== 'answer') throw new Error('expected answers');
    expect(service.answerForShare(fromMessage.shareValue)).toEqual({ answer: fromMessage.answer, threadTs: '1700000000.000100' });
    expect(service.answerForShare(fromCommand.shareValue)).toEqual({ answer: fromCommand.answer });
  });

  it('keeps the share button value within 2,000 characters for a huge question', () => {
    const service = createSlackService(deps(recordingAnswerer([]), { limit: 100, windowMs: 1000 }), { maxQuestionChars: 10_000 });
    const outcome = service.ask('U1', 'ü'.repeat(5000), 'command');
    if (outcome.kind !== 'answer') throw new Error('expected an answer');
    expect(outcome.shareValue.length).toBeLessThanOrEqual(2000);
  });
});

describe('SlackService.answerUnaddressed', () => {
  it('reports a question in a channel that is not watched as not-watched, without asking the answerer', () => {
    const asked: string[] = [];
    const service = createSlackService(deps(recordingAnswerer(asked)), { autoAnswerChannels: ['C0PRIVACY1'] });
    const question = { channel: 'C0RANDOM01', ts: '1700000000.000100', user: 'U1', question: 'how long do you keep my data?' };
    expect(service.answerUnaddressed(question, 'channel')).toEqual({ kind: 'skip', reason: 'not-watched' });
    expect(asked).toEqual([]);
    expect(service.answerUnaddressed({ ...question, channel: 'C0PRIVACY1' }, 'channel')).toEqual({ kind: 'skip', reason: 'declined' });
    expect(asked).toEqual(['how long do you keep my data?']);
  });
});

describe('SlackService.isRepeatDelivery', () => {
  it('drops a second delivery of the same event id and a timed-out retry, but answers other retries once', () => {
    const service = createSlackService(deps(recordingAnswerer([])));
    expect(service.isRepeatDelivery({ eventId: 'Ev1', retryNum: undefined, retryReason: undefined })).toBe(false);
    expect(service.isRepeatDelivery({ eventId: 'Ev1', retryNum: 1, retryReason: 'http_timeout' })).toBe(true);
    expect(service.isRepeatDelivery({ eventId: 'Ev2', retryNum: 1, retryReason: 'http_timeout' })).toBe(true);
    expect(service.isRepeatDelivery({ eventId: 'Ev3', retryNum: 1, retryReason: 'connection_failed' })).toBe(false);
    expect(service.isRepeatDelivery({ eventId: 'Ev3', retryNum: 2, retryReason: 'connection_failed' })).toBe(true);
  });

  it('remembers a bounded number of event ids', () => {
    const service = createSlackService(deps(recordingAnswerer([])), { seenEventIds: 2 });
    for (const id of ['A', 'B', 'C']) service.isRepeatDelivery({ eventId: id, retryNum: undefined, retryReason: undefined });
    expect(service.isRepeatDelivery({ eventId: 'A', retryNum: undefined, retryReason: undefined })).toBe(false);
  });
});

describe('SlackService.recordVote', () => {
  it('counts one vote per person and message', () => {
    const d = deps(recordingAnswerer([]));
    const service = createSlackService(d);
    expect(service.recordVote({ messageKey: 'm1', userId: 'U1', helpful: true, section: ['Data retention'] })).toBe(true);
    expect(service.recordVote({ messageKey: 'm1', userId: 'U1', helpful: false, section: ['Data retention'] })).toBe(false);
    expect(service.recordVote({ messageKey: 'm1', userId: 'U2', helpful: false, section: ['Data retention'] })).toBe(true);
    expect(d.usageLog.feedbackCounts().get('Data retention')).toEqual({ helpful: 1, notHelpful: 1 });
  });
});

describe('BoundedLru', () => {
  it('evicts the least recently used entry', () => {
    const lru = new BoundedLru<string, number>(2);
    lru.set('a', 1).set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect([lru.has('a'), lru.has('b'), lru.has('c')]).toEqual([true, false, true]);
    expect(lru.size).toBe(2);
  });

  it('rejects a non-positive capacity with a clear error', () => {
    expect(() => new BoundedLru(0)).toThrow(/^lru: capacity/);
  });
});
