/**
 * The answerer on policies it has never seen: small policies written for these tests (not any real company's), each
 * checking one kind of behaviour that must hold for every policy.
 */
import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answerer.js';
import { relayTailStart } from '../../src/query/relay-tail.js';
import type { AbstentionThresholds } from '../../src/answer/options.js';
import type { PolicyDocument, PolicySection } from '../../src/types.js';

function policy(title: string, sections: Array<[path: string[], text: string]>, extra: Partial<PolicyDocument> = {}): PolicyDocument {
  const made: PolicySection[] = sections.map(([path, text], i) => ({ id: `s${i}`, path, text }));
  return { id: title.toLowerCase().replace(/\W+/g, '-'), title, sections: made, ...extra };
}

const tinyShop = policy('Tinyshop Privacy Notice', [
  [['What we collect'], 'Tinyshop collects your name, e-mail address and delivery address when you place an order.'],
  [['Selling'], 'Tinyshop does not sell or rent personal information to anyone.'],
  [['Deletion'], 'You can ask Tinyshop to erase your account and order history at any time.'],
  [['Contact'], 'Write to privacy@tinyshop.example with any question about this notice.'],
]);

const topSection = (answerer: ReturnType<typeof createAnswerer>, question: string): string | undefined => answerer.answer(question).passages[0]?.section.join(' › ');

/** Asserts that an abstention rule, and nothing else, declines the question: with the rule off it is answered. */
function expectDeclinedByRule(document: PolicyDocument, question: string, rule: keyof AbstentionThresholds): void {
  expect(createAnswerer([document]).answer(question).answered, question).toBe(false);
  expect(createAnswerer([document], { thresholds: { [rule]: false } }).answer(question).answered, `${question} (${rule} off)`).toBe(true);
}

describe('a short policy', () => {
  const answerer = createAnswerer([tinyShop]);

  it('answers when an ordinary word it never uses comes with the words it does use', () => {
    for (const question of ['does the notice explicitly mention whether you sell my data?', 'do you sell my info to others?', 'is my address something tinyshop collects?']) {
      expect(answerer.answer(question).answered, question).toBe(true);
    }
    expect(topSection(answerer, 'does the notice explicitly mention whether you sell my data?')).toBe('Selling');
  });

  it('reads a request for confirmation as chat around what is to be confirmed', () => {
    const question = 'Customer wants written confirmation that Tinyshop does not sell their info to anyone.';
    expect(answerer.explain(question).query.concepts.map((c) => c.surface).filter((surface) => /confirm|written/.test(surface))).toEqual([]);
    expect(topSection(answerer, question)).toBe('Selling');
  });

  it('reads a request for step-by-step instructions as chat around what the steps are for', () => {
    const question = 'Customer wants step-by-step instructions for erasing their Tinyshop account.';
    expect(answerer.explain(question).query.concepts.map((c) => c.surface).filter((surface) => /step|instruction/.test(surface))).toEqual([]);
    expect(topSection(answerer, question)).toBe('Deletion');
  });

  it('reads where the question came up ("someone in a community thread asked") as chat', () => {
    const question = 'does tinyshop sell my info? someone in a community thread asked and i had no idea';
    expect(answerer.explain(question).query.concepts.map((c) => c.surface).filter((surface) => /thread/.test(surface))).toEqual([]);
    expect(topSection(answerer, question)).toBe('Selling');
  });

  it('reads what the answer is for ("need it for a vendor questionnaire", "security review wants to know") as chat', () => {
    for (const question of ['does tinyshop sell personal information? need a one-liner for a vendor questionnaire', 'Security review wants to know whether tinyshop sells personal information.']) {
      expect(answerer.explain(question).query.concepts.map((c) => c.surface).filter((surface) => /questionnaire|review|liner/.test(surface)), question).toEqual([]);
      expect(topSection(answerer, question), question).toBe('Selling');
    }
  });

  it('reads the words of a lead-in before a colon that the policy never uses as who asks, not what is asked', () => {
    const surfaces = (question: string): string[] => answerer.explain(question).query.concepts.map((c) => c.surface);
    expect(surfaces('Ticket from a bakery owner: can tinyshop erase my account?').filter((surface) => /bakery|ticket/.test(surface))).toEqual([]);
    expect(surfaces('for the comms handbook: does tinyshop sell personal information?').filter((surface) => /comms|handbook/.test(surface))).toEqual([]);
    // Outside a lead-in the same words still count, and a lead-in word the policy uses stays.
    expect(surfaces('can tinyshop erase my account, a bakery owner asks')).toContain('bakery');
    expect(surfaces('Order question: can tinyshop erase my account?')).toContain('order');
  });

  it('reads a not-stated detail in the lead-in ("for the SOC 2 audit: …") as why the asker asks, not what is asked', () => {
    expect(topSection(answerer, 'for the SOC 2 audit: does tinyshop sell personal information?')).toBe('Selling');
    expect(answerer.answer('does tinyshop have a SOC 2 report?').answered).toBe(false);
  });

  it('weighs an irregular verb form the policy never uses ("told", "went") as the everyday verb it is', () => {
    const kinds = answerer.explain('i never told tinyshop my address and then went away, how do you have it?').query.concepts.filter((c) => /^(told|went)$/.test(c.surface)).map((c) => c.unknown);
    expect(kinds).toEqual(['common-modifier', 'common-modifier']);
  });

  it('weighs an "-able" adjective no dictionary has ("citable") as the modifier its verb makes, not as a name', () => {
    const kindOf = (question: string, surface: string): string | undefined => answerer.explain(question).query.concepts.find((c) => c.surface === surface)?.unknown;
    expect(kindOf('is the tinyshop retention rule citable anywhere?', 'citable')).toBe('common-modifier');
    // A made-up word with the same ending and no verb behind it is still a name.
    expect(kindOf('is the tinyshop retention rule zorbable anywhere?', 'zorbable')).toBe('name');
  });

  it('reads a sales rep who did something as who acted, not as what is asked', () => {
    const question = 'a tinyshop rep emailed me out of the blue, where did you get my e-mail address?';
    expect(answerer.explain(question).query.concepts.map((c) => c.surface).filter((surface) => /\brep/.test(surface))).toEqual([]);
    expect(answerer.answer(question).answered).toBe(true);
  });

  it('reads "where do I point them" as the relayer asking, not as words of the question', () => {
    for (const question of ['User wants their order history erased. Where do I point them?', 'customer wants to know if we sell their info, which part can i point people to?']) {
      expect(answerer.explain(question).query.concepts.map((c) => c.surface).filter((surface) => /point/.test(surface)), question).toEqual([]);
      expect(topSection(answerer, question), question).not.toBe('Contact');
    }
  });

  it('reads community chatter ("anyone else think…", "down for anyone else") as no question about sharing', () => {
    const surfaces = (question: string): string[] => answerer.explain(question).query.concepts.map((c) => c.surface);
    for (const question of ['anyone else think the new checkout page looks kinda weird lol', 'is tinyshop down for anyone else rn']) {
      expect(surfaces(question), question).not.toContain('anyone else');
    }
    expect(surfaces('do you give my info to advertisers or anyone else?')).toContain('anyone else');
  });

  it('reads chat spellings of "would", "could" and "should"', () => {
    for (const question of ['wud tinyshop sell my info?', 'cud you sell my info?', 'shud i worry that you sell my info?']) expect(topSection(answerer, question), question).toBe('Selling');
  });

  it('reads "taken down" as deleting', () => {
    expect(topSection(answerer, 'how do i get my order history taken down?')).toBe('Deletion');
  });

  it('reads requests about the form of the answer as chat, not as what is asked', () => {
    for (const question of ['straight answer pls: do you sell my data??', 'short answer: can i get my account erased?', 'bottom line, do you rent out my info?']) {
      expect(answerer.answer(question).answered, question).toBe(true);
    }
    expect(answerer.explain('straight answer pls: do you sell my data??').query.concepts.map((c) => c.surface)).toEqual(['sell my data']);
  });

  it('declines when the thing asked about is a name or a fact it never states', () => {
    for (const question of ['does tinyshop use mailchimp for newsletters?', 'is tinyshop soc 2 certified?', 'when is the tinyshop summer picnic?', 'who is your data protection officer and what is their email?', 'who do I ask about expensing an order delivery?', 'is there parking at the delivery address?']) {
      expect(answerer.answer(question).answered, question).toBe(false);
    }
  });

  it('answers for the detail where the policy states it (a data protection officer)', () => {
    const withOfficer = createAnswerer([policy('Tinyshop Privacy Notice', [...tinyShop.sections.map((s): [string[], string] => [s.path, s.text]), [['Data protection officer'], 'You can email our data protection officer at dpo@tinyshop.example.']])]);
    expect(withOfficer.answer('who is your data protection officer and what is their email?').answered).toBe(true);
  });

  it('treats the company’s own name as a name, not as what the question is about', () => {
    const explained = answerer.explain('does tinyshop sell my data');
    expect(explained.query.concepts.find((c) => c.surface === 'tinyshop')?.weak).toBe(true);
  });

  it('reads the vendors of a one-section cookie table as what questions are about, and the title’s name as the company', () => {
    const rows = ['Tinyshop — cart — keeps your basket between visits — 30 days', 'Adtrackly — atk_id — Adtrackly uses this to count visits — 1 year', 'Adtrackly — atk_ref — Adtrackly stores the page you came from — 1 year', 'Adtrackly — atk_seen — set when Adtrackly has shown you an ad — 90 days'];
    const table = createAnswerer([policy('Tinyshop Cookies', [[[], rows.join('\n\n')]])]);
    const concepts = table.explain('does tinyshop use adtrackly cookies').query.concepts;
    expect(concepts.find((c) => c.surface === 'adtrackly')?.weak).toBe(false);
    expect(concepts.find((c) => c.surface === 'tinyshop')?.weak).toBe(true);
  });

  it('reads who relays a question and how they feel about it as chat ("a prospect writes in", "upset", "physically")', () => {
    const question = 'an upset prospect writes in: where is my order history physically kept?';
    const surfaces = answerer.explain(question).query.concepts.map((c) => c.surface);
    expect(surfaces.filter((surface) => ['upset', 'prospect', 'writes', 'physically'].includes(surface))).toEqual([]);
    expect(answerer.answer(question).answered).toBe(true);
  });

  it.each(['press inquiry: do you sell my info to others?', 'a user on twitter asks: do you sell my info to others?'])('reads a press inquiry or a post on social media as who relays "%s"', (question) => {
    expect(answerer.explain(question).query.concepts.map((c) => c.surface).filter((surface) => /press|inquiry|twitter/.test(surface))).toEqual([]);
    expect(answerer.answer(question).answered).toBe(true);
  });

  it('reads why and whom the asker is looping in as chat ("loop them in", "doing a DPIA")', () => {
    const question = 'doing a DPIA - do you sell my info to others? want to loop them in';
    const surfaces = answerer.explain(question).query.concepts.map((c) => c.surface);
    expect(surfaces.filter((surface) => ['loop', 'dpia', 'doing'].includes(surface))).toEqual([]);
    expect(answerer.answer(question).answered).toBe(true);
  });

  it('reads the legal department asking as chat, not as a question about legal bases', () => {
    const withBases = createAnswerer([policy('Tinyshop Privacy Notice', [
      [['Legal bases'], 'We process your order details to perform our contract with you, a legal basis under the GDPR.'],
      [['Changes to this notice'], 'When we update this notice, we e-mail every customer before the change takes effect.'],
    ])]);
    expect(withBases.answer('legal asked: how do customers hear about changes to the notice?').passages[0]?.section).toEqual(['Changes to this notice']);
  });

  it('reads stop words through their inflections ("others" is "other")', () => {
    expect(answerer.explain('do you give my data to others').query.concepts.map((c) => c.surface)).not.toContain('others');
  });
});

