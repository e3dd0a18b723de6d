import { describe, expect, it } from 'vitest';
import { buildBm25Index, scoreTerms } from '../../src/search/bm25.js';
import { isEnglishWord, primaryWordClass, WordClass } from '../../src/search/english.js';
import { editDistance, HeadingMatcher, VocabularyCorrector } from '../../src/search/fuzzy.js';
import { phraseFinder } from '../../src/search/phrases.js';
import { analyzeQuery } from '../../src/query/analyze.js';
import { askedName, statesName } from '../../src/query/asked-name.js';
import { asksDefinition, definedTerms } from '../../src/query/definition.js';
import { askedNumber, statesNumber } from '../../src/query/asked-number.js';
import { statesAgeLimit } from '../../src/query/stated-age.js';
import { askedContact, givesContact } from '../../src/query/asked-contact.js';
import { asksDuration, statesDuration } from '../../src/query/time-frame.js';
import { compileSynonyms } from '../../src/query/compile.js';
import { defaultQueryOptions, type QueryContext } from '../../src/query/types.js';
import { stem } from '../../src/search/stem.js';
import { SYNONYM_RULES } from '../../src/knowledge/tables.js';
import { normalizeText, tokenize } from '../../src/search/tokenize.js';

describe('tokenize', () => {
  it('lower-cases, folds curly apostrophes and drops possessive s', () => {
    expect(normalizeText('Children’s Data')).toBe("children's data");
    expect(tokenize('Children’s data: under-18s, e-mail! DON’T')).toEqual(['children', 'data', 'under', '18s', 'email', "don't"]);
  });

  it('ignores emoji and punctuation', () => {
    expect(tokenize('🔒 ?!… ')).toEqual([]);
  });
});

describe('stem', () => {
  it('uses the Porter stemmer', () => {
    expect(stem('retaining')).toBe('retain');
    expect(stem('cookies')).toBe(stem('cookie'));
  });

  it('keeps "personalized" apart from "personal", "settings" from "set", "added" from "ads" and "community" from "communications"', () => {
    expect(stem('personalized')).not.toBe(stem('personal'));
    expect(stem('settings')).not.toBe(stem('set'));
    expect(stem('added')).not.toBe(stem('ads'));
    expect(stem('adding')).toBe(stem('add'));
    expect(stem('community')).not.toBe(stem('communications'));
  });
});

describe('BM25F index', () => {
  const units = [
    { body: ['retain', 'data', 'year'], heading: ['retent'], ancestors: [] },
    { body: ['share', 'data', 'partner'], heading: ['share'], ancestors: [] },
    { body: ['data', 'data', 'data', 'cooki'], heading: ['cooki'], ancestors: ['right'] },
  ];
  const index = buildBm25Index(units);

  it('gives rare terms a higher idf than common ones', () => {
    expect(index.idf[index.terms.get('partner')!]!).toBeGreaterThan(index.idf[index.terms.get('data')!]!);
    expect(index.unknownIdf).toBeGreaterThan(index.idf[index.terms.get('partner')!]!);
  });

  it('ranks the unit containing the query terms first, and headings count more than body text', () => {
    const scores = scoreTerms(index, ['partner']);
    expect(scores[1]).toBeGreaterThan(0);
    expect(scores[0]).toBe(0);
    const withHeading = buildBm25Index([
      { body: ['cooki', 'x'], heading: ['other'], ancestors: [] },
      { body: ['x', 'y'], heading: ['cooki'], ancestors: [] },
    ]);
    const headingScores = scoreTerms(withHeading, ['cooki']);
    expect(headingScores[1]).toBeGreaterThan(headingScores[0]!);
  });

  it('saturates term frequency', () => {
    for (const weight of index.postingWeight) expect(weight).toBeLessThan(1);
  });
});

