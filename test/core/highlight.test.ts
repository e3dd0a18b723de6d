import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createAnswerer, type PolicyAnswerer } from '../../src/answerer.js';
import { buildAnswerIndex } from '../../src/answer/answer-index.js';
import { SentenceHighlighter, type HighlightOptions } from '../../src/answer/highlight.js';
import { answerKindsOf, askedKind, askingClause, compileAnswerKinds, defaultAnswerKinds, endsUnfinished, pointsElsewhere, validateAnswerKinds } from '../../src/answer/highlight-cues.js';
import table from '../../src/answer/highlight-cues.json' with { type: 'json' };
import { mergeAnswererOptions } from '../../src/answer/options.js';
import { loadDocument } from '../../src/corpus/load.js';
import { splitSentences } from '../../src/search/passages.js';
import { analyzeQuery } from '../../src/query/analyze.js';
import { stem } from '../../src/search/stem.js';
import { tokenize } from '../../src/search/tokenize.js';
import type { Answer, PolicyDocument } from '../../src/types.js';
import { discoverPolicySets, mergeSets } from '../../scripts/eval-sets.js';
import { loadBundled } from './helpers.js';

// A policy written for these tests: in each section the answering sentence is neither the first nor the longest.
const acme: PolicyDocument = {
  id: 'acme-privacy',
  title: 'Acme Privacy Policy',
  url: 'https://acme.example/privacy',
  sections: [
    {
      id: 'data-retention',
      path: ['Data retention'],
      text:
        'We care about your privacy and handle the records of every customer, supplier and visitor responsibly, in line with our internal retention schedule. ' +
        'Server logs are deleted after 30 days. Backups may contain copies of your account.',
    },
    {
      id: 'sharing',
      path: ['Sharing'],
      text:
        'This section explains how information moves between Acme and other organizations, including the vendors, partners and affiliates that help us run a complex global service. ' +
        'We never sell your personal data. We share data with payment processors that charge your card.',
    },
    {
      id: 'your-choices',
      path: ['Your choices'],
      text: 'Marketing emails are sent monthly and describe new features of the service in some detail. You can opt out of marketing emails at any time in your account settings.',
    },
    {
      id: 'what-we-collect',
      path: ['What we collect'],
      text: 'We collect the following information about people who use the service:\n\nYour name and email address.\n\nThe pages you visit on our site.\n\nPayment details when you buy a plan.',
    },
    {
      id: 'appeals',
      path: ['Appeals'],
      text: 'Residents of Texas, Virginia and Colorado have additional privacy rights under the law of their state. You may appeal a refused request by replying to our email.',
    },
    {
      id: 'support',
      path: ['Support'],
      text: 'Support tickets reach our support team in your time zone. Support tickets are removed 24 months after they close.',
    },
    {
      id: 'contact-us',
      path: ['Contact us'],
      text: 'Questions about this policy go to the privacy team. Write to privacy@acme.example with your request.',
    },
  ],
};

let answerer: PolicyAnswerer;

beforeAll(() => {
  answerer = createAnswerer([acme]);
});

/** The first highlighted sentence of the top passage, as text. */
function firstHighlight(answer: Answer): string | undefined {
  const top = answer.passages[0];
  const first = top?.highlights[0];
  return top && first ? top.text.slice(first.start, first.end) : undefined;
}

/** The first highlighted sentence of `text`, a section of a small made-up policy; '' when none. */
function bestSentence(question: string, text: string, heading = 'Asked', options: Partial<HighlightOptions> = {}): string {
  const policy: PolicyDocument = {
    id: 'made-up',
    title: 'Made-up policy',
    sections: [
      { id: 'asked', path: [heading], text },
      { id: 'cookies', path: ['Cookies'], text: 'Cookies remember your language. Analytics cookies count visits.' },
    ],
  };
  const index = buildAnswerIndex([policy], mergeAnswererOptions());
  const highlighter = new SentenceHighlighter(index.bm25.terms, index.passages.length, options);
  const [best] = highlighter.highlight(question, analyzeQuery(question, index.queryContext), { text, section: [heading] });
  return best === undefined ? '' : text.slice(best.start, best.end);
}