describe('a topic the policy never names', () => {
  const noCookies = policy('Formly Privacy Notice', [
    [['What we collect'], 'We collect the answers you type into our forms and the pages you visit, through our own analytics.'],
    [['Your choices'], 'You can opt out of marketing e-mails and ask us to delete your answers.'],
  ]);
  const answerer = createAnswerer([noCookies]);

  it('declines cookies or California rights where the policy never says cookie or California', () => {
    for (const question of ['do you use cookies and can I opt out of them?', 'what are my CCPA rights as a California user, can I opt out?']) {
      expect(answerer.answer(question).answered, question).toBe(false);
    }
  });

  it('declines GDPR rights where the policy names no European law or place, and answers them where it does', () => {
    const question = 'what are my rights under GDPR?';
    expect(answerer.answer(question).answered).toBe(false);
    const european = createAnswerer([policy('Formly Privacy Notice', [...noCookies.sections.map((section): [string[], string] => [section.path, section.text]), [['Your GDPR rights'], 'If you live in the EEA, the GDPR gives you the right to access, correct and erase your answers.']])]);
    expect(topSection(european, question)).toBe('Your GDPR rights');
  });

  it('still answers tracking, which a policy may cover without cookies', () => {
    expect(answerer.answer('do you track which pages I visit?').answered).toBe(true);
  });

  it('declines ads where the policy never speaks of advertising or marketing, and answers them where it does', () => {
    const app = (extra: string) => createAnswerer([policy('Steplog App Notice', [
      [['What the app processes'], `The app shows your daily step count and stores it on your phone.${extra}`],
      [['Contact'], 'Write to privacy@steplog.example.'],
    ])]);
    expect(app('').answer('does the app show ads').answered).toBe(false);
    expect(app(' The free version also shows ads.').answer('does the app show ads').answered).toBe(true);
  });
});

describe('staff looking at an account', () => {
  const boards = policy('Boardly Privacy Notice', [
    [['What we collect'], 'We collect the boards, cards and comments you create, and the e-mail address of your account.'],
    [['When we access your information'], 'Our employees access your boards only with your permission, or when we investigate abuse reported to us.'],
    [['Security'], 'We encrypt your boards whenever they are stored or sent.'],
  ]);
  const answerer = createAnswerer([boards]);

  it.each(['can an employee hop into my boards to fix a bug?', 'can staff look inside my boards whenever they feel like it?'])('reads "%s" as access to the account', (question) => {
    expect(topSection(answerer, question)).toBe('When we access your information');
  });
});

describe('translations of the policy', () => {
  const translated = policy('Boardly Privacy Notice', [
    [['What we collect'], 'We collect the boards you create in any language and the e-mail address of your account.'],
    [['Translations'], 'This notice is available in several languages. If versions conflict, the English version is the controlling one.'],
    [['Changes'], 'We will post any change to this notice on this page, in English first.'],
  ]);
  const answerer = createAnswerer([translated]);

  it('finds the clause on which version prevails', () => {
    expect(topSection(answerer, 'the german version says something different from the english page, which one counts?')).toBe('Translations');
  });
});

describe('names typed with a capital', () => {
  const ads = policy('Boardly Privacy Notice', [
    [['Advertising'], 'We show ads based on your interests, using cookies that last one year.'],
    [['What we collect'], 'We collect the boards you create and the e-mail address of your account.'],
  ]);
  const answerer = createAnswerer([ads]);

  it('leaves a capitalized name inside a sentence uncorrected ("Pinterest" is no typo of "interest")', () => {
    const surfaces = answerer.explain('does boardly use Pinterest tags and how long do they last?').query.concepts.map((c) => c.surface);
    expect(surfaces).toContain('pinterest');
    expect(surfaces).not.toContain('interest');
  });

  it('splits two policy words run together ("timezone" where the policy says "time zone"), but no English word', () => {
    const clock = createAnswerer([policy('Boardly Privacy Notice', [
      [['Cookies'], 'A cookie remembers your time zone so that we show dates in local time.'],
      [['Calls'], 'We never record calls, and nobody at Boardly listens to them.'],
    ])]);
    const surfaces = clock.explain('how do you know my timezone?').query.concepts.map((c) => c.surface);
    expect(surfaces.join(' ')).toContain('time');
    expect(surfaces.join(' ')).toContain('zone');
    expect(clock.answer('how do you know my timezone?').passages[0]?.section).toEqual(['Cookies']);
    expect(clock.explain('is anyone listening to my calls?').query.concepts.map((c) => c.surface)).toContain('listening');
  });

  it('still corrects a lower-case typo', () => {
    expect(answerer.explain('do you show ads based on my intrests?').query.concepts.map((c) => c.surface)).toContain('interests');
  });
});

describe('age as people ask it', () => {
  const notes = policy('Quillnotes Privacy Notice', [
    [['What we collect'], 'We collect the notes you write and the e-mail address of your account.'],
    [['Children'], 'You must be at least 13 to use Quillnotes; we delete accounts of anyone younger when we learn of them.'],
    [['Sharing'], 'We share notes only with the people you invite.'],
  ]);
  const answerer = createAnswerer([notes]);

  it.each(['my little brother is 11 and wants his own quillnotes account, is that allowed?', 'is there an age cutoff for who can sign up?'])('finds the age rule for "%s"', (question) => {
    expect(topSection(answerer, question)).toBe('Children');
  });
});

describe('a site typed as its web address', () => {
  it('reads "quillnotes.com" and "quillnotes.rs" as the name, with no concept for the ending', () => {
    const notes = createAnswerer([
      policy('Quillnotes Privacy Notice', [
        [['What we collect'], 'We collect the notes you write and the e-mail address of your account.'],
        [['Children'], 'You must be 16 or older to use Quillnotes.'],
      ]),
    ]);
    for (const question of ['what does quillnotes.com collect about me', 'is there a minimum age for quillnotes.rs?']) {
      const surfaces = notes.explain(question).query.concepts.map((c) => c.surface);
      expect(surfaces, question).toContain('quillnotes');
      expect(surfaces.filter((surface) => ['com', 'come', 'rs'].includes(surface)), question).toEqual([]);
    }
  });
});

describe('who is behind the service', () => {
  const notes = policy('Pocket Notes Privacy Notice', [
    [[], 'Pocket Notes is operated by Quill Labs GmbH, Berlin.'],
    [['What we collect'], 'We collect the notes you write and the e-mail address of your account.'],
    [['Your rights'], 'You are responsible for the notes you share, and you may ask us to delete your account.'],
  ]);
  const answerer = createAnswerer([notes]);

  it.each(['who actually runs pocket notes, is it a company?', 'who is behind pocket notes?', 'which legal entity is actually behind pocket notes?', 'Customer asks what company is behind Pocket Notes'])('finds the operator for "%s"', (question) => {
    expect(answerer.answer(question).passages[0]?.text).toContain('operated by');
  });
});

describe('questions about personal data with no word of the tables', () => {
  const withForum = policy('Tinyshop Privacy Notice', [
    [['What we collect'], 'Tinyshop collects your name, e-mail address and delivery address when you place an order.'],
    [['Other services'], 'The Tinyshop community forum is run by Forumly Ltd, which is in charge of the accounts and posts made there.'],
    [['Contact'], 'Write to privacy@tinyshop.example with any question about this notice.'],
  ]);
  const answerer = createAnswerer([withForum]);

  it('answers when the question names personal data and the policy has its other words', () => {
    for (const question of ['what happens to my data on the forum?', 'what about my info on the forum']) {
      expect(topSection(answerer, question), question).toBe('Other services');
    }
  });

  it('still declines the same words without personal data: nothing says the question is about the policy', () => {
    expect(answerer.answer('what happens on the forum?').answered).toBe(false);
  });
});

describe('time frames a policy may or may not state', () => {
  const security = (text: string) =>
    policy('Quill Privacy Notice', [
      [['Security'], `We protect your data with encryption and access controls. ${text}`],
      [['Retention'], 'We keep account data while your account is open and delete it within 30 days of closure.'],
    ]);
  const question = 'if you get hacked, how fast will you tell me?';

  it('declines "how fast will you tell me about a breach" where the policy states no time frame for it', () => {
    const silent = createAnswerer([security('If a breach affects your data, we will tell you.')]);
    expect(silent.answer(question).answered).toBe(false);
    // Without the time frame, the same words are answered: the policy does say it tells users of a breach.
    expect(silent.answer('if you get hacked will you tell me?').answered).toBe(true);
  });

  it.each(['is there a set timeframe for telling users about a data breach?', 'what is our deadline to notify people after a breach?', 'if you get hacked, how long before you tell me?', 'if there is a breach, how and when will users be notified?'])('reads "%s" as asking the same time frame', (asked) => {
    expect(createAnswerer([security('If a breach affects your data, we will tell you.')]).answer(asked).answered).toBe(false);
    expect(topSection(createAnswerer([security('If a breach affects your data, we will tell you within 72 hours.')]), asked)).toBe('Security');
  });

  it('answers it where a passage about breaches states one', () => {
    for (const text of ['If a breach affects your data, we will tell you within 72 hours.', 'If a breach affects your data, we will notify you without undue delay and within three days at most.']) {
      expect(topSection(createAnswerer([security(text)]), question), text).toBe('Security');
    }
  });
});

describe('how long a cookie lasts, which a policy may or may not state', () => {
  const cookies = (text: string) =>
    createAnswerer([policy('Quill Privacy Notice', [
      [['Cookies'], `We use a login cookie to keep you signed in and an analytics cookie to count visits. ${text}`],
      [['Retention'], 'We keep account data while your account is open and delete it within 30 days of closure.'],
    ])]);

  it.each(['how long does the login cookie last before it expires?', 'when does the analytics cookie expire?'])('declines "%s" where the policy states no lifetime', (question) => {
    expect(cookies('You can block cookies in your browser.').answer(question).answered).toBe(false);
  });

  it.each(['The login cookie expires when you close your browser.', 'The analytics cookie lasts 13 months.', 'The login cookie lasts 2 years.'])('answers it where the cookies passage states one: "%s"', (text) => {
    expect(topSection(cookies(text), 'how long does the login cookie last before it expires?')).toBe('Cookies');
  });
});

describe('a nationality word that names a language', () => {
  const notice = policy('Pebble Notice', [
    [['How we learn about you'], 'We use your IP address to choose the language our site is shown in and to guess your city.'],
    [['Your rights in the EU'], 'If you live in the European Union, including Germany and France, you may ask us to delete your data and complain to your regulator.'],
    [['Translations'], 'This notice is also available in other languages; if a translated version differs, the English text prevails.'],
    [['Contact'], 'Write to privacy@pebble.example.'],
  ]);
  const answerer = createAnswerer([notice]);

  it('reads "in German" and "the French copy" as languages, not as the places whose rights the EU section gives', () => {
    expect(topSection(answerer, 'why did your site show up in German for me? are you guessing from my ip')).toBe('How we learn about you');
    expect(topSection(answerer, 'the French copy of the notice says something else than the other one, which one counts?')).toBe('Translations');
  });

  it('keeps "German police" and "in Germany" places', () => {
    expect(answerer.explain('if German police ask for my data, do you hand it over?').query.regional).toBe(true);
    expect(answerer.explain('i live in germany, can i ask you to delete my data?').query.regional).toBe(true);
  });
});

describe('a cookie asked about by its name', () => {
  const table = policy('Quill Cookie Notice', [
    [['Advertising cookies'], 'Microsoft — MSO — This cookie identifies a user session for advertising — One year. Microsoft — MC1 — This cookie keeps a user session for site analytics — One year.'],
    [['Sign-in cookies'], 'Quill — user_session — This cookie is used to log you in — Two weeks. Quill — logged_in — This cookie tells us you are signed in — One year.'],
    [['Contact'], 'Questions about this notice go to privacy@quill.example.'],
  ]);

  it('leads with the passage that spells the name whole, though other rows share its words', () => {
    const question = 'What does the user_session cookie do and how long does it last?';
    expect(topSection(createAnswerer([table]), question)).toBe('Sign-in cookies');
    expect(topSection(createAnswerer([table], { ranking: { codeNameBonus: 1 } }), question)).toBe('Advertising cookies');
  });
});