describe('fuzzy matching', () => {
  it('computes edit distance with transpositions', () => {
    expect(editDistance('lnog', 'long', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abc', 'abcdef', 1)).toBe(2);
  });

  it('corrects typos to known words, prefers swapped letters, and memoizes', () => {
    const corrector = new VocabularyCorrector(new Map([['store', 3], ['long', 0], ['log', 5], ['retention', 2]]), { isRealWord: () => false });
    expect(corrector.correct('stroe')).toEqual({ word: 'store', distance: 1 });
    expect(corrector.correct('lnog')?.word).toBe('long');
    expect(corrector.correct('retenshun')).toBeNull();
    expect(corrector.correct('retension')).toEqual({ word: 'retention', distance: 1 });
    expect(corrector.correct('abc')).toBeNull();
    expect(new VocabularyCorrector(new Map([['the', 0], ['tea', 0]]), { isRealWord: () => false }).correct('teh')?.word).toBe('the');
  });

  it('corrects a dropped letter in a short word and two extra letters in a long one', () => {
    const corrector = new VocabularyCorrector(new Map([['give', 2], ['account', 3], ['parameters', 1]]), { isRealWord: () => false });
    expect(corrector.correct('giv')).toEqual({ word: 'give', distance: 1 });
    expect(corrector.correct('acccounnt')).toEqual({ word: 'account', distance: 2 });
    // Two edits the deletion index cannot reach (a dropped and a substituted letter) come from the bucket scan.
    expect(corrector.correct('paramitrs')).toEqual({ word: 'parameters', distance: 2 });
    expect(corrector.correct('gv')).toBeNull();
  });

  it('corrects a typo in the plural of a word known only in the singular', () => {
    const corrector = new VocabularyCorrector(new Map([['number', 1]]), { isRealWord: () => false });
    expect(corrector.correct('nubmers')?.word).toBe('number');
    expect(corrector.correct('nubmer')?.word).toBe('number');
  });

  it('finds phrases of one word and of several, in order', () => {
    const find = phraseFinder(new Set(['gdpr', 'third parti', 'do not track']));
    expect(find(['share', 'with', 'third', 'parti', 'under', 'gdpr'])).toEqual(['third parti', 'gdpr']);
    expect(find(['do', 'not', 'track', 'me'])).toEqual(['do not track']);
    expect(find(['third', 'parti'.slice(0, 3)])).toEqual([]);
  });

  it('corrects a misspelling the word list keeps ("minimun") to a dictionary word, but no verb form ("told")', () => {
    const dictionary = new Set(['minimum', 'sold', 'portal', 'postal']);
    const listed = new Set(['minimun', 'told', 'portal', 'postal', 'minimum', 'sold']);
    const corrector = new VocabularyCorrector(new Map([['minimum', 1], ['sold', 1], ['postal', 1]]), { isRealWord: (w) => listed.has(w), isDictionaryWord: (w) => dictionary.has(w) });
    expect(corrector.correct('minimun')?.word).toBe('minimum');
    expect(corrector.correct('told')).toBeNull();
    expect(corrector.correct('portal')).toBeNull();
  });

  it('prefers a candidate with the typed first letter, then the more frequent word', () => {
    const corrector = new VocabularyCorrector(new Map([['data', 9], ['date', 1], ['rata', 50]]), { isRealWord: () => false });
    expect(corrector.correct('dta')?.word).toBe('data');
    expect(corrector.correct('datx')?.word).toBe('data');
  });

  it('leaves correctly spelled English words alone', () => {
    const corrector = new VocabularyCorrector(new Map([['postal', 1]]));
    expect(isEnglishWord('portal')).toBe(true);
    // Words newer than the lexicon ("todo" as in a to-do list) are English too.
    expect(isEnglishWord('todo')).toBe(true);
    expect(corrector.correct('portal')).toBeNull();
    expect(corrector.correct('postla')).toEqual({ word: 'postal', distance: 1 });
  });

  it('knows the commonest word class of English words', () => {
    expect(primaryWordClass('careers')).toBe(WordClass.noun);
    expect(primaryWordClass('gone')).toBe(WordClass.verb);
    expect(primaryWordClass('qwzx')).toBe(0);
  });

  it('matches unknown words to headings as a last resort', () => {
    const headings = new HeadingMatcher(['Data retention', 'Data security', 'Turn off cookies']);
    expect(headings.matchWord('retenshun')).toBe('Data retention');
    expect(headings.matchWord('securty')).toBe('Data security');
    expect(headings.matchWord('payday')).toBeNull();
    expect(headings.matchWord('x'.repeat(60))).toBeNull();
  });

  it('matches a heading word misspelt in its second letter', () => {
    expect(new HeadingMatcher(['Data retention']).matchWord('rteention')).toBe('Data retention');
  });
});

describe('query analysis', () => {
  const terms = new Map(['retain', 'retent', 'store', 'children', 'child', 'delet', 'data', 'sell', 'european', 'resid', 'gdpr'].map((t, i) => [t, i]));
  const context: QueryContext = {
    terms,
    idf: new Float64Array(terms.size).fill(2),
    rareIdf: 5,
    corrector: new VocabularyCorrector(new Map([['store', 1], ['data', 1], ['long', 0]]), { isRealWord: () => false }),
    synonyms: compileSynonyms(),
    headingTerms: new Set(['retent', 'children']),
  };
  const analyze = (q: string) => analyzeQuery(q, context, defaultQueryOptions);

  it("finds an age the asker states or an age limit asked for where the children family's age phrases match, not any number", () => {
    for (const q of ['my 14 yr old wants to use it for school', 'a member says they are 12 years old', "i'm 15, can i join", 'is it ok for kids under 13', "a user mentioned that they're 12", "my daughter signed up and she's 15", 'i just turned 13, can i sign up?']) expect(analyze(q).concernsAge, q).toBe(true);
    for (const q of ['is there an age requirement to join?', 'am i old enough to sign up', 'what are the age rules for students?']) expect(analyze(q).concernsAge, q).toBe(true);
    for (const q of ['anyone up for lunch around 12:30?', 'we keep 14 backups', 'how old is the policy', 'i turned off tracking']) expect(analyze(q).concernsAge, q).toBe(false);
  });

  it('turns phrases into concepts carrying the policy wording', () => {
    const query = analyze('how long do you keep my data');
    const sources = query.concepts.map((c) => c.source);
    expect(sources).toContain('how long');
    const howLong = query.concepts.find((c) => c.source === 'how long')!;
    expect(howLong.alternatives.map((a) => a.termId)).toContain(terms.get('retain'));
    expect(howLong.topical).toBe(true);
  });

  it('maps kids to children and GDPR to European residents', () => {
    expect(analyze('kids').concepts[0]!.alternatives.map((a) => a.termId)).toContain(terms.get('children'));
    expect(analyze('GDPR?').concepts[0]!.alternatives.map((a) => a.termId)).toEqual(expect.arrayContaining([terms.get('gdpr'), terms.get('european')]));
  });

  it('drops filler and stopwords, and marks unknown words', () => {
    const query = analyze('hey guys i was wondering can you tell me about payday');
    expect(query.concepts).toHaveLength(1);
    expect(query.concepts[0]).toMatchObject({ source: 'paydai', alternatives: [], topical: false });
    expect(query.concepts[0]!.coverageWeight).toBeGreaterThan(4);
  });

  it('corrects typos before matching phrases', () => {
    expect(analyze('how lnog do you stroe my data').concepts.map((c) => c.source)).toEqual(['how long', 'store', 'data']);
  });

  it('drops an aspect verb before a gerund, so "keeps sending" is not about retention', () => {
    expect(analyze('why do you keep sending me things').concepts.map((c) => c.source)).not.toContain('keep');
    expect(analyze('how long do you keep my data').concepts.map((c) => c.source)).toContain('keep');
  });

  it('reads "18s" as the age 18', () => {
    expect(analyze('is it ok for under 18s').concepts.map((c) => c.source)).toContain('under 18');
  });

  it('reads a prefixed unknown word through the known word behind it', () => {
    const resell = analyze('do you resell my data').concepts.find((c) => c.source === stem('resell'))!;
    expect(resell.topical).toBe(true);
    expect(resell.alternatives.map((a) => a.termId)).toContain(terms.get('sell'));
  });

  it('treats "<kind> policy" for other kinds of policy as an unknown concept', () => {
    const refund = analyze('what is your refund policy').concepts.find((c) => c.source.includes('refund'))!;
    expect(refund.alternatives).toEqual([]);
    expect(refund.coverageWeight).toBeGreaterThan(4);
  });

  it('marks context-only rules as not topical', () => {
    const webinar = analyze('when is the next webinar').concepts[0]!;
    expect(webinar.fromRule).toBe(true);
    expect(webinar.topical).toBe(false);
  });

  it('flags instructions about product objects, not about the asker’s data', () => {
    expect(analyze('how do I delete a project').productHowTo).toBe(true);
    expect(analyze('can I deploy a model').productHowTo).toBe(true);
    expect(analyze('how do I delete my data').productHowTo).toBe(false);
    expect(analyze('how do I delete cookies').productHowTo).toBe(false);
    expect(analyze('do you delete projects').productHowTo).toBe(false);
  });

  it('reads an action verb the policy never uses as a product instruction, and skips modifiers before the object', () => {
    // "add", "join": no index term; "delete", "opt out": the policy's own verbs.
    expect(analyze('how do I add a teammate to my workspace').productHowTo).toBe(true);
    expect(analyze('how do i join two tables').productHowTo).toBe(true);
    expect(analyze('how do I delete my data').productHowTo).toBe(false);
    // "related" modifies the object: the object is "emails", which the synonym table knows.
    expect(analyze('can I opt out of service related emails').productHowTo).toBe(false);
    // A privacy phrase as the action names its own topic, whatever follows it.
    expect(analyze('how do i sign up to get emails about new product features').productHowTo).toBe(false);
  });

  it('reads British spellings as the American ones the table and the index know', () => {
    expect(analyze('summarise').keywords).toBe('summarize');
    // Only towards a word the synonym table or the index knows: "color" is neither.
    expect(analyze('how do you colour my data').keywords).toContain('colour');
  });

  it('drops intensifiers, so they do not break phrases up', () => {
    expect(analyze('do you even sell my data').concepts.map((c) => c.source)).not.toContain(stem('even'));
    expect(analyze('do you actually keep my data').keywords).toBe('keep data');
  });

  it('drops the errand a colleague needs the answer for', () => {
    expect(analyze('need the retention policy for an audit').concepts.map((c) => c.source)).not.toContain('audit');
    // Not an errand here: the audit log is what the question is about (a detail policies rarely state, as a phrase).
    expect(analyze('what does the audit log store').concepts.some((c) => c.source.split(' ').includes('audit'))).toBe(true);
  });

  it('reads the opening interrogative as a heading would start, except for quantities and instructions', () => {
    expect(analyze('how do you collect my data').interrogative).toBe('how');
    expect(analyze('please in which ways are you collecting my info').interrogative).toBe('how');
    expect(analyze('when do you collect my data').interrogative).toBe('how');
    expect(analyze('what do you collect').interrogative).toBe('what');
    expect(analyze('why do you need my address').interrogative).toBe('why');
    expect(analyze('how long do you keep my data').interrogative).toBeNull();
    expect(analyze('how do I delete my data').interrogative).toBeNull();
    expect(analyze('do you collect my data').interrogative).toBeNull();
  });

  it('ignores chat mentions and e-mail addresses', () => {
    expect(analyze('<@U1> @here do you sell my data? mail me at a.b@example.com').keywords).toBe('sell data');
  });

  it('reads capitalised US as the country', () => {
    expect(analyze('is my data stored in the US').keywords).toContain('usa');
    expect(analyze('tell us more').keywords).not.toContain('usa');
  });

  it('has a synonym table with a rule for each family the issue names', () => {
    const when = new Set(SYNONYM_RULES.flatMap((rule) => rule.when));
    for (const word of ['erase', 'kids', 'keep', 'how long', 'sell', 'gdpr', 'ccpa', 'give', 'cookies', 'card', 'hack', 'unsubscribe', 'transfer abroad']) {
      expect(when.has(word), word).toBe(true);
    }
  });
});

describe('stated ages', () => {
  it('finds an age limit in a sentence that makes its number an age, in digits or words', () => {
    for (const text of ['Our services are not directed to children under 13.', 'You must be at least sixteen years old to register.', 'Minors aged 16 or younger need a parent.', 'You must be at least 13 to use it; we delete accounts of anyone younger.']) expect(statesAgeLimit(text), text).toBe(true);
    for (const text of ['We keep logs for 18 months.', 'Over 20 countries host our servers.', 'Updated 13/05/2024. Children may not use it.', 'Plans cost $15 a month for adults.']) expect(statesAgeLimit(text), text).toBe(false);
  });
});

describe('durations asked and stated', () => {
  it('finds a question that asks how long about anything, and a passage that says how long in a period or in words', () => {
    for (const q of ['how long do you hang on to my invoices?', "what's the retention period for logs?", 'do server logs stick around after I delete my account?']) expect(asksDuration(q), q).toBe(true);
    for (const q of ['do you keep my invoices?', 'when does the certificate expire?']) expect(asksDuration(q), q).toBe(false);
    for (const text of ['We retain invoices for seven years.', 'Logs are kept for 30 days.', 'We keep your data as long as your account is active.', 'Your data stays until you delete it.']) expect(statesDuration(text), text).toBe(true);
    for (const text of ['We collect invoices to bill you.', 'You can delete your account at any time.']) expect(statesDuration(text), text).toBe(false);
  });
});

describe('asked contact details', () => {
  it('finds a clause that asks for a phone number to call, and a passage that gives one', () => {
    for (const q of ['is there a phone number I can call about privacy?', 'Customer wants the phone number of the hotline.', 'what phone number do i call for the privacy team']) expect(askedContact(q), q).toBe('phone');
    for (const q of ['I got a new phone number, how do I update it?', 'do you keep my phone number?', 'can I sign up with just a phone number?']) expect(askedContact(q), q).toBe(null);
    for (const text of ['Call us at 1-877-273-3049.', 'Telefon: +49 30 18754 0', 'Phone (555) 010-0199, weekdays.']) expect(givesContact(text, 'phone'), text).toBe(true);
    for (const text of ['Effective 2024-05-25.', 'We keep logs for 13 months.', 'Requests: 1,204 in total.', 'See version 3.1.2 of the notice.']) expect(givesContact(text, 'phone'), text).toBe(false);
  });

  it('finds a clause that asks for an e-mail address to write to, and a passage that gives one, written out or not', () => {
    for (const q of ["what's the email for your data protection officer?", 'Customer wants the e-mail address of the DPO.', 'is there an email I can write to about privacy?']) expect(askedContact(q), q).toBe('email');
    for (const q of ['why would you send my email address to ad companies?', 'do you sell my e-mail address?']) expect(askedContact(q), q).toBe(null);
    for (const text of ['Write to privacy@example.com.', 'Email our DPO at dpo[at]example[dot]com.', 'Contact dpo (at) example (dot) org']) expect(givesContact(text, 'email'), text).toBe(true);
    for (const text of ['We collect your email address.', 'Use the contact form at example.com/contact.']) expect(givesContact(text, 'email'), text).toBe(false);
  });

  it('finds a clause that asks for a postal address to write to, and a passage that gives one as countries print them', () => {
    for (const q of ["what's the mailing address for privacy requests?", 'Customer wants to send a written request by post. What address do I give them?', 'where do I send a letter about my data']) expect(askedContact(q), q).toBe('postal');
    for (const q of ['how did you get my mailing address?', 'do you keep my postal address?', 'what IP address do you log?']) expect(askedContact(q), q).toBe(null);
    // After e-mail, a bare "what's the address" asks for an e-mail address; a mailing address stays postal.
    expect(askedContact("Customer wants to email our DPO directly. What's the address?")).toBe('email');
    expect(askedContact('I emailed you twice already. What is the mailing address for a letter?')).toBe('postal');
    // A bare "what's the address" with neither e-mail nor post around it is answered by an address of either kind.
    expect(askedContact("Who's our data protection officer and what's the address to reach them?")).toBe('address');
    expect(askedContact("What's the address of your head office?")).toBe('postal');
    expect(givesContact('Our DPO is Jane Roe, dpo@example.com.', 'address')).toBe(true);
    expect(givesContact('Write to 225 Franklin Street, Boston.', 'address')).toBe(true);
    expect(givesContact('We collect your address and phone number.', 'address')).toBe(false);
    const addresses = ['GitHub, Inc. 88 Colin P. Kelly Jr. St. San Francisco, CA 94107', 'Prins Bernhardplein 200, Amsterdam 1097JB', 'Nordufer 20, 13353 Berlin', 'Gate 1 no. 107, 6700 Måløy, Norway', '225 Franklin Street, floor 13', 'PO Box 1234, Springfield', 'London EC1A 1BB'];
    for (const text of addresses) expect(givesContact(text, 'postal'), text).toBe(true);
    for (const text of ['We collect your postal address.', 'Under Section 22581 you may ask.', 'In 2018 EU law changed.', 'booking number 1234']) expect(givesContact(text, 'postal'), text).toBe(false);
  });
});

describe('asked numbers', () => {
  it('finds a clause that asks how many, how much or what age, and the kind of number it wants', () => {
    expect(askedNumber('how many government data requests did you get last year?')).toBe('statistic');
    expect(askedNumber('how many data requests can I make for free?')).toBe('number');
    expect(askedNumber('Parent asks what the minimum age is for a kid')).toBe('number');
    expect(askedNumber('Customer asks: how much notice do users get?')).toBe('number');
    expect(askedNumber('if I delete my account, how many days until it is gone')).toBe('period');
    expect(askedNumber('how much did the app cost in total?')).toBe('money');
  });

  it('takes a clause that asks exactly how long something is kept or lasts for one that asks for a period', () => {
    for (const q of ['how long exactly does the analytics cookie last?', "what's the exact expiry of the session cookie?", 'How long do you keep logs? Need the exact retention period.']) expect(askedNumber(q), q).toBe('period');
    for (const q of ["what is a web beacon exactly, in our policy's terms?", 'how long do you keep my logs?']) expect(askedNumber(q), q).toBe(null);
  });

  it('takes a period offered as a guess ("30 days?", "90 days or more?") for a question that asks for one', () => {
    for (const q of ["what's our deadline to respond - 30 days?", 'how long do u have to reply? like 30 days?', 'do you keep them 90 days or more?']) expect(askedNumber(q), q).toBe('period');
    for (const q of ['I deleted my account 10 days ago, can I restore it?', 'we kept it for 30 days and then deleted it, is that ok?']) expect(askedNumber(q), q).toBe(null);
  });

  it('does not take a yes/no clause that mentions "how many" for one that asks it', () => {
    for (const q of ['does it count how many models we deploy?', 'Customer asks: can their admin see how many models they built?', 'how long do you keep my data']) {
      expect(askedNumber(q), q).toBe(null);
    }
  });

  it('finds a stated number in digits or words, but not a year, a date or a version', () => {
    expect(['You must be at least 13 years old.', 'We keep it for thirty days.', 'Requests: 1,204 in total.'].map((text) => statesNumber(text, 'number'))).toEqual([true, true, true]);
    expect(['Last updated March 2024.', 'Effective 1/2/2024.', 'See section 3.1 above.', 'We keep it while needed.'].map((text) => statesNumber(text, 'number'))).toEqual([false, false, false, false]);
  });

  it('wants a number of time units for a period and an amount of money for a price', () => {
    expect(statesNumber('We keep logs for 90 days.', 'period')).toBe(true);
    expect(statesNumber('You must be 13 or older to sign up.', 'period')).toBe(false);
    expect(statesNumber('The app cost €20 million to build.', 'money')).toBe(true);
    expect(statesNumber('The app was built by 2 companies.', 'money')).toBe(false);
  });

  it('wants a count beside a year or a past period for a statistic ("how many requests last year")', () => {
    expect(statesNumber('In 2023 we received 1,204 government requests.', 'statistic')).toBe(true);
    expect(statesNumber('So far, 12 requests were made.', 'statistic')).toBe(true);
    expect(statesNumber('You may make up to two requests every 12 months.', 'statistic')).toBe(false);
  });
});

describe('definitions', () => {
  it('finds a clause that asks what a word means', () => {
    for (const q of ['what do you mean by a cookie in this policy?', "what does 'inference' mean here?", 'how does our policy define a cookie?', 'Customer asks what a cookie actually is', "what's a TAN and why do I need one"]) {
      expect(asksDefinition(q), q).toBe(true);
    }
    for (const q of ['how long do you keep cookies?', 'what is the retention period for logs?', 'what does the app do with my location?']) {
      expect(asksDefinition(q), q).toBe(false);
    }
  });

  it('finds the words a heading, a quoted term or an opening sentence defines, not a sentence about the reader', () => {
    expect(definedTerms('What is a cookie?', 'It is small.')).toEqual(['cookie']);
    expect(definedTerms('Accounts', 'We keep your account data (“User Personal Information”) safe.')).toEqual(['User Personal Information']);
    expect(definedTerms('Glossary', 'Personal data means any information about you. A transmission risk value is a number.')).toEqual(['Personal data', 'transmission risk value']);
    expect(definedTerms('Sharing', 'We are the controller. This is a summary. The following information is collected.')).toEqual([]);
  });
});

describe('asked names', () => {
  it('finds a clause that asks for the name of a person the policy names by role', () => {
    for (const q of ["what's the name of GitHub's data protection officer?", 'who is our DPO and what is their name?', 'Customer wants the full name of our Privacy Officer.']) {
      expect(askedName(q), q).toBe('person');
    }
    for (const q of ["who's our DPO and what's their email?", 'what is the name of the login cookie?', 'will the data protection officer see my name?']) {
      expect(askedName(q), q).toBe(null);
    }
  });

  it('finds a person named beside the role, not an institution or an email address', () => {
    const namesPerson = (text: string): boolean => statesName(text, 'person', new Set());
    expect(['Our Data Protection Officer is Jane Smith (dpo@example.com).', 'Dr. Ana Ruiz Vega, our DPO, answers requests.', "Our data protection officer's contact details are: Ana Ruiz, dpo@example.com"].map(namesPerson)).toEqual([true, true, true]);
    expect(['Please contact our Data Protection Officer at dpo@example.com.', 'Write to the data protection officer by post to: Robert Koch-Institut, Nordufer 20', 'our data protection officer, who can be reached by email'].map(namesPerson)).toEqual([false, false, false]);
  });

  it('finds a clause that asks which organisation, not what kind of one or what it gets', () => {
    for (const q of ['which company does the ID verification, is it LexisNexis?', 'Which payment processors handle donations?', 'what ID verification vendor do you use']) {
      expect(askedName(q), q).toBe('organisation');
    }
    for (const q of ['what kinds of vendors get my data?', 'what does the company actually get told?', 'do you share data with partners?']) {
      expect(askedName(q), q).toBe(null);
    }
  });

  it('finds an organisation named in a passage: a word no dictionary has, or a company suffix, not the policy’s own name', () => {
    const own = new Set(['acme']);
    const namesOrganisation = (text: string): boolean => statesName(text, 'organisation', own);
    expect(['Donations are processed by PayPal and DonorBox.', 'Servers are run by T-Systems International GmbH for us.', 'Card data goes to Stripe, Inc. only.'].map(namesOrganisation)).toEqual([true, true, true]);
    expect(['We use identity verification vendors to check your ID.', 'Checks follow the E-Government Act.', 'Only Acme staff and our vendors see it.'].map(namesOrganisation)).toEqual([false, false, false]);
  });

  it('finds a clause that asks for a place (which country, EU or US), not the asker\'s own place', () => {
    for (const q of ['which country are the servers physically in?', 'is the analytics data hosted in the EU or the US?', 'Customer asks in which countries your data centers are located.']) {
      expect(askedName(q), q).toBe('place');
    }
    for (const q of ["how do you know what country I'm in?", 'where do you store my data?', 'do you transfer data to other countries?']) expect(askedName(q), q).toBe(null);
  });

  it('finds a place named in a passage, the short ones only in capitals', () => {
    const namesPlace = (text: string): boolean => statesName(text, 'place', new Set());
    expect(['Data is stored in the United States.', 'Our servers are in Frankfurt, Germany.', 'Usage data stays in the EU.'].map(namesPlace)).toEqual([true, true, true]);
    expect(['Tell us about it.', 'Our servers are run by a hosting provider.', 'We keep backups in two regions.'].map(namesPlace)).toEqual([false, false, false]);
  });
});
