import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Answer } from '../types.js';
import { redactPersonalData } from './redact.js';
import { stringifyMasked } from './secrets.js';

/** Options for {@link UsageLog}. */
export interface UsageLogOptions {
  /**
   * JSON Lines file for question and feedback records. Unset (the default) means nothing is written anywhere:
   * the bot stores no message content unless an operator opts in.
   */
  path?: string;
}

/** A helpful / not helpful vote on one answer. */
export interface FeedbackVote {
  platform: string;
  helpful: boolean;
  /** Section path of the answer's first passage, or `[]` for a "not covered" answer. */
  section: string[];
}

/**
 * Records what people ask and how they rate answers, without storing message content by default.
 * Vote counts are kept in memory per section; with a `path`, redacted questions and votes are appended as JSON Lines,
 * answering "what do people ask that the policy doesn't cover?".
 *
 * @example
 * const log = new UsageLog({ path: 'var/questions.jsonl' });
 * log.recordQuestion('slack', answer);
 * log.recordFeedback({ platform: 'slack', helpful: true, section: ['Data retention'] });
 */
export class UsageLog {
  readonly path: string | undefined;
  private readonly votes = new Map<string, { helpful: number; notHelpful: number }>();

  constructor(options: UsageLogOptions = {}) {
    this.path = options.path;
    if (this.path) mkdirSync(dirname(this.path), { recursive: true });
  }

  /** Appends the redacted question and whether it was covered, if logging is enabled. */
  recordQuestion(platform: string, answer: Answer): void {
    this.write({
      type: 'question',
      platform,
      question: redactPersonalData(answer.question),
      answered: answer.answered,
      section: answer.passages[0]?.section ?? [],
    });
  }

  /** Counts a vote in memory and appends it (without content) if logging is enabled. */
  recordFeedback(vote: FeedbackVote): void {
    const key = vote.section.join(' > ');
    const counts = this.votes.get(key) ?? { helpful: 0, notHelpful: 0 };
    if (vote.helpful) counts.helpful += 1;
    else counts.notHelpful += 1;
    this.votes.set(key, counts);
    this.write({ type: 'feedback', platform: vote.platform, helpful: vote.helpful, section: vote.section });
  }

  /** Vote counts per section path (`"A > B"`). */
  feedbackCounts(): ReadonlyMap<string, { helpful: number; notHelpful: number }> {
    return this.votes;
  }

  private write(record: Record<string, unknown>): void {
    if (!this.path) return;
    // The question is already redacted; its strings are masked again like every other sink's output.
    appendFileSync(this.path, stringifyMasked({ time: new Date().toISOString(), ...record }) + '\n');
  }
}