describe('how long a named cookie lasts, where only cookies in general are described', () => {
  const notice = policy('Quill Cookie Notice', [
    [['What is a cookie?'], 'A cookie is a small text file stored in your browser. Session cookies are deleted when you close your browser; persistent cookies last until you delete them.'],
    [['Cookies we use'], 'Analytics: Google Analytics and Posthog count visits. Payments: Stripe sets a cookie to prevent fraud.'],
    [['Your choices'], 'You can block or delete cookies in your browser settings; some features may then stop working.'],
    [['Retention'], 'We keep account data while your account is open and delete it within 30 days of closure.'],
    [['Contact'], 'Questions about this notice go to privacy@quill.example.'],
  ]);

  it('declines it, though the definition names session and persistent cookies', () => {
    expectDeclinedByRule(notice, 'How long does the Google Analytics cookie last before it expires?', 'topicEvidenceCoverage');
  });

  it('answers the general question from the definition', () => {
    expect(topSection(createAnswerer([notice]), 'how long do cookies last?')).toBe('What is a cookie?');
  });
});

describe('how long backups and recordings are kept, which a policy may or may not state', () => {
  const retention = (text: string) =>
    createAnswerer([policy('Quill Privacy Notice', [
      [['Retention'], `We keep account data while your account is open and delete it when you close it. Our support calls are recorded for training, we keep support tickets and analytics data, and we take backups of our databases. ${text}`],
      [['Security'], 'We protect your data with encryption and access controls.'],
    ])]);

  it.each(['after I delete my account, how long does my data stay in your backups?', 'how long do you keep call recordings?', 'how long are our support tickets kept?', 'how long is the analytics data kept?'])('declines "%s" where the policy states no period', (question) => {
    expect(retention('').answer(question).answered).toBe(false);
    // Keeping data at all is answered: the policy does say it keeps account data.
    expect(retention('').answer('how long do you keep my account data?').answered).toBe(true);
  });

  it('declines how long a card number is kept where the policy states no period', () => {
    const billing = createAnswerer([policy('Quill Privacy Notice', [
      [['Billing'], 'Our payment processor stores your credit card number; we keep your billing address and invoices.'],
      [['Retention'], 'We keep account data while your account is open and delete it when you close it.'],
    ])]);
    expect(billing.answer('how long do you keep my credit card details after i cancel my plan?').answered).toBe(false);
    expect(billing.answer('do you keep my credit card number?').answered).toBe(true);
  });

  it('answers it where the passage states one', () => {
    const stated = retention('Backups are overwritten within 35 days, and call recordings are deleted after 90 days.');
    expect(topSection(stated, 'after I delete my account, how long does my data stay in your backups?')).toBe('Retention');
    expect(topSection(stated, 'how long do you keep call recordings?')).toBe('Retention');
  });
});

describe('a legal basis, which a policy may or may not state', () => {
  const cookies = (text: string) =>
    createAnswerer([policy('Quill Cookie Notice', [
      [['Analytics cookies'], `Our analytics cookies count visits and measure how people use our pages. ${text}`],
      [['Managing cookies'], 'You can block or delete cookies in your browser settings.'],
    ])]);
  const question = 'what legal basis do we rely on for the analytics cookies?';

  it('declines where no passage says on what basis, though it shares the rest of the question', () => {
    const silent = cookies('They last 13 months.');
    expect(silent.answer(question).answered).toBe(false);
    expect(silent.answer('what do the analytics cookies measure?').answered).toBe(true);
  });

  it('reads "what legal mechanism" as asking for a legal basis', () => {
    expect(cookies('They last 13 months.').explain('what legal mechanism covers the analytics cookies?').query.asksLegalBasis).toBe(true);
  });

  it.each(['We set them on the basis of your consent.', 'We rely on our legitimate interests to set them.', 'We set them pursuant to 6 U.S.C. § 1523.'])('answers where the passage states one: "%s"', (text) => {
    expect(topSection(cookies(text), question)).toBe('Analytics cookies');
  });
});

describe('numbers a policy may or may not state', () => {
  const requests = (text: string) =>
    policy('Lantern Privacy Notice', [
      [['Requests from authorities'], `We share account data with authorities only when the law requires it. ${text}`],
      [['Cookies'], 'We use cookies to keep you signed in.'],
    ]);
  const question = 'how many government data requests did you get last year?';

  it('declines "how many requests" where the passage it would lead with states no number', () => {
    const silent = createAnswerer([requests('We publish a report on government data requests.')]);
    expect(silent.answer(question).answered).toBe(false);
    // The same words without asking a number are answered: the policy does talk about such requests.
    expect(topSection(silent, 'do you get government data requests?')).toBe('Requests from authorities');
    // A yes/no clause that merely mentions "how many" asks whether, not how many.
    expect(topSection(silent, 'do you report how many government data requests you get?')).toBe('Requests from authorities');
  });

  it('answers it where that passage states one, in digits or in words', () => {
    for (const text of ['Last year we received 12 government data requests.', 'Last year we received twelve government data requests.']) {
      expect(topSection(createAnswerer([requests(text)]), question), text).toBe('Requests from authorities');
    }
  });

  it('wants a number of days for "how many days" and an amount of money for "how much did it cost"', () => {
    const logs = createAnswerer([
      policy('Kite Privacy Notice', [
        [['Server logs'], 'We keep server logs with IP addresses as long as we need them to keep 2 data centres secure.'],
        [['Cookies'], 'We use cookies to keep you signed in.'],
      ]),
    ]);
    expect(logs.answer('how many days do you keep server logs with my IP address?').answered).toBe(false);
    expect(logs.answer('how long do you keep server logs with my IP address?').answered).toBe(true);
    expect(createAnswerer([requests('We received 2 requests; answering them cost us nothing.')]).answer('how much did answering government data requests cost you?').answered).toBe(false);
  });

  it('does not take a year for a number', () => {
    expect(createAnswerer([requests('Our report on government data requests for 2024 is published in March.')]).answer(question).answered).toBe(false);
  });
});