describe('sentence highlights', () => {
  it.each([
    ['how long do you keep server logs?', 'Server logs are deleted after 30 days.'],
    ['do you sell my data?', 'We never sell your personal data.'],
    ['who do you share my data with?', 'We share data with payment processors that charge your card.'],
    ['can I stop getting marketing emails?', 'You can opt out of marketing emails at any time in your account settings.'],
    ['where do I send a privacy request?', 'Write to privacy@acme.example with your request.'],
    ['do you collect the pages I visit?', 'The pages you visit on our site.'],
    ['A customer in Texas whose request was refused has rights under state law. Can they appeal?', 'You may appeal a refused request by replying to our email.'],
  ])('"%s" highlights the sentence that answers it', (question, sentence) => {
    const answer = answerer.answer(question);
    expect(answer.answered).toBe(true);
    expect(firstHighlight(answer)).toBe(sentence);
    // Not the first sentence by default, nor the longest.
    const top = answer.passages[0]!;
    const sentences = splitSentences(top.text).map((s) => top.text.slice(s.start, s.end));
    expect(sentence).not.toBe(sentences[0]);
    expect(sentence.length).toBeLessThan(Math.max(...sentences.map((s) => s.length)));
  });

  it('discounts the context around the clause that asks', () => {
    const question = 'Residents of Colorado and Texas have rights under their state law. Can they appeal?';
    const flat = createAnswerer([acme], { highlight: { contextWeight: 1 } });
    // Read as one bag of words, the question's context (Texas, rights, state, law) wins.
    expect(firstHighlight(flat.answer(question))).toMatch(/^Residents of Texas/);
    expect(firstHighlight(answerer.answer(question))).toMatch(/^You may appeal/);
  });

  it('prefers the sentence that gives the kind of answer asked for', () => {
    const index = buildAnswerIndex([acme], mergeAnswererOptions());
    const text = acme.sections.find((section) => section.id === 'support')!.text;
    const first = (question: string, options = {}): string => {
      const highlighter = new SentenceHighlighter(index.bm25.terms, index.passages.length, options);
      const [best] = highlighter.highlight(question, analyzeQuery(question, index.queryContext), { text });
      return best === undefined ? '' : text.slice(best.start, best.end);
    };
    expect(first('how long do you keep support tickets?')).toBe('Support tickets are removed 24 months after they close.');
    // Both sentences name support tickets: without the duration cue neither is better, so nothing is highlighted.
    expect(first('how long do you keep support tickets?', { kindBonus: 0, strongKindBonus: 0 })).toBe('');
  });

  it.each([
    [
      // The first sentence repeats more of the question; the second one answers it.
      'can I opt out of billing emails and security alerts?',
      'We send billing emails and security alerts to the address on your account. You may not opt out of these messages.',
      'You may not opt out of these messages.',
    ],
    [
      'what does location data mean?',
      'We use location data to show nearby stores and to prevent fraud on your account. Location data is any information about where your device is.',
      'Location data is any information about where your device is.',
    ],
    [
      'where did you get my mailing address from?',
      'The mailing address we receive and keep depends on the products you order from us. Event partners may also give us contact details for people who are not yet customers.',
      'Event partners may also give us contact details for people who are not yet customers.',
    ],
    [
      // "so that" states the purpose; weak purpose wording ("to provide") does not tell the two apart.
      'why do you need my date of birth?',
      'If you sign up for a paid plan, you will be asked to provide your date of birth. We keep your date of birth so that we can confirm you are an adult.',
      'We keep your date of birth so that we can confirm you are an adult.',
    ],
    [
      'which article do we rely on for the newsletter?',
      'Members get the newsletter by email every month. The lawful basis for sending the newsletter is the membership agreement.',
      'The lawful basis for sending the newsletter is the membership agreement.',
    ],
    [
      'will I be told if my account is broken into?',
      'Accounts are rarely broken into, and our security team watches for break-ins around the clock. If an account is broken into, we notify its owner within a day.',
      'If an account is broken into, we notify its owner within a day.',
    ],
    [
      // A stated period says how long; "as long as…" names a condition.
      'if I close my account how long before my photos are gone?',
      'We keep your photos as long as your account stays open. Once an account is closed, its photos are erased within 30 days.',
      'Once an account is closed, its photos are erased within 30 days.',
    ],
    [
      // The first sentence repeats the question's words; the second gives a telephone number.
      'is there a phone number for privacy questions?',
      'Privacy questions are answered by the privacy team, which reviews every privacy question within a week. The team is on +1 (555) 010-4477 on weekdays.',
      'The team is on +1 (555) 010-4477 on weekdays.',
    ],
  ])('"%s" highlights the sentence giving the kind of answer asked for', (question, text, sentence) => {
    expect(bestSentence(question, text)).toBe(sentence);
  });

  it.each([
    [
      // "personal info" → "personal data", a multi-word term of the index; word by word only "personal" matches.
      'how long do you keep my personal info?',
      'We retain your information as needed to run the service. We retain your personal data as needed for the purposes for which it was collected.',
      'We retain your personal data as needed for the purposes for which it was collected.',
    ],
    ['do you give my data to third parties?', 'We give your data to our staff only. Third parties never see it.', 'Third parties never see it.'],
  ])('"%s" matches the multi-word terms that the paraphrases point at', (question, text, sentence) => {
    expect(bestSentence(question, text)).toBe(sentence);
  });

  it('counts a name written as code whole: the cookie table row that names it, not one sharing its words', () => {
    const question = 'how long does the session_id cookie last?';
    const text =
      'Analytics — _ga_session_id — This cookie counts visits to our pages — 13 months\n' +
      'Acme — session_id — This cookie keeps you signed in — Session\n' +
      'Acme — lang — This cookie remembers your language — One year';
    expect(bestSentence(question, text)).toBe('Acme — session_id — This cookie keeps you signed in — Session');
    // Word by word, "session" and "id" are in the first row too, and "13 months" states a duration.
    expect(bestSentence(question, text, 'Asked', { identifierBonus: 0 })).toMatch(/^Analytics/);
  });

  it('reads a sentence that ends unfinished ("…when you.") as introducing a list, like one ending with a colon', () => {
    const items = '\n\nVisit our website.\n\nAttend an event we host.\n\nBuy a plan.';
    for (const introducer of ['We may collect your personal data when you.', 'We may collect your personal data when you:']) {
      expect(bestSentence('do you collect my data if I attend an event?', introducer + items)).toBe('Attend an event we host.');
    }
    const kinds = defaultAnswerKinds();
    expect(endsUnfinished(kinds, tokenize('You have additional rights that include the right to.'))).toBe(true);
    expect(endsUnfinished(kinds, tokenize('You will be redirected to.'))).toBe(false);
  });

  it('gives a table row the answer of its cell cut off by the sentence splitter ("…signed in." then "— Two weeks")', () => {
    const question = 'how long does the cookie that keeps me signed in last?';
    const text = 'Acme — sid — This cookie keeps you signed in.\n— Two weeks\nAcme — pref — This cookie keeps your display preferences — 13 months';
    expect(bestSentence(question, text)).toBe('Acme — sid — This cookie keeps you signed in.');
  });

  it('counts an acronym that reads as a stop word ("the US") where a sentence spells it in capitals', () => {
    const question = 'does any of my data end up in the US?';
    const text = 'Some data may be transferred to a country outside the EU. This may result in data being transferred to the US.';
    expect(bestSentence(question, text)).toBe('This may result in data being transferred to the US.');
    // Word by word the two sentences say the same ("us" is a stop word): neither answers better (the second also goes
    // on from the first, which counts apart).
    expect(bestSentence(question, text, 'Asked', { acronymBonus: 0, continuationWeight: 0 })).toBe('');
  });

  it('counts less a sentence that only points elsewhere, unless it gives an address', () => {
    const question = 'do you honour the Global Privacy Control signal?';
    const text = 'To learn more, visit Global Privacy Control. If we detect the GPC signal from your browser, we will not share your data.';
    expect(bestSentence(question, text)).toBe('If we detect the GPC signal from your browser, we will not share your data.');
    expect(bestSentence(question, text, 'Asked', { pointerFactor: 1 })).toMatch(/^To learn more/);
    const kinds = defaultAnswerKinds();
    const points = (sentence: string): boolean => pointsElsewhere(kinds, sentence, tokenize(sentence));
    expect(points('For more information, please see our Cookie Policy.')).toBe(true);
    expect(points('For more information, write to privacy@acme.example.')).toBe(false);
    expect(points('We share more information with partners.')).toBe(false);
  });

  it('counts less the context that the heading already names: every sentence under it is about that', () => {
    const question = 'A partner asked us to share customer data with them. Is purchase history ever shared?';
    const heading = 'Sharing with partners';
    const text = 'We work with partners who help us run the shop, and we share some customer data with these partners. Purchase history stays inside the company.';
    expect(bestSentence(question, text, heading)).toBe('Purchase history stays inside the company.');
    // Counted in full, the context ("share", "partners", "customer data") makes the first sentence look like the answer.
    expect(bestSentence(question, text, heading, { headingFactor: 1 })).toMatch(/^We work with partners/);
  });

  it('reads "can I…" as asking for a right and whether one cannot', () => {
    const kinds = defaultAnswerKinds();
    const asked = askingClause(kinds, 'can I opt out of billing emails?');
    expect(asked.bits).toBe((1 << kinds.names.indexOf('right')) | (1 << kinds.names.indexOf('cannot')));
  });

  it('returns one to three ranges on sentence boundaries, best first, never every sentence', () => {
    for (const question of ['how long do you keep server logs?', 'do you sell my data?', 'what do you collect?', 'can i opt out of emails']) {
      for (const passage of answerer.answer(question).passages) {
        const spans = splitSentences(passage.text);
        expect(passage.highlights.length).toBeLessThanOrEqual(3);
        if (spans.length > 1) expect(passage.highlights.length).toBeLessThan(spans.length);
        for (const h of passage.highlights) expect(spans).toContainEqual(h);
        expect(new Set(passage.highlights.map((h) => h.start)).size).toBe(passage.highlights.length);
      }
    }
  });

  it('scores a passage once per question: the highlight reuses the scores that reranked it, and a new question scores again', () => {
    const index = buildAnswerIndex([acme], mergeAnswererOptions());
    const question = 'how long do you keep server logs?';
    const passage = index.passages.find((p) => p.text.includes('Server logs are deleted'))!;
    const fresh = new SentenceHighlighter(index.bm25.terms, index.passages.length);
    const expected = fresh.highlight(question, analyzeQuery(question, index.queryContext), passage);
    expect(expected.length).toBeGreaterThan(0);
    const highlighter = new SentenceHighlighter(index.bm25.terms, index.passages.length);
    // The scoring pass is private; counting its calls is the only way to see that the second pass was skipped.
    const scoring = vi.spyOn(SentenceHighlighter.prototype as unknown as { score: () => Float64Array }, 'score');
    try {
      const query = analyzeQuery(question, index.queryContext);
      expect(highlighter.bestSentenceScore(question, query, passage)).toBeGreaterThan(0);
      expect(highlighter.highlight(question, query, passage)).toEqual(expected);
      expect(scoring).toHaveBeenCalledTimes(1);
      const other = 'do you sell my data?';
      highlighter.highlight(other, analyzeQuery(other, index.queryContext), passage);
      expect(scoring).toHaveBeenCalledTimes(2);
      // Back to the first question (a new analysis of it): scored again, with the same result.
      expect(highlighter.highlight(question, analyzeQuery(question, index.queryContext), passage)).toEqual(expected);
      expect(scoring).toHaveBeenCalledTimes(3);
    } finally {
      scoring.mockRestore();
    }
  });

  it('gives a sentence going on from the one before ("This includes…") a share of its score, not one naming the document', () => {
    const question = 'Do we get any info about the datasets customers run through the SaaS, e.g. dataset size or how accurate their models are?';
    const first = (options: Partial<HighlightOptions> = {}) => firstHighlight(createAnswerer(loadBundled(), { highlight: options }).answer(question));
    expect(first()).toMatch(/^This includes data points such as dataset summary statistics, dataset size/);
    expect(first({ continuationWeight: 0 })).toMatch(/^When you use the SaaS version of the solution/);
    const kinds = defaultAnswerKinds();
    expect([...kinds.continuations]).toEqual(expect.arrayContaining(['this', 'these']));
    // "This Policy" names the document: it goes on from nothing.
    const signUp = 'what personal information do I have to give to sign up?';
    const policyText = 'When you sign up, we require certain minimum personal information from you. This Policy explains what personal information we require.';
    expect(bestSentence(signUp, policyText, 'Signing up')).toBe(bestSentence(signUp, policyText, 'Signing up', { continuationWeight: 0 }));
  });

  it('leaves highlights empty when no sentence answers better than the others', () => {
    const index = buildAnswerIndex([acme], mergeAnswererOptions());
    const highlighter = new SentenceHighlighter(index.bm25.terms, index.passages.length);
    const query = analyzeQuery('server logs', index.queryContext);
    expect(highlighter.highlight('server logs', query, { text: 'Server logs are kept. Server logs are kept.' })).toEqual([]);
    expect(highlighter.highlight('server logs', query, { text: 'Payment details are kept. Backups are made.' })).toEqual([]);
    expect(highlighter.highlight('server logs', query, { text: '' })).toEqual([]);
  });

  it('does not highlight the contact section quoted for an uncovered question, nor anything when switched off', () => {
    const declined = answerer.answer('when is the next company picnic?');
    expect(declined.answered).toBe(false);
    expect(declined.contact?.highlights).toEqual([]);
    const off = createAnswerer([acme], { features: { highlights: false } });
    expect(off.answer('do you sell my data?').passages[0]?.highlights).toEqual([]);
  });

  it('keeps every highlight of the bundled and open policies on the sentences of its passage (dev questions)', () => {
    let checked = 0;
    const policies = discoverPolicySets().filter((p) => !p.file.endsWith('.rst'));
    for (const policy of policies) {
      const document = policy.policy === 'datarobot-privacy-policy' ? loadBundled()[0]! : loadDocument(policy.file);
      const policyAnswerer = createAnswerer([document]);
      for (const item of mergeSets(policy.sets.dev).onTopic.slice(0, 60)) {
        for (const passage of policyAnswerer.answer(item.q).passages) {
          const spans = splitSentences(passage.text);
          expect(passage.highlights.length).toBeLessThanOrEqual(3);
          for (const h of passage.highlights) expect(spans, item.q).toContainEqual(h);
          checked += passage.highlights.length;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});

describe('answer-kind table (highlight-cues.json)', () => {
  const kinds = defaultAnswerKinds();
  const named = (question: string): string | undefined => kinds.names[askedKind(kinds, question)];

  it('is well formed: known special words, no empty or repeated phrase, general wording only', () => {
    const rows = validateAnswerKinds((table as { kinds: unknown }).kinds);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      for (const list of [row.asks, row.answers, row.strongAnswers ?? []]) {
        expect(new Set(list).size, `${row.kind}: a phrase is listed twice`).toBe(list.length);
        for (const phrase of list) expect(phrase, row.kind).toBe(phrase.trim().toLowerCase());
      }
    }
    // Company names belong beside their policy, not in general tables.
    expect(JSON.stringify(table).toLowerCase()).not.toMatch(/datarobot|acme|basecamp|github|mozilla|whereby/);
    expect((table as { about?: unknown }).about).toEqual(expect.any(String));
  });

  it('rejects a malformed table with a message naming the module', () => {
    expect(() => validateAnswerKinds([])).toThrow(/^highlight: /);
    expect(() => validateAnswerKinds([{ kind: 'x', asks: ['who'] }])).toThrow(/needs a non-empty list "answers"/);
    expect(() => validateAnswerKinds([{ kind: 'x', asks: ['who'], answers: ['#fax'] }])).toThrow(/unknown special word/);
    expect(() => validateAnswerKinds([{ kind: 'x', asks: ['#number'], answers: ['a'] }])).toThrow(/unknown special word/);
    expect(() => validateAnswerKinds([{ kind: 'x', asks: ['who'], answers: ['write to #email'] }])).toThrow(/stands alone/);
    expect(() => validateAnswerKinds([{ kind: 'x', asks: ['who'], answers: ['a'] }, { kind: 'x', asks: ['why'], answers: ['b'] }])).toThrow(/twice/);
  });

  it.each([
    ['how long do you keep my data?', 'duration'],
    ['ok so who do you share my data with?', 'party'],
    ['hey, can I opt out of the newsletter', 'right'],
    ['do you sell my data', 'whether'],
    ['where do i send a privacy request?', 'contact'],
    ['what legal basis do you rely on?', 'basis'],
    ['which GDPR article does the app rely on?', 'basis'],
    ['will you tell me if you change the policy?', 'notice'],
    ['would users be told about a breach?', 'notice'],
    ['when do you delete my account?', 'time'],
    ['what data do you collect', 'list'],
    ["what's the difference between a cookie and a pixel?", 'definition'],
    ['how did you get my phone number?', 'source'],
    ['what is the weather like', undefined],
  ])('reads "%s" as asking for a %s', (question, kind) => {
    expect(named(question)).toBe(kind);
  });

  it('takes the kind and the focus from the clause that asks', () => {
    const asked = askingClause(kinds, 'when my browser checks a certificate, do you log my IP?');
    expect(kinds.names[asked.kind]).toBe('whether');
    expect(asked.focus).toEqual(['do', 'you', 'log', 'my', 'ip']);
    // A clause that only asks "is…" gives way to an earlier, more specific one.
    const earlier = askingClause(kinds, 'Legal asks what legal mechanism covers transfers to the US. Is that right?');
    expect(kinds.names[earlier.kind]).toBe('basis');
    expect(askingClause(kinds, 'hey <@U123> will you tell us before the policy changes?').focus).toContain('tell');
    expect(askingClause(kinds, 'cookies').focus).toBeNull();
  });

  it('recognizes the wording of each kind of answer in a sentence, strongly for stated values', () => {
    const kindsOf = (text: string) => answerKindsOf(kinds, text, tokenize(text).map(stem));
    const bit = (name: string) => 1 << kinds.names.indexOf(name);
    expect(kindsOf('Server logs are deleted after 30 days.').strong & bit('duration')).not.toBe(0);
    expect(kindsOf('We keep logs as needed.').strong & bit('duration')).toBe(0);
    expect(kindsOf('Write to privacy@acme.example.').strong & bit('contact')).not.toBe(0);
    expect(kindsOf('We never sell your data.').kinds & bit('whether')).not.toBe(0);
    expect(kindsOf('We collect the following:').kinds & bit('list')).not.toBe(0);
    expect(kindsOf('Our 37signals office is nice.').kinds & bit('duration')).toBe(0);
    // Number words state a period inside a phrase ("two weeks"), not alone.
    expect(kindsOf('— Two weeks').strong & bit('duration')).not.toBe(0);
    expect(kindsOf('We have two offices.').kinds & bit('duration')).toBe(0);
    // A named place states where; "other countries" only talks about places.
    expect(kindsOf('Account data is hosted in Ireland.').strong & bit('place')).not.toBe(0);
    expect(kindsOf('We may transfer data to other countries.').strong & bit('place')).toBe(0);
    expect(kindsOf('We may transfer data to other countries.').kinds & bit('place')).not.toBe(0);
  });

  it('compiles another table', () => {
    const custom = compileAnswerKinds([{ kind: 'price', asks: ['how much'], answers: ['#number dollars'] }], ['so'], ['not']);
    expect(custom.names).toEqual(['price']);
    expect(askedKind(custom, 'so how much is it')).toBe(0);
    expect(answerKindsOf(custom, 'It costs 5 dollars.', tokenize('It costs 5 dollars.').map(stem)).kinds).toBe(1);
  });
});
