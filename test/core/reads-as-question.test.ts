import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUESTIONS } from '../../src/example-questions.js';
import * as questionWords from '../../src/question-words.js';
import { readsAsQuestion } from '../../src/reads-as-question.js';

describe('readsAsQuestion', () => {
  it.each([
    ['a question mark anywhere', 'retention period for server logs?'],
    ['a full-width question mark', 'cookies？'],
    ['a question word at the start', 'how long do we keep candidate CVs'],
    ['a contracted question word', "what's the retention period for logs"],
    ['an auxiliary with a subject ("can I")', 'can I paste customer emails into the tool'],
    ['an auxiliary with a subject ("do you")', 'do you sell my data'],
    ['a negated auxiliary with a subject', "don't we have to delete it after 30 days"],
    ['"is" without a subject', 'is it ok to export the user list'],
    ['a question phrase', 'anyone know if we keep chat logs'],
    ['a greeting before the question', 'hey team, can I share the customer list with a vendor'],
    ['greetings and addressees before the question', 'Hi all! Sorry, are we allowed to record calls'],
    ['a mention before the question', '@jane.doe @here does the policy cover contractors'],
    ['a question word before a code span', 'is `user_id` personal data'],
  ])('true for %s', (_why, text) => {
    expect(readsAsQuestion(text)).toBe(true);
  });

  it.each([
    ['a statement', 'I deleted the export from the shared drive.'],
    ['an instruction starting with an auxiliary', 'Do not paste customer emails into the tool.'],
    ['an auxiliary without a subject', 'Will do, thanks'],
    ['an auxiliary before an article', 'Have a great weekend everyone'],
    ['an addressee at the very start (not after a greeting)', 'All are welcome at the privacy training'],
    ['"there" at the start of a statement', 'There is a new version of the policy'],
    ['a question mark only inside a link', 'the form is at https://example.com/form?lang=en'],
    ['a question mark only inside code', 'use `a ? b : c` in the script'],
    ['a question mark only inside a code block', 'the fix:\n```\nconst x = y ? 1 : 2;\n```'],
    ['punctuation only', '???'],
    ['an emoji code only', ':question:'],
    ['thanks', 'thanks!'],
    ['empty text', '   '],
  ])('false for %s', (_why, text) => {
    expect(readsAsQuestion(text)).toBe(false);
  });

  it('reads every example question as a question', () => {
    for (const question of EXAMPLE_QUESTIONS) expect(readsAsQuestion(question), question).toBe(true);
    for (const question of EXAMPLE_QUESTIONS) expect(readsAsQuestion(question.replace(/\?$/, '')), question).toBe(true);
  });
});

describe('question word lists (src/question-words.ts)', () => {
  const lists = Object.entries(questionWords) as [string, readonly string[]][];

  it.each(lists)('%s is lower case, without apostrophes, trimmed, single-spaced and without duplicates', (_name, list) => {
    expect(list.length).toBeGreaterThan(0);
    for (const entry of list) expect(entry, JSON.stringify(entry)).toMatch(/^[a-z]+(?: [a-z]+)*$/);
    expect(new Set(list).size).toBe(list.length);
  });

  it('has single words everywhere except in the phrase list, and no word in two lists that would contradict each other', () => {
    for (const [name, list] of lists) if (name !== 'QUESTION_PHRASES') for (const entry of list) expect(entry, `${name}: ${entry}`).not.toContain(' ');
    const openers = new Set(questionWords.QUESTION_OPENERS);
    for (const word of [...questionWords.AUXILIARIES_BEFORE_SUBJECT, ...questionWords.LEADING_GREETINGS, ...questionWords.ADDRESSEES]) {
      expect(openers.has(word), word).toBe(false);
    }
  });
});

describe('example questions (src/example-questions.ts)', () => {
  it('are distinct questions that fit a Discord choice (100 characters) and name no company', () => {
    expect(new Set(EXAMPLE_QUESTIONS.map((q) => q.toLowerCase())).size).toBe(EXAMPLE_QUESTIONS.length);
    for (const question of EXAMPLE_QUESTIONS) {
      expect(question).toMatch(/^[A-Z][^?]*\?$/);
      expect(question.length).toBeLessThanOrEqual(100);
      expect(question).not.toMatch(/datarobot/i);
    }
  });
});