describe('facts a policy may or may not state', () => {
  const withDnt = policy('Signals Notice', [
    [['Browser signals'], 'We honour Do Not Track and Global Privacy Control signals sent by your browser.'],
    [['Cookies'], 'We use cookies to keep you signed in.'],
  ]);
  const withoutDnt = policy('Quiet Notice', [
    [['Cookies'], 'We use cookies to keep you signed in and to count visits.'],
    [['Sharing'], 'We share data with our hosting provider only.'],
  ]);

  it('declines a question naming a detail the policy does not state, however many of its other words a passage has', () => {
    const security = policy('Guard Notice', [
      [['Security'], 'We protect the account data on our servers with encryption, access controls and monitoring by our security team.'],
      [['Cookies'], 'We use cookies to keep you signed in.'],
    ]);
    const question = 'Customer asks whether the servers where we protect account data with encryption, access controls and monitoring are SOC 2 certified';
    expect(createAnswerer([security]).answer(question).answered).toBe(false);
    expect(createAnswerer([security]).answer(question.replace(' SOC 2 certified', ' monitored by the security team')).answered).toBe(true);
  });

  it('declines a self-hosted install the policy never mentions, unless the company\'s own knowledge names it', () => {
    const sections: Array<[string[], string]> = [
      [['Cookies'], 'We set analytics cookies on our website to count visits and a sign-in cookie to keep you signed in.'],
      [['Usage data'], 'We collect usage statistics from every installation to improve the product.'],
    ];
    const question = 'does our self-hosted instance set these same analytics cookies?';
    expect(createAnswerer([policy('Forge Cookie Notice', sections)]).answer(question).answered).toBe(false);
    const knowing = policy('Forge Cookie Notice', sections, { knowledge: { synonyms: [{ when: ['self hosted', 'on prem'], add: ['installation'] }] } });
    expect(createAnswerer([knowing]).answer('we run it self-hosted, do you get our usage statistics?').answered).toBe(true);
  });

  it('declines a published impact assessment the policy never mentions, and answers where it links one', () => {
    const plain = [[['Security'], 'We assess the risks of every new feature to your data before we launch it.'], [['Contact'], 'Write to privacy@app.example.']] as Array<[string[], string]>;
    const question = 'did you publish a data protection impact assessment? where can I read it?';
    expect(createAnswerer([policy('Plain Notice', plain)]).answer(question).answered).toBe(false);
    const linking = policy('Linking Notice', [...plain, [['Impact assessment'], 'Read our data protection impact assessment at example.org/dpia.']]);
    expect(topSection(createAnswerer([linking]), question)).toBe('Impact assessment');
  });

  it('declines whether data trains AI models when the policy never says, and answers where it does', () => {
    const base = [[['Your content'], 'We store the code and documents you upload to your private projects and use them to provide the service.'], [['Training'], 'We deliver training courses for customers.']] as Array<[string[], string]>;
    const question = 'does your assistant get trained on the code in my private projects?';
    expect(createAnswerer([policy('Code Notice', base)]).answer(question).answered).toBe(false);
    const stating = policy('Code Notice', [...base, [['AI models'], 'We do not use the code in your private projects to train AI models.']]);
    expect(topSection(createAnswerer([stating]), 'is the code in my private projects used to train AI models?')).toBe('AI models');
  });

  it('declines what happens to a deceased user\'s account when the policy never says', () => {
    const accounts = policy('Ledger Accounts Notice', [
      [['Your account'], 'You can close your account at any time; we then delete your data within 30 days.'],
      [['Family access'], 'Family members can be invited to share an account and see its data.'],
    ]);
    expect(createAnswerer([accounts]).answer('my father passed away, what happens to his account and data? can the family get access').answered).toBe(false);
    expect(createAnswerer([accounts]).answer('what happens to my data when I close my account?').answered).toBe(true);
  });

  it('answers which country data is stored in only where a passage names one', () => {
    const hosting = [[['Hosting'], 'We store your account data on servers run by our hosting provider.'], [['Cookies'], 'We use cookies to keep you signed in.']] as Array<[string[], string]>;
    const question = 'which country are the servers with my account data in?';
    expect(createAnswerer([policy('Host Notice', hosting)]).answer(question).answered).toBe(false);
    const named = policy('Host Notice', [[['Hosting'], 'We store your account data on servers in Ireland, run by our hosting provider.'], hosting[1]!]);
    expect(topSection(createAnswerer([named]), question)).toBe('Hosting');
  });

  it('reads "hiring" as a job opening only when the question asks for one, not in a question about applicants', () => {
    const applicants = createAnswerer([
      policy('Crew Notice', [
        [['Job applicants'], 'When you apply for a job, we look at your CV and the public profiles you link to while we decide.'],
        [['Cookies'], 'We use cookies to keep you signed in.'],
      ]),
    ]);
    expect(topSection(applicants, 'hiring question: may we look at a job applicant’s public profiles while we decide?')).toBe('Job applicants');
    expect(applicants.answer('are you hiring engineers? I want to apply for a job').answered).toBe(false);
  });

  it('takes a detail the policy writes as its initials for stated ("GPC" for Global Privacy Control)', () => {
    const gpc = policy('Signal Notice', [
      [['Opting out'], 'We treat a GPC browser signal as a valid request to opt out of sharing.'],
      [['Cookies'], 'We use cookies to keep you signed in.'],
    ]);
    expect(topSection(createAnswerer([gpc]), 'do you respect the global privacy control setting in my browser?')).toBe('Opting out');
  });

  it('takes a detail written beside one the policy states as part of it ("SAML SSO" where the policy says SAML)', () => {
    const saml = createAnswerer([
      policy('Sign-in Notice', [
        [['Sign-in cookies'], 'The saml_state cookie keeps your place while you sign in with SAML, until you close the browser.'],
        [['Sharing'], 'We share data with our hosting provider only.'],
      ]),
    ]);
    expect(topSection(saml, 'which cookies are set when we sign in through SAML SSO?')).toBe('Sign-in cookies');
    expect(saml.answer('do you support Okta SSO?').answered).toBe(false);
  });

  /** A policy of one section under test, and a cookie section beside it. */
  const withSection = (heading: string, text: string) => createAnswerer([policy(`${heading} Notice`, [[[heading], text], [['Cookies'], 'We use cookies to keep you signed in.']])]);

  it('declines the name of a data protection officer the policy gives only an email for, and answers where it names one', () => {
    const contact = (text: string) => withSection('Contact', text);
    const emailOnly = contact('Write to our data protection officer at dpo@officer.example with any privacy question.');
    expect(emailOnly.answer("what's the name of your data protection officer?").answered).toBe(false);
    expect(topSection(emailOnly, 'how do I reach your data protection officer?')).toBe('Contact');
    const named = contact('Our data protection officer is Mira Kovacs; write to dpo@officer.example with any privacy question.');
    expect(topSection(named, "what's the name of your data protection officer?")).toBe('Contact');
  });

  it('declines which company does a job when the policy names only the kind of vendor, and answers where it names one', () => {
    const vendors = (text: string) => withSection('Identity checks', text);
    const question = 'which company does the identity verification for you, is it LexisNexis or someone else?';
    expect(vendors('An identity verification vendor checks your ID document and selfie for us.').answer(question).answered).toBe(false);
    expect(topSection(vendors('An identity verification vendor, Veriffy, checks your ID document and selfie for us.'), question)).toBe('Identity checks');
  });

  it('reads "is that fine" as asking whether it is allowed, not about fines', () => {
    const donors = policy('Donor Notice', [
      [['Donors'], 'We ask donors for a postal address only to send the gifts they choose.'],
      [['Cookies'], 'We use cookies to keep you signed in.'],
    ]);
    expect(topSection(createAnswerer([donors]), 'we want to ask donors for their postal address to send gifts, is that fine?')).toBe('Donors');
  });

  it('answers a question about a named practice where the policy names it, and declines it where it does not', () => {
    expect(createAnswerer([withDnt]).answer('do you respect do not track?').passages[0]?.section).toEqual(['Browser signals']);
    expect(createAnswerer([withoutDnt]).answer('do you respect do not track?').answered).toBe(false);
  });

  it('answers a named practice the policy states in other words (SSO as SAML, in transit as TLS), and declines it where it does not', () => {
    const sessions = (text: string) => createAnswerer([policy('Pebble Cookie Notice', [[['Sign-in cookies'], text], [['Contact'], 'Write to privacy@pebble.example.']])]);
    const question = 'which cookie keeps my session during sso login and when does it expire?';
    expect(topSection(sessions('The saml_state cookie keeps your session during a SAML sign-in and expires after five minutes.'), question)).toBe('Sign-in cookies');
    expect(sessions('The session cookie keeps you signed in and expires after two weeks.').answer(question).answered).toBe(false);
    const transit = 'is my data encrypted in transit?';
    expect(topSection(sessions('Everything you send us is encrypted with TLS, and sign-in cookies are marked secure.'), transit)).toBe('Sign-in cookies');
    expect(sessions('Sign-in cookies are marked secure and expire after two weeks.').answer(transit).answered).toBe(false);
    // GitHub's wording: a link and an acronym between "Do Not Track" and "signal".
    const dnt = 'Do we respect Do Not Track signals from browsers?';
    expect(topSection(sessions('If your browser sends a Do Not Track (DNT) signal, we will not set non-essential cookies.'), dnt)).toBe('Sign-in cookies');
    expect(sessions('Sign-in cookies are marked secure and expire after two weeks.').answer(dnt).answered).toBe(false);
  });

  it('reads a question naming a thing the policy names in passing (a cookie, a vendor) as about the policy', () => {
    const cookies = policy('Pebble Cookie Notice', [
      [['Cookies we use'], 'The zqtoken cookie remembers your sign-in for a day. The plv_ab cookie splits visitors into two groups for a week.'],
      [['Analytics'], 'We count page views with Fathom, which sets no cookies at all.'],
      [['Contact'], 'Write to privacy@pebble.example.'],
    ]);
    const answerer = createAnswerer([cookies]);
    expect(topSection(answerer, 'wtf is zqtoken')).toBe('Cookies we use');
    expect(answerer.explain('wtf is zqtoken').query.concepts.find((c) => c.surface === 'zqtoken')?.topical).toBe(true);
    // A name the policy never uses stays what it was: a question about something else.
    expect(answerer.answer('wtf is blorptoken').answered).toBe(false);
    expect(createAnswerer([cookies], { query: { namedThingPassages: 0 } }).answer('wtf is zqtoken').answered).toBe(false);
  });

  it("reads a vendor's product named in capitals (\"Microsoft Clarity\") as a thing the policy names, but not a law or a sentence's first word", () => {
    const notice = (cookieRow: string) =>
      policy('Pebble Cookie Notice', [
        [['Cookies we use'], cookieRow],
        [['Analytics'], 'We count page views with Fathom, which sets no cookies at all. Different Zorblax products keep their own notices.'],
        [['Contact'], 'Write to privacy@pebble.example.'],
      ]);
    const question = 'is microsoft clarity running on the site?';
    const withProduct = createAnswerer([notice('The ANONCHK cookie is set by the Microsoft Clarity script and lasts one year.')]);
    expect(withProduct.explain(question).query.concepts.find((c) => c.surface === 'clarity')?.topical).toBe(true);
    // A law's name is ordinary words ("act"), and "Different" opens its sentence: neither names a product.
    const withLaw = createAnswerer([notice('Under the California Privacy Act the ANONCHK cookie lasts one year.')]);
    for (const [answerer, word] of [[withLaw, 'act'], [withProduct, 'different']] as const) {
      expect(answerer.explain(`what does ${word} mean here`).query.concepts.find((c) => c.surface === word)?.topical ?? false, word).toBe(false);
    }
  });

  it('matches a stated practice as the whole phrase, not as its last word', () => {
    const trackingHeavy = policy('Tracking Notice', [
      [['Analytics'], 'We track page views and track clicks to measure which features people use; we track errors too.'],
      [['Choices'], 'You can block cookies in your browser. We do not respond to Do Not Track signals at this time.'],
    ]);
    const answerer = createAnswerer([trackingHeavy]);
    expect(answerer.answer('do you respect the do not track setting in my browser?').passages[0]?.section).toEqual(['Choices']);
    expect(answerer.explain('do you honour do not track').query.concepts.map((c) => c.surface)).toContain('do not track');
  });
});

describe('the policy’s own acronyms and phrases', () => {
  const transfers = policy('Transfer Notice', [
    [['International transfers'], 'We take part in the EU-U.S. Data Privacy Framework for data we receive from the European Union.'],
    [['The app'], 'The Pocket-Notes-App keeps your notes on your phone and never uploads them.'],
    [['Events'], 'At our annual party we take photos of attendees.'],
    [['Service providers'], 'We share personal data with third parties that host our servers and send our e-mails.'],
  ]);
  const answerer = createAnswerer([transfers]);

  it('reads the acronym of one of its names as that name', () => {
    expect(answerer.explain('does PNA upload my notes?').query.concepts.map((c) => c.surface)).toEqual(expect.arrayContaining(['pocket', 'notes', 'app']));
    expect(topSection(answerer, 'does PNA upload my notes?')).toBe('The app');
  });

  it('looks for a family’s multi-word wording as a phrase ("third parties"), not word by word ("party")', () => {
    expect(topSection(answerer, 'which vendors get my data?')).toBe('Service providers');
  });
});

describe('a company name of English words', () => {
  const notice = policy("Let's Shop Privacy Policy", [
    [['We do not sell your data'], "Let's Shop never sells the personal data of its customers to anyone."],
    [['Payments'], 'We send your card number to our payment processor to take payment for your order.'],
  ]);
  const answerer = createAnswerer([notice]);

  it('reads the initials of the name as the name ("LS" for Let\'s Shop)', () => {
    expect(answerer.explain('does LS sell my data?').query.concepts.map((c) => c.surface)).not.toContain('ls');
  });

  it('reads the name typed with or without its apostrophe as the name, not as what the question is about', () => {
    for (const question of ["does let's shop sell people's data??", 'does lets shop sell peoples data??']) {
      expect(answerer.explain(question).query.concepts.map((c) => c.surface), question).not.toContain('shop');
      expect(topSection(answerer, question), question).toBe('We do not sell your data');
    }
  });
});

describe('a name with chat shorthand in it', () => {
  it('reads "Read the Docs" as the name before it reads "docs" as shorthand for documents', () => {
    const docs = policy('Read the Docs Privacy Policy', [
      [['Our services'], 'Read the Docs hosts documentation for open source projects.'],
      [['Staff access'], 'Our staff open a private project only for support, with your consent.'],
    ], { url: 'https://readthedocs.org/privacy-policy' });
    const surfaces = createAnswerer([docs]).explain('can Read the Docs staff open my private project?').query.concepts.map((c) => c.surface);
    expect(surfaces).not.toContain('read');
    expect(surfaces).not.toContain('the documents');
  });
});

describe('chat shorthand', () => {
  const notice = policy('Badge Privacy Notice', [
    [['Profile pictures'], 'The picture on your profile is shown next to the comments you post on other sites.'],
    [['Certificates'], 'When you ask for a certificate, we publish the domain names it covers in public logs.'],
    [['Payments'], 'We send your card number to our payment processor to take payment for your order.'],
  ]);
  const answerer = createAnswerer([notice]);

  it('reads "pic" and "cert" as the words a policy writes, not as typos of an acronym', () => {
    expect(topSection(answerer, 'why does my profile pic show up on other sites')).toBe('Profile pictures');
    expect(topSection(answerer, 'will my domain end up public once i get a cert')).toBe('Certificates');
  });

  it('reads "diff" as the difference it asks about', () => {
    const kinds = createAnswerer([
      policy('Crumb Kinds Notice', [
        [['Kinds of cookies'], 'The difference between session cookies and persistent cookies is how long they stay: until you close the browser, or until they expire.'],
        [['Sharing'], 'We share data with our hosting provider only.'],
      ]),
    ]);
    expect(kinds.explain('whats the diff between a session cookie and a persistent one').query.concepts.map((c) => c.surface)).toContain('difference');
  });
});

describe('browser and device names', () => {
  const notice = policy('Signal Privacy Notice', [
    [['Do Not Track'], 'We honour the Do Not Track setting of your browser and drop analytics cookies when it is on.'],
    [['Location'], 'The app reads the location of your phone only while you use the map.'],
    [['Payments'], 'We send your card number to our payment processor to take payment for your order.'],
  ]);
  const answerer = createAnswerer([notice]);

  it('reads a browser or phone the policy never names as the browser or the device it does', () => {
    expect(topSection(answerer, 'I turned on Do Not Track in Firefox, do you respect it?')).toBe('Do Not Track');
    expect(topSection(answerer, 'why does the app read where my android is?')).toBe('Location');
  });

  it('reads a mobile app as a mobile app, not as the website', () => {
    const sections = (second: [string[], string]): PolicyDocument => policy('Web Cookie Notice', [[['Cookies'], 'Our website sets cookies to keep you signed in.'], second]);
    const question = 'does your mobile app set these cookies too?';
    expect(topSection(createAnswerer([sections([['Mobile app'], 'Our mobile app stores a sign-in token instead of cookies.'])]), question)).toBe('Mobile app');
    const webOnly = createAnswerer([sections([['Analytics'], 'We count visits to our website with analytics cookies.'])]);
    expect(webOnly.explain(question).candidates[0]!.coverage).toBeLessThan(0.8);
  });
});

describe('getting deleted things back', () => {
  const notice = policy('Notes Privacy Notice', [
    [['Deletion'], 'Deleted notes stay in the trash for 30 days, and you can restore them from there.'],
    [['Cookies'], 'We set a cookie to remember that you are signed in when you return to the site.'],
    [['Payments'], 'We send your card number to our payment processor to take payment for your order.'],
  ]);
  const answerer = createAnswerer([notice]);

  it('reads "get it back" and "by accident" as restoring, and "come back" as no topic', () => {
    expect(topSection(answerer, 'customer deleted a note by accident last week, can they get it back?')).toBe('Deletion');
    expect(answerer.explain('how do you remember im signed in when i come back the next day').query.concepts.map((c) => c.surface)).not.toContain('back');
  });
});

describe('staff and colleagues', () => {
  const notice = policy('Vault Privacy Notice', [
    [['Access by our employees'], 'Our employees open your private files only when you ask for support or the law requires it.'],
    [['Cookie banner'], 'Visitors from the European Union see a cookie banner; elsewhere we set only essential cookies.'],
    [['Payments'], 'We send your card number to our payment processor to take payment for your order.'],
  ]);
  const answerer = createAnswerer([notice]);

  it('reads staff as the employees a policy names, and a colleague as nobody in particular', () => {
    expect(topSection(answerer, 'can your staff just open my private files?')).toBe('Access by our employees');
    expect(topSection(answerer, 'my colleague in Germany sees a cookie banner but I never do, why?')).toBe('Cookie banner');
  });
});

describe('who relays the question', () => {
  const roles = policy('Roles Notice', [
    [['Subscriber'], 'If you are a subscriber, we keep the e-mail address of your account.'],
    [['Visitor'], 'If you visit our site, we keep server logs with your IP address and retain them for a retention period of ten days.'],
  ]);

  it('keeps a role the policy has its own section for, even when it opens the question like a name ("Subscriber asks")', () => {
    expect(topSection(createAnswerer([roles]), 'Subscriber asks how long we keep their data')).toBe('Subscriber');
  });
});

describe('passing data on', () => {
  const notice = policy('Relay Privacy Notice', [
    [['Providing your data to others'], 'We provide your contact details to the courier that delivers your order, and to no one else.'],
    [['Security'], 'We protect your contact details with encryption and access controls.'],
  ]);

  it('reads "passes my data on to" as sharing, with words between', () => {
    expect(topSection(createAnswerer([notice]), 'who does the shop pass my contact details on to?')).toBe('Providing your data to others');
  });
});

describe('out of date details and a policy taking effect', () => {
  const notice = policy('Ledger Privacy Notice', [
    [['Correcting your details'], 'You can correct or update the name and e-mail address on your account at any time.'],
    [['Policy updates'], 'This notice is effective from the date shown above; we post every new version here.'],
  ]);
  const answerer = createAnswerer([notice]);

  it('reads "out of date" as correcting, and "took effect" as the policy’s version', () => {
    expect(topSection(answerer, 'the name and email on my account are out of date, how do i fix them')).toBe('Correcting your details');
    expect(topSection(answerer, 'when did this version of the notice take effect?')).toBe('Policy updates');
  });
});

describe('editing the policy, a site that breaks, and leaving for another tool', () => {
  const notice = policy('Kite Privacy Notice', [
    [['Analytics'], 'Analytics cookies count page views; you can block analytics cookies in your browser settings.'],
    [['Cookies you cannot refuse'], 'Kite sets a sign-in cookie. Without it, some features of Kite will not function properly.'],
    [['Transfers'], 'We move data to servers in other countries under standard contractual clauses.'],
    [['Your rights'], 'You may request a copy of your personal data in a portable, machine-readable format.'],
    [['Changes to this notice'], 'When this notice changes in a material way, we e-mail account holders thirty days ahead.'],
  ]);
  const answerer = createAnswerer([notice]);

  it('reads "tweak the privacy policy" and "the updated policy" as the policy changing', () => {
    expect(topSection(answerer, 'if we tweak our privacy policy next month, do users have to be told?')).toBe('Changes to this notice');
    expect(topSection(answerer, 'how would users find out about the updated policy?')).toBe('Changes to this notice');
  });

  it('reads "will it still work" and "broken" as the features that need what was blocked', () => {
    expect(topSection(answerer, 'if i block every cookie will kite still work?')).toBe('Cookies you cannot refuse');
    expect(topSection(answerer, 'user blocked cookies and now parts of the site are broken, is that expected')).toBe('Cookies you cannot refuse');
    expect(topSection(answerer, 'if i block every cookie can i still log in?')).toBe('Cookies you cannot refuse');
  });

  it('reads moving to a different tool as taking one\'s data along', () => {
    expect(topSection(answerer, 'customer is moving to a different tool and wants all their data, how?')).toBe('Your rights');
  });
});

describe('safety of an account and someone posing as its owner', () => {
  const notice = policy('Dune Privacy Notice', [
    [['Your account'], 'Your account holds your name, your e-mail address and the settings you choose.'],
    [['Encryption'], 'We encrypt stored files and offer two-step sign-in.'],
    [['Preventing fraud'], 'We check sign-ins to your account for signs of fraud, such as stolen credentials.'],
  ]);
  const answerer = createAnswerer([notice]);

  it('reads "hack-proof" and "safer" as security, and "impersonate" as fraud', () => {
    expect(topSection(answerer, 'is my account totally hack-proof? anything to make it safer')).toBe('Encryption');
    expect(topSection(answerer, 'what if someone tries to impersonate me to get into my account?')).toBe('Preventing fraud');
  });
});

describe('retention stated as deletion', () => {
  const notice = policy('Memo Privacy Notice', [
    [['Diary entries'], 'Diary entries are kept on your phone so that you can remember whom you met.'],
    [['When data is deleted'], 'Diary entries on your phone are deleted after 16 days.'],
  ]);
  const answerer = createAnswerer([notice]);

  it('reads "how long" as asking where the policy says data is deleted after a period', () => {
    const question = 'how long do my diary entries stay on the phone?';
    const coverage = (section: string): number | undefined => answerer.explain(question).candidates.find((c) => c.passage.section[0] === section)?.coverage;
    expect(coverage('When data is deleted')).toBeGreaterThanOrEqual(coverage('Diary entries') ?? 1);
  });
});

describe('changing one\'s mind', () => {
  const notice = policy('Poll Privacy Notice', [
    [['Surveys'], 'You can take part in our surveys; your answers are sent to our research team.'],
    [['Withdrawing consent'], 'You can withdraw your consent to a survey at any time in the app settings.'],
  ]);
  const answerer = createAnswerer([notice]);

  it('reads "regret", "pull back" and "back out" as withdrawing consent', () => {
    for (const question of ['I took one of your surveys and want to back out now, how?', 'sent my survey answers and now I regret it, can I pull them back?']) {
      expect(topSection(answerer, question), question).toBe('Withdrawing consent');
    }
  });
});

describe('reusing the policy itself', () => {
  const notice = policy('Quill Privacy Notice', [
    [['Your data'], 'You can request a copy of your personal data, and we will send it within a month.'],
    [['Reusing this notice'], 'This notice is available under a Creative Commons licence: you may adapt it for your own use.'],
  ]);
  const answerer = createAnswerer([notice]);

  it('reads "borrow your privacy policy wording" and "copy ur privacy policy" as reusing the policy, not a copy of one\'s data', () => {
    for (const question of ['can I borrow your privacy policy wording for my own site?', 'can i just copy ur privacy policy for my own site lol']) {
      expect(topSection(answerer, question), question).toBe('Reusing this notice');
    }
  });
});

describe('everyday words for web things', () => {
  const notice = policy('Proof Privacy Notice', [
    [['Bot protection'], 'A bot check on the sign-in page tells people from bots; it sees your browser and network.'],
    [['Payments'], 'We send your card number to our payment processor to take payment for your order.'],
  ]);

  it('reads an expiry that resets on every visit as one that applies on a rolling basis', () => {
    const table = createAnswerer([
      policy('Crumb Table Notice', [
        [['Cookies we set'], 'session_id keeps you signed in for two weeks; prefs keeps your theme for one year.'],
        [['Expiry'], 'The expiration periods above apply on a rolling basis.'],
        [['Sharing'], 'We share data with our hosting provider only.'],
      ]),
    ]);
    expect(topSection(table, 'do the cookie expiry times reset every time I visit, or are they fixed from the first visit?')).toBe('Expiry');
  });

  it('reads what a device sends out or broadcasts as what it transmits', () => {
    const beacons = createAnswerer([
      policy('Beacon Notice', [
        [['Exposure logging'], 'Your phone transmits a random ID over Bluetooth every few minutes, which nearby phones record.'],
        [['Sharing'], 'We share data with our hosting provider only.'],
        [['Contact'], 'Write to privacy@beacon.example with questions.'],
      ]),
    ]);
    expect(topSection(beacons, 'what is my phone sending out to strangers all the time?')).toBe('Exposure logging');
  });

  it('reads "how does it remember…" as a question about cookies', () => {
    const sites = policy('Pref Notice', [
      [['Cookies'], 'We set a cookie that keeps your language and theme choices.'],
      [['Payments'], 'We send your card number to our payment processor to take payment for your order.'],
    ]);
    expect(topSection(createAnswerer([sites]), 'how does the site remember which language I picked?')).toBe('Cookies');
  });

  it('reads a captcha as a bot check, a word WordNet does not know', () => {
    expect(topSection(createAnswerer([notice]), 'what does the captcha on the login page see?')).toBe('Bot protection');
  });
});

describe('the company changing hands, as people say it', () => {
  const shop = policy('Tinyshop Privacy Notice', [
    [['What we collect'], 'Tinyshop collects your name and delivery address when you place an order with a big catalogue of products.'],
    [['Business transfers'], 'If Tinyshop is involved in a merger, acquisition or sale of assets, your information may be transferred as part of that transaction.'],
    [['Contact'], 'Write to privacy@tinyshop.example with any question about this notice.'],
  ]);
  const answerer = createAnswerer([shop]);

  it('reads "bought out", "went bust" and the buyer described as "some big tech company" as a business transfer', () => {
    for (const question of ['what happens to my stuff if tinyshop gets bought out by some big tech company?', 'what happens to my data if tinyshop went bust?']) {
      expect(topSection(answerer, question), question).toBe('Business transfers');
      expect(answerer.answer(question).answered, question).toBe(true);
    }
  });
});

describe('an exact period asked for', () => {
  const keeper = createAnswerer([policy('Keeper Privacy Notice', [[['Retention'], 'We keep your account data for as long as your account is open.']])]);

  it('answers how long data is kept from a passage without a figure, but not how long exactly', () => {
    expect(keeper.answer('how long do you keep my account data?').answered).toBe(true);
    expect(keeper.answer('how long exactly do you keep my account data?').answered).toBe(false);
  });
});

describe('a phone number or an e-mail address asked for', () => {
  const sections: Array<[string[], string]> = [
    [['What we collect'], 'We collect your phone number and e-mail address when you sign up, and notes of your calls with our support team.'],
    [['Contact'], 'Write to privacy@callco.example with questions about privacy.'],
  ];
  const withPhone = createAnswerer([policy('Callco Privacy Notice', [sections[0]!, [['Contact'], `${sections[1]![1]} You can also call us at 1-800-555-0199.`]])]);
  const withoutPhone = createAnswerer([policy('Callco Privacy Notice', sections)]);

  it('answers from the passage that gives one, though other passages share more of the words', () => {
    expect(topSection(withPhone, 'is there a phone number I can call about my privacy questions?')).toBe('Contact');
  });

  it('declines where no passage gives one', () => {
    expect(withoutPhone.answer('is there a phone number I can call about my privacy questions?').answered).toBe(false);
    expect(withoutPhone.answer('do you collect my phone number?').answered).toBe(true);
  });

  it('treats an e-mail address asked for the same way, written out or not', () => {
    const noEmail = createAnswerer([policy('Callco Privacy Notice', [sections[0]!, [['Contact'], 'Use the contact form on our website with questions about privacy.']])]);
    expect(topSection(withoutPhone, "what's the email address for privacy questions?")).toBe('Contact');
    expect(noEmail.answer("what's the email address for privacy questions?").answered).toBe(false);
    const obfuscated = createAnswerer([policy('Callco Privacy Notice', [sections[0]!, [['Contact'], 'Write to privacy[at]callco[dot]example with questions about privacy.']])]);
    expect(obfuscated.answer("what's the email address for privacy questions?").answered).toBe(true);
  });

  it('treats a postal address asked for the same way, and not the asker\'s own address', () => {
    const collects = [['What we collect'], 'We collect your name, mailing address and e-mail address when you order, to send you what you order.'] as [string[], string];
    const withStreet = createAnswerer([policy('Callco Privacy Notice', [collects, [['Contact'], 'Questions about privacy? Callco Ltd, 12 Harbour Road, Leeds LS1 4DT.']])]);
    const withoutStreet = createAnswerer([policy('Callco Privacy Notice', [collects, sections[1]!])]);
    const asked = 'Customer wants to send a privacy request by post. What mailing address should they use?';
    expect(topSection(withStreet, asked)).toBe('Contact');
    expect(withoutStreet.answer(asked).answered).toBe(false);
    expect(withoutStreet.answer('do you keep my mailing address?').answered).toBe(true);
  });
});

describe('asking what stays private', () => {
  it('reads "private", "visible" and "public" as one question about what others can see', () => {
    const forum = createAnswerer([policy('Forum Notice', [[[], 'This is the internet: you have no privacy here. Nobody under 13 may have an account.']])]);
    for (const question of ['is anything I post here actually private?', 'will the stuff i write stay private?']) expect(forum.answer(question).answered, question).toBe(true);
    const profiles = createAnswerer([tinyShop, policy('Boardly Privacy Notice', [[['Profiles'], 'Your display name and avatar are public and can be seen by other users.']])]);
    expect(topSection(profiles, 'is my avatar private or can people see it?')).toBe('Profiles');
  });
});

describe('everyday asks and the policy wording they mean', () => {
  // Each case: a passage in the policy's words, a distractor that shares the asker's words, and the ask.
  it.each([
    ['a copy of one\'s data is what a policy lets you export', [['Your account'], 'You can export your personal information or delete your account in Settings.'], [['Recordings'], 'Hosts can record meetings and download the recordings from the room page.'], 'how can i download a copy of all my data?'],
    ['where one lives is the geographic location a policy infers', [['Information we collect automatically'], 'We collect your IP address and regional geolocation data, from which we infer your general geographic location.'], [['Cookies'], 'We use cookies and similar tracking technologies to remember your settings and measure how you use the site.'], 'how do you know roughly where i live?'],
    ['stopping what one agreed to is withdrawing consent', [['Withdrawing your consent', 'Crash reports'], 'You can withdraw your consent to crash reports at any time in the settings of the app.'], [['Why we process your data', 'Crash reports'], 'Crash reports you send us help us find and fix the cause of each crash, and we read every crash report.'], 'how do i stop having my crash report analysed after i already sent it in'],
  ] as Array<[string, [string[], string], [string[], string], string]>)('%s', (_kind, answering, distractor, question) => {
    const answerer = createAnswerer([policy('Pebble Privacy Notice', [distractor, answering, [['Contact'], 'Write to privacy@pebble.example.']])]);
    expect(topSection(answerer, question)).toBe(answering[0].join(' › '));
  });
});

describe('asking how long', () => {
  it('answers from the passage that says how long, not the one that describes the thing at most length', () => {
    const shop = policy('Pebble Privacy Notice', [
      [['Billing records'], 'Every order creates a billing record. Billing records list what you ordered, the price, your billing address and the invoice number, and our billing team uses these records to answer questions about payments.'],
      [['Billing records and the law'], 'Tax law requires us to hold billing records for seven years. After that we delete them.'],
      [['Contact'], 'Write to privacy@pebble.example with any question.'],
    ]);
    const answerer = createAnswerer([shop]);
    for (const question of ['how long do you hang on to my billing records?', 'what is the retention period for billing records?']) expect(topSection(answerer, question), question).toBe('Billing records and the law');
    expect(topSection(answerer, 'what do billing records list?')).toBe('Billing records');
  });
});

describe('an answer in one sentence', () => {
  it('prefers the passage that says it in one sentence to one that spreads the same words over several', () => {
    const sections: Array<[string[], string]> = [
      [['How we work'], 'Partners help us. Newsletters come out monthly. They reach your email address. Sharing is rare.'],
      [['Our commitments'], 'Our staff take privacy training every year. Your email address is shared with our partners, who send you their newsletters.'],
      [['Contact'], 'Write to privacy@pebble.example.'],
    ];
    const question = 'do you share my email address with partners for newsletters?';
    expect(topSection(createAnswerer([policy('Pebble Privacy Notice', sections)]), question)).toBe('Our commitments');
    // Passage-level scores alone put the spread words first; so does a weight that is not a number.
    for (const sentenceRerankWeight of [0, Number.NaN]) {
      expect(topSection(createAnswerer([policy('Pebble Privacy Notice', sections)], { ranking: { sentenceRerankWeight } }), question)).toBe('How we work');
    }
    // Showing highlights or not changes nothing in the ranking.
    expect(topSection(createAnswerer([policy('Pebble Privacy Notice', sections)], { features: { highlights: false } }), question)).toBe('Our commitments');
  });
});

describe('asking which country', () => {
  it('answers from the passage that names the place, not the one that says more about the data', () => {
    const hosting = createAnswerer([policy('Pebble Privacy Notice', [
      [['Account data'], 'Your account data includes your name and e-mail address. We store your account data on our servers, and we store a copy of your account data in backups.'],
      [['Hosting'], 'We store account data and logs on servers in Ireland.'],
      [['Contact'], 'Write to privacy@pebble.example.'],
    ])]);
    expect(topSection(hosting, 'which country do you store my account data in?')).toBe('Hosting');
    expect(topSection(hosting, 'do you store a copy of my account data in backups?')).toBe('Account data');
  });
});

describe('asking on what legal basis', () => {
  it('answers from the passage that states the basis, not the purpose it justifies', () => {
    const mailer = createAnswerer([policy('Pebble Privacy Notice', [
      [['Marketing e-mails'], 'We send marketing e-mails about new products and offers. Marketing e-mails include a link to unsubscribe, and we measure which marketing e-mails are opened.'],
      [['Marketing e-mails', 'Why we may do this'], 'We send marketing e-mails on the basis of your consent, which you can withdraw at any time.'],
      [['Contact'], 'Write to privacy@pebble.example.'],
    ])]);
    expect(topSection(mailer, 'on what grounds do you send me marketing e-mails?')).toBe('Marketing e-mails › Why we may do this');
    expect(topSection(mailer, 'how do I unsubscribe from marketing e-mails?')).toBe('Marketing e-mails');
  });
});

describe('asking why', () => {
  it('answers from the section whose heading says why, though another says the question\'s words more often', () => {
    const signIn = policy('Signin Privacy Notice', [
      [['Authority', 'Who allows us to collect personal information?'], 'The law that set up this service allows us to collect personal information, and the personal information we collect is described in the notice for this service.'],
      [['Purpose', 'Why do we need your personal information?'], 'To verify who you are before you sign in to a partner site.'],
      [['Sharing'], 'We share a record of your sign-in with the site you sign in to.'],
    ]);
    expect(topSection(createAnswerer([signIn]), 'why do u need my personal info')).toBe('Purpose › Why do we need your personal information?');
    expect(topSection(createAnswerer([signIn]), 'who allows you to collect personal information?')).toBe('Authority › Who allows us to collect personal information?');
  });
});

describe('asking for the gist of the whole policy', () => {
  it('answers from the opening passage, whatever its heading, and on a one-passage page too', () => {
    const opening = policy('Pebble Privacy Notice', [
      [['Welcome'], 'Pebble keeps as little about you as it can and never sells it.'],
      ...tinyShop.sections.slice(0, 3).map((section): [string[], string] => [section.path, section.text]),
    ]);
    for (const question of ["what's the tl;dr of this privacy policy?", 'what is our official stance on privacy?']) expect(topSection(createAnswerer([opening]), question), question).toBe('Welcome');
    const forum = createAnswerer([policy('Forum Notice', [[[], 'This is the internet: you have no privacy here. Nobody under 13 may have an account.']])]);
    for (const question of ['what privacy promises does the site make to its members?', 'User wants the short version: what does the privacy page basically say?']) expect(forum.answer(question).answered, question).toBe(true);
  });
});

describe('a breach notice asked for', () => {
  const sections: Array<[string[], string]> = [
    [['Security'], 'We protect your data with encryption and access controls, and we notify you by e-mail when your password changes.'],
    [['Contact'], 'Write to privacy@pebble.example.'],
  ];
  const question = 'if you get hacked will you actually tell me my data leaked?';

  it('declines where no sentence names a breach and telling people about it, however much a security section shares', () => {
    expectDeclinedByRule(policy('Pebble Notice', sections), question, 'requireStatedBreachNotice');
  });

  it('answers from the sentence that says so, and leaves "can I tell them it can never be breached?" alone', () => {
    const stated = policy('Pebble Notice', [[['Security'], `${sections[0]![1]} If we learn of a security breach, we will notify you.`], sections[1]!]);
    expect(topSection(createAnswerer([stated]), question)).toBe('Security');
    const answerer = createAnswerer([policy('Pebble Notice', sections)]);
    expect(answerer.explain('a prospect asks us to promise their data can never be breached. can i tell them that?').query.asksBreachNotice).toBe(false);
    expect(answerer.explain('would we notify users if the servers were compromised?').query.asksBreachNotice).toBe(true);
  });

  it('answers from the passage it leads with when that passage says so, however little else of the question it shares', () => {
    const stated = policy('Pebble Notice', [[['Security'], `${sections[0]![1]} If we learn of a security breach, we will notify you so that you can protect yourself.`], sections[1]!]);
    const question = 'Ticket from a partner org with strict compliance rules: if there is a security incident involving user data, do we tell the affected users?';
    expect(createAnswerer([stated]).answer(question).answered).toBe(true);
    expect(createAnswerer([stated], { thresholds: { answerStatedBreachNotice: false } }).answer(question).answered).toBe(false);
  });

  it('still declines when the same question also asks for a detail the passage does not state (which country)', () => {
    const stated = policy('Pebble Notice', [[['Security'], `${sections[0]![1]} If we learn of a security breach on our servers, we will notify you.`], sections[1]!]);
    expectDeclinedByRule(stated, 'if the servers get hacked will you tell me, and where are your data centers located?', 'requireStatedCountry');
  });
});

describe('the country data is kept in, asked for', () => {
  const transfers: Array<[string[], string]> = [
    [['International transfers'], 'Your information may be used and stored by people and processors outside the European Economic Area (EEA), under standard contractual clauses.'],
    [['Contact'], 'Write to privacy@pebble.example.'],
  ];
  const question = 'Which countries are your data centers in? A prospect wants a list.';

  it('declines where the passage the answer leads with names no country, however much a transfers section shares', () => {
    expectDeclinedByRule(policy('Pebble Notice', transfers), question, 'requireStatedCountry');
  });

  it('answers from a passage that names one, and leaves the asker\'s own country alone', () => {
    const stated = policy('Pebble Notice', [[['Where your data is'], 'We store your information in data centers in Ireland and in other countries where our processors are, such as the US.'], ...transfers]);
    expect(topSection(createAnswerer([stated]), question)).toBe('Where your data is');
    const answerer = createAnswerer([policy('Pebble Notice', transfers)]);
    expect(answerer.explain("how do you know what country I'm in? I never shared my location").query.asksDataLocation).toBe(false);
    expect(answerer.explain('where are your servers located?').query.asksDataLocation).toBe(true);
  });
});

describe('a support question about something broken', () => {
  const app = policy('Pebble App Notice', [
    [['What the app collects'], 'The app collects the e-mail address you sign in with and crash reports you choose to send after an update.'],
    [['Correcting your data'], 'If your e-mail address or name is wrong, you can fix it in the app settings.'],
    [['Contact'], 'Write to privacy@pebble.example.'],
  ]);

  it.each(['Customer says the app crashes on startup after the latest update. Any fix?', 'is pebble down rn? cant get past the sign in page', 'the app keeps failing to sync since the update, how do i fix it', 'Is the pebble app down right now? My data won’t load.'])(
    'declines "%s", which shares the policy\'s words but asks for a repair',
    (question) => {
      expect(createAnswerer([app]).answer(question).answered).toBe(false);
      expect(createAnswerer([app], { thresholds: { declineTroubleshooting: false } }).explain(question).query.asksForFix).toBe(true);
    },
  );

  it('answers a fix of personal data, a crash report asked about, and a state that is not an outage', () => {
    const answerer = createAnswerer([app]);
    expect(answerer.answer('my email is wrong in the app, how do i fix it?').answered).toBe(true);
    expect(answerer.explain('does the app send a crash report on its own?').query.asksForFix).toBe(false);
    expect(answerer.explain('our account is shut down, do you still keep our data?').query.asksForFix).toBe(false);
    expect(answerer.explain('is my pebble account locked down? do you still keep my data?').query.asksForFix).toBe(false);
  });
});

describe('a question about jobs at the company', () => {
  const notice = policy('Pebble Notice', [
    [['Applicants'], 'If you apply for a job with our team in the Oslo office, we keep your CV and interview notes for six months.'],
    [['Transfers'], 'Our engineers in Norway and the United States may access personal data to run the service.'],
    [['Contact'], 'Write to privacy@pebble.example.'],
  ]);

  it.each(['Are we still hiring frontend devs in the Oslo office?', "What's the pay range for a support engineer role?", 'any open jobs with the team in the oslo office?'])(
    'declines "%s", which shares the policy\'s words but asks about openings',
    (question) => {
      expectDeclinedByRule(notice, question, 'declineJobOpenings');
      expect(createAnswerer([notice]).explain(question).query.asksAboutJobOpenings).toBe(true);
    },
  );

  it("answers a question about an applicant's data, and leaves a hiring flow alone", () => {
    const answerer = createAnswerer([notice]);
    expect(answerer.answer('are you still hiring? i applied for a job in oslo, how long do you keep my CV?').answered).toBe(true);
    expect(answerer.explain('is the pebble team hiring backend engineers right now?').query.asksAboutJobOpenings).toBe(true);
    expect(answerer.explain('what data does our hiring flow keep on people who apply to the oslo team?').query.asksAboutJobOpenings).toBe(false);
  });
});

describe('a question about changes to the policy itself', () => {
  const sections: Array<[string[], string]> = [
    [['Notifications'], 'We send you an e-mail notification when your account settings change or a new device signs in.'],
    [['Contact'], 'Write to privacy@pebble.example.'],
  ];
  const question = 'will you email me when the privacy policy changes?';

  it('is declined where the policy never mentions its own changes, however well a section shares its words', () => {
    expectDeclinedByRule(policy('Pebble Notice', sections), question, 'requireStatedPolicyChanges');
  });

  it('is answered where a heading or a sentence names a change to the policy', () => {
    const withSection = policy('Pebble Notice', [...sections, [['Changes to this policy'], 'We e-mail every user a month before a new version takes effect.']]);
    expect(topSection(createAnswerer([withSection]), question)).toBe('Changes to this policy');
    const withSentence = policy('Pebble Notice', [[['Notifications'], `${sections[0]![1]} We will post any changes to these terms on this page.`], sections[1]!]);
    expect(createAnswerer([withSentence]).answer(question).answered).toBe(true);
  });

  it('reads a change of the asker\'s own details as no change to the policy', () => {
    const answerer = createAnswerer([policy('Pebble Notice', sections)]);
    expect(answerer.explain('can i change my settings in line with the policy?').query.asksPolicyChange).toBe(false);
    expect(answerer.explain('the privacy notice got updated, what changed?').query.asksPolicyChange).toBe(true);
  });

  it('is answered from the changes section it leads with, however little of the story around it the section shares', () => {
    const withSection = policy('Pebble Notice', [...sections, [['Changes to this policy'], 'We may update this policy. The updates will be posted on this page.']]);
    const story = 'User asks: if they just keep using the Pebble watch after the policy gets updated, does that mean they have agreed to it?';
    expect(topSection(createAnswerer([withSection]), story)).toBe('Changes to this policy');
    expect(createAnswerer([withSection], { thresholds: { answerStatedPolicyChange: false } }).answer(story).answered).toBe(false);
  });
});

describe('a note after the question on who asks', () => {
  const notice = policy('Pebble Notice', [
    [['Security'], 'Our security team protects your data with encryption and reviews access to it every quarter.'],
    [['Do Not Track'], 'We do not respond to Do Not Track signals that browsers send.'],
    [['Contact'], 'Write to privacy@pebble.example.'],
  ]);

  it.each(["Do you honor the Do Not Track setting? A customer's security team is asking.", 'do you honor do not track? need it for a security review'])(
    'answers "%s" from what is asked, not from who asks',
    (question) => expect(topSection(createAnswerer([notice]), question)).toBe('Do Not Track'),
  );

  it('finds the note only when it asks nothing itself, and keeps a rarely stated detail named there', () => {
    expect(relayTailStart("Do you honor Do Not Track? A customer's security team is asking.")).toBe(27);
    expect(relayTailStart('Do you honor Do Not Track? Security wants to know if that covers the app.')).toBe(-1);
    expect(createAnswerer([notice]).answer('How secure is my data with you? Customer wants a SOC 2 report.').answered).toBe(false);
  });
});

describe('someone\'s age in the question', () => {
  const forum = policy('Forum Notice', [[[], 'Everything you post here is public. Nobody under 13 may have an account.']]);
  const answerer = createAnswerer([forum]);

  it('answers a story about a child of a stated age from the age limit, whatever else the story says', () => {
    for (const question of ['a parent writes in: their 12 year old made an account to chat with classmates about homework. is that allowed?', 'my 14 yo wants to share his minecraft builds here, is he allowed?', 'User says she is a 15-year-old and wants to post her drawings, is that ok?']) {
      expect(answerer.answer(question).answered, question).toBe(true);
    }
  });

  it('answers a question that asks for the age limit in words, or gives an age just reached, from the age limit', () => {
    for (const question of ['Do we have any age requirement written down anywhere for who can use the site?', 'i literally just turned 13 today, am i allowed to sign up or do i have to wait', 'A teacher asks what the age rules are for her students']) {
      expect(answerer.answer(question).answered, question).toBe(true);
    }
  });

  it('still declines a question with an age where no passage states an age limit', () => {
    const noLimit = createAnswerer([policy('Forum Notice', [[[], 'Everything you post here is public. Accounts need an e-mail address.']])]);
    expect(noLimit.answer('a parent writes in: their 12 year old made an account to chat with classmates about homework. is that allowed?').answered).toBe(false);
  });

  it('declines a question about a child\'s age that the children section matches but answers with no age limit', () => {
    const sections: Array<[string[], string]> = [
      [['Signing up'], 'To sign up for an account, you give us your name and e-mail address, and choose a password.'],
      [['Children'], 'Kids may not sign up for an account on their own: a parent must agree first.'],
      [['Contact'], 'Write to privacy@pebble.example.'],
    ];
    const question = 'my 12 yo wants to sign up for an account, is that ok?';
    expectDeclinedByRule(policy('Pebble Notice', sections), question, 'requireStatedAge');
    const withLimit = policy('Pebble Notice', [...sections.slice(0, 1), [['Children'], 'You must be 13 or older to sign up for an account.']]);
    expect(topSection(createAnswerer([withLimit]), question)).toBe('Children');
  });
});

describe('regional addenda', () => {
  const regional = policy('Regional Notice', [
    [['Your rights'], 'You may ask for a copy of your data, or ask us to correct or delete it.'],
    [['California residents'], 'California residents may ask for a copy of the data we hold, or ask us to delete it, under the CCPA.'],
  ]);
  const answerer = createAnswerer([regional]);

  it('declines a California question where only other regions\' residents and consumers are named', () => {
    const europeOnly = createAnswerer([policy('Europe Notice', [[['Your rights'], 'Residents of the EEA may ask for a copy of their data. Consumers may also ask us to delete it.']])]);
    expect(europeOnly.answer('im in california, what CCPA rights do i have as a resident?').answered).toBe(false);
    expect(answerer.answer('im in california, what CCPA rights do i have as a resident?').answered).toBe(true);
  });

  it('answer a general question from the general section, and a regional one from the addendum', () => {
    expect(topSection(answerer, 'can I ask you to delete my data?')).toBe('Your rights');
    expect(topSection(answerer, 'as a california resident can I ask you to delete my data?')).toBe('California residents');
  });
});

describe('a policy without headings', () => {
  const flat = policy('Flat Notice', [
    [[], 'We collect the e-mail address you give us. We keep it for two years. You may ask us to erase it. We never sell it. Questions go to privacy@flat.example.'],
  ]);
  const answerer = createAnswerer([flat]);

  it('still knows a privacy question when it sees one', () => {
    for (const question of ['can i get my info deleted?', 'how long do you hang on to my email?', 'do you sell my email?']) expect(answerer.answer(question).answered, question).toBe(true);
    expect(answerer.answer('what time does the office open?').answered).toBe(false);
  });

  it('takes the words a long flat page keeps using as what questions about it are about', () => {
    const topics = ['is made on your phone', 'changes every hour', 'never leaves your phone unless you warn others', 'is deleted after two weeks', 'cannot be linked to your name', 'is sent over bluetooth to phones nearby', 'is checked against warnings once a day', 'is not shown to anyone', 'lives only in the app', 'can be reset in the settings', 'is random', 'is kept in encrypted storage'];
    const longFlat = policy('Beacon App Notice', [[[], topics.map((topic) => `The app token ${topic}.`).join('\n\n')]]);
    const flatAnswerer = createAnswerer([longFlat], { maxPassageChars: 60 });
    expect(flatAnswerer.passages.length).toBeGreaterThanOrEqual(10);
    expect(flatAnswerer.answer('is the token random?').answered).toBe(true);
    expect(createAnswerer([longFlat], { maxPassageChars: 60, query: { flatTopicalPassages: 0 } }).answer('is the token random?').answered).toBe(false);
  });
});

describe('questions about what a word means', () => {
  const tokens = policy('Token Notice', [
    [['Measurement'], 'We give each device an analytics token and rotate analytics tokens daily.'],
    [['Glossary'], 'An analytics token is a random number that stands in for your device, so reports never show who you are.'],
    [['Sharing'], 'We share data with our hosting provider only.'],
  ]);

  it('answers from the passage that defines the word, and other questions about it from where it is used', () => {
    const answerer = createAnswerer([tokens]);
    for (const question of ['what is an analytics token?', 'what do you mean by analytics token?', 'Customer asks what an analytics token actually is']) {
      expect(topSection(answerer, question), question).toBe('Glossary');
    }
    expect(topSection(answerer, 'do you rotate analytics tokens?')).toBe('Measurement');
  });
});

describe('passage selection', () => {
  const long = policy('Long Notice', [
    ...Array.from({ length: 6 }, (_, i): [string[], string] => [[`Purpose ${i + 1}`], `We use your e-mail address for purpose number ${i + 1}, which concerns ${['billing', 'support', 'security', 'newsletters', 'surveys', 'events'][i]}.`]),
    [['Sharing'], 'We may share your e-mail address with:\n\nour payment processor;\n\nour support desk provider;\n\nour newsletter service, which sends the messages you asked for.'],
  ]);
  const answerer = createAnswerer([long]);

  it('gives as many passages as asked for when that many match, marking the weaker ones', () => {
    const answer = answerer.answer('what do you use my e-mail address for', { top: 5 });
    expect(answer.passages).toHaveLength(5);
    expect(answer.passages[0]!.confidence).toBe('high');
    const confidences = answer.passages.map((p) => p.confidence);
    // High-confidence passages come first.
    expect(confidences.indexOf('low') === -1 || confidences.slice(confidences.indexOf('low')).every((c) => c === 'low')).toBe(true);
  });

  it('quotes a list item with the sentence that introduces its list', () => {
    const short = createAnswerer([long], { maxPassageChars: 90 });
    const item = short.answer('do you share my email with your newsletter service?').passages.find((p) => p.text.startsWith('our newsletter service'));
    expect(item?.intro).toBe('We may share your e-mail address with:');
  });
});

describe('instructions about privacy are not product instructions', () => {
  const choices = policy('Choices Notice', [
    [['Newsletters'], 'You can unsubscribe from our newsletters with the link in every message.'],
    [['Deletion'], 'You can delete the data stored on your device by removing the app.'],
    [['What you give us'], 'You may choose to give us less information; some features will then not work.'],
  ]);
  const answerer = createAnswerer([choices]);

  it.each(['how do I unsubscribe from the newsletters?', 'how can I delete data on my phone?', 'can I choose to give you less info?'])('answers "%s"', (question) => {
    const explained = answerer.explain(question);
    expect(explained.query.productHowTo).toBe(false);
    expect(explained.answered).toBe(true);
  });

  it('reads a word that can be a verb as the action after "how do I" ("reset", "point"), though it is mostly a noun', () => {
    const account = createAnswerer([policy('Sitely Privacy Notice', [
      [['Your account'], 'We store your password hashed and the domain names you connect to your site.'],
      [['Marketing'], 'We never use a customer’s name in our marketing without asking them first.'],
    ])]);
    for (const question of ['how do I reset my password', 'how do I point my domain at my site']) {
      expect(account.explain(question).query.productHowTo, question).toBe(true);
      expect(account.answer(question).answered, question).toBe(false);
    }
    // After "can we" the next word may be anything, so only a word that is mostly a verb is the action.
    expect(account.explain('can we drop a customer’s name into our marketing?').query.productHowTo).toBe(false);
  });

  it('reads a relayed instruction request ("Customer asks how to…") as one, and a relayed privacy request as none', () => {
    const projects = createAnswerer([policy('Boardly Privacy Notice', [
      [['What we store'], 'We store the projects and lists you create so that you can move between them.'],
      [['Deletion'], 'You can delete your account and the data in your projects at any time.'],
    ])]);
    const relayed = 'Customer wants to know how to move a list from one project into another.';
    expect(projects.explain(relayed).query.productHowTo).toBe(true);
    expect(projects.answer(relayed).answered).toBe(false);
    expect(projects.explain('Customer asks how to delete their account and data.').query.productHowTo).toBe(false);
  });

  it('reads a verb the policy has only a dictionary relative of as foreign to it, unless a policy topic is its object', () => {
    const billing = createAnswerer([policy('Minutely Privacy Notice', [
      [['Payments'], 'When you purchase a plan, our payment processor receives your card details and billing address.'],
      [['Complaints'], 'You can file a complaint with your data protection authority.'],
      [['Organization accounts'], 'An organization owner can see the members of the organization.'],
    ])]);
    // "buy" reaches the policy only through WordNet's "purchase", and the organization is a heading word, not a topic
    // of the tables; "lodge" reaches "file", but the complaint is a topic.
    expect(billing.explain('how do we buy more minutes for our organization?').query.productHowTo).toBe(true);
    expect(billing.answer('how do we buy more minutes for our organization?').answered).toBe(false);
    expect(billing.explain('how do I lodge a complaint with a data protection authority').query.productHowTo).toBe(false);
    expect(billing.answer('how do I lodge a complaint with a data protection authority').passages[0]?.section).toEqual(['Complaints']);
  });

  it('still declines an instruction about the product itself', () => {
    expect(answerer.answer('how do I change the theme of my storefront?').answered).toBe(false);
  });
});

/** A small shop's policy: who it is and its orders, around the sections a test is about. */
const pebbleShop = (sections: Array<[path: string[], text: string]>): ReturnType<typeof createAnswerer> =>
  createAnswerer([policy('Pebble Privacy Notice', [
    [['Who we are'], 'Pebble runs an online shop for handmade stationery.'],
    ...sections,
    [['Your orders'], 'We keep your order history so that you can reorder items.'],
  ])]);

describe('everyday words for tracking and devices', () => {
  const shop = pebbleShop([
    [['Cookies and tracking'], 'We use cookies and similar tracking technologies to understand how visitors use our site.'],
    [['Device information'], 'We log the type of device, browser and operating system you use to visit our site.'],
  ]);

  it('reads "following me around" as tracking', () => {
    const question = 'is the site following me around?';
    expect(shop.answer(question).answered).toBe(true);
    expect(topSection(shop, question)).toBe('Cookies and tracking');
  });

  it('reads a computer as a device, not as something the policy never mentions', () => {
    const question = 'what do you log about my computer when I visit?';
    expect(shop.explain(question).query.concepts.find((concept) => concept.surface === 'computer')?.unknown).toBeUndefined();
    expect(topSection(shop, question)).toBe('Device information');
  });
});

describe('the sales team, not selling', () => {
  const shop = pebbleShop([
    [['Selling'], 'Pebble does not sell or rent personal information to anyone.'],
    [['Marketing'], 'We may send you marketing communications about our products; you can opt out at any time.'],
  ]);

  it.each(['a pebble sales guy keeps emailing me, why?', 'sales wants to email past customers about a promotion, is that ok?'])('answers "%s" from the marketing section', (question) => {
    expect(shop.answer(question).answered).toBe(true);
    expect(topSection(shop, question)).toBe('Marketing');
  });
});

describe('search engines and debugging', () => {
  const shop = pebbleShop([
    [['Public reviews'], 'Reviews you post are public and may be indexed by search engines.'],
    [['Support'], 'Our support staff may access your account to troubleshoot problems you report.'],
  ]);

  it.each(['will my review end up on google?', 'could my review show up in google results?'])('reads "%s" as a question about search engines', (question) => {
    expect(shop.answer(question).answered).toBe(true);
    expect(topSection(shop, question)).toBe('Public reviews');
  });

  it('reads debugging as troubleshooting', () => {
    expect(shop.explain('can an agent debug my order problem?').candidates[0]?.passage.section).toEqual(['Support']);
  });
});

describe('a phrase the asker types that the policy uses', () => {
  it('ranks the passage with the phrase above one with its family’s other words ("local storage", not "cookies")', () => {
    const shop = pebbleShop([
      [['Cookies'], 'We use cookies to keep you signed in. Session cookies expire when you close your browser; other cookies last a year.'],
      [['Local storage'], 'The shop also keeps your basket in the local storage of your browser.'],
    ]);
    expect(topSection(shop, 'does the cookie notice cover local storage too?')).toBe('Local storage');
  });
});

describe('workplace errands', () => {
  const shop = pebbleShop([
    [['Contact'], 'Write to our office at 1 Main Street, Springfield, or call our support team on 555-0100.'],
    [['Billing'], 'We keep your billing address and the last four digits of your card to issue invoices.'],
  ]);

  it.each(['is the springfield office open on the friday after thanksgiving?', 'is the main street office closed over christmas?', "who's on call for the billing service this week?", 'is next monday a public holiday?', "what's the wifi password at the springfield office?"])('declines "%s"', (question) => {
    expect(shop.answer(question).answered).toBe(false);
  });

  it('still answers a question about the office it names', () => {
    expect(topSection(shop, 'what is your office address?')).toBe('Contact');
  });
});

describe('selling, which a policy either addresses or does not', () => {
  const shop = pebbleShop([
    [['Advertising'], 'We show ads from advertising partners, who use cookie data to measure which ads you click.'],
    [['Integrations'], 'Our checkout integrations need third-party cookies to load the payment window.'],
  ]);

  it('declines "do you sell my data to advertisers" where the policy never speaks of selling, however much it says about advertisers', () => {
    expect(shop.answer('does pebble sell the data from these ad cookies to advertisers?').answered).toBe(false);
    // "sell my data" is one phrase of the selling family: the asker's own "data" does not make it stated.
    expect(shop.answer('do you sell my data to the advertising partners in your cookie list?').answered).toBe(false);
  });

  it('reads "sales keeps getting asked" as who asks, not as selling', () => {
    const question = 'why do the checkout integrations need third-party cookies? Sales keeps getting asked.';
    expect(shop.explain(question).candidates[0]?.coverage).toBe(1);
    expect(topSection(shop, question)).toBe('Integrations');
  });
});

describe('children and cookies, which a policy either names or does not', () => {
  const shop = pebbleShop([
    [['Newsletter'], 'When you sign up for the newsletter, we keep your e-mail address for two years and record which browser and tracking technologies opened each issue.'],
  ]);

  it('declines where the policy has only the families\' incidental words ("two years", "browser", "tracking")', () => {
    expect(shop.answer('Parent asks what Pebble does if a child under 13 signs up for the newsletter.').answered).toBe(false);
    expect(shop.answer('does the newsletter sign-up page set cookies? is there a cookie banner?').answered).toBe(false);
    expect(shop.answer('how long do you keep my e-mail address after I sign up for the newsletter?').answered).toBe(true);
  });
});

describe('a hosting region the policy never names', () => {
  it.each(['can our account data be hosted in an EU data center?', 'is EU-only data residency an option?'])('declines "%s"', (question) => {
    const hosted = pebbleShop([[['Where we store data'], 'Account data is stored on servers run by our hosting provider and may be transferred to other countries.']]);
    expect(hosted.answer(question).answered).toBe(false);
  });
});

describe('signing in with another service', () => {
  const shop = pebbleShop([
    [['Information you give us'], 'When you create an account, you give us your name, e-mail address and password.'],
    [['Information from third parties'], 'If you sign in through a third-party service, we receive your name and e-mail address from that service.'],
  ]);

  it.each(['I signed up with my google login, what do you get from google?', 'we use google login - what info do you get?'])('reads "%s" as data from a third party', (question) => {
    expect(shop.answer(question).answered).toBe(true);
    expect(topSection(shop, question)).toBe('Information from third parties');
  });
});

describe('a key the policy never mentions', () => {
  it('declines "do you keep a copy of my private key?" where the policy speaks of certificates and keeping data, not of keys', () => {
    const issuer = pebbleShop([
      [['Certificates'], 'We issue certificates for your domains and keep a copy of each certificate we issue, with the account that requested it.'],
    ]);
    expect(issuer.answer('do you keep a copy of my private key?').answered).toBe(false);
    expect(issuer.answer('do you keep a copy of my certificates?').answered).toBe(true);
  });
});

describe('hypothetical framing', () => {
  it.each(['hypothetically, if pebble got bought, what happens to my data?', 'in theory, if pebble gets bought what happens to my data?'])('reads the framing of "%s" as chat: the business-transfers passage covers all of it', (question) => {
    const shop = pebbleShop([[['Business transfers'], 'If Pebble is acquired or merges with another business, your data may be transferred to the new owner.']]);
    expect(shop.explain(question).candidates[0]?.coverage).toBe(1);
  });
});

describe('a photo of the asker', () => {
  it('reads a selfie as a photo of a person, which is what the policy is about', () => {
    const checks = pebbleShop([[['Identity checks'], 'To check your ID we may ask for a photograph of your face.']]);
    expect(checks.answer('why does it want a selfie??').answered).toBe(true);
    expect(topSection(checks, 'why does it want a selfie??')).toBe('Identity checks');
  });
});
