/**
 * Query-understanding data for a privacy-policy bot: how people ask versus how policies are worded.
 *
 * This module is data only; `src/search/query.ts` applies it. All matching happens on Porter stems of
 * lower-cased tokens, so `when: ['kid']` also matches "kids" and "Kid's", and phrases match word by word
 * ("how long" matches "How long…", "how LONG"). Editing guide:
 *
 * - SYNONYM_RULES: when the asker writes any `when` word or phrase, the policy words in `add` become
 *   alternatives of that same query concept (weight `weight`, default 0.8, relative to the asker's own words at
 *   1.0). A concept is "covered" by a passage when any alternative occurs in it, which is what the abstention
 *   rule measures, so a rule makes paraphrases count as coverage. Rules are directional: "erase" looks for
 *   "delete", but "delete" does not look for "remove" (which the policy uses for anonymization). The longest
 *   phrase wins at each position; several rules with the same `when` merge.
 * - FILLER_PHRASES / FILLER_WORDS: conversational wrapping removed from questions before anything else
 *   ("can you tell me", "i was wondering", "hey guys"). Filler words are still valid spelling-correction
 *   targets, so "wondring" is corrected to "wondering" and then dropped instead of counting as an unknown word.
 * - WEAK_WORDS: words that occur in almost every question about a privacy policy ("data", "privacy", "policy",
 *   the company's name). They rank passages only a little and count little toward coverage, so "how do I sign
 *   up for the datarobot university" is not "half covered" by its "datarobot"; a question made only of weak
 *   words names no topic.
 * - `topical: false` on a rule: its words rank passages but do not make a question about the policy on their own
 *   (events, apps, phone calls, "use"): such questions are answered only when they also name a policy topic.
 * - ASPECT_VERBS: "keeps sending", "kept asking" (dropped before a gerund, so "keep" is not read as "retain").
 * - OTHER_POLICY_KINDS: "<kind> policy" names another policy ("refund policy"): an unknown concept.
 * - WORD_PREFIXES: an unknown word that is a prefix plus a known word ("subcontractors", "resell") is read as
 *   that word.
 * - SLANG: texting shorthand rewritten to words ("wat", "acct", "tos"); TEXT_REWRITES: spelling variants decided
 *   on the raw text ("data robot", "DR", "U.S.", "e-mail").
 *
 * Add rules for kinds of phrasing (a paraphrase family), never for one particular question.
 */

/** One paraphrase family: what askers write, and which policy words to look for as well. */
export interface SynonymRule {
  /** Words or phrases as askers write them (matched on stems). */
  readonly when: readonly string[];
  /** Policy wording to look for as well; each word becomes an alternative of the same query concept. */
  readonly add: readonly string[];
  /** Weight of the added words, relative to the asker's own words (1). Default 0.8. */
  readonly weight?: number;
  /**
   * `false` for context words that rank passages but do not by themselves make a question about the policy
   * ("webinar", "app", "phone", "use"): "when is the next webinar" is not a privacy question.
   */
  readonly topical?: false;
}

/** Californian cities and regions: a question naming one is about California residents' rights. */
export const CALIFORNIA_PLACES: readonly string[] = [
  'san diego', 'los angeles', 'san francisco', 'san jose', 'sacramento', 'oakland', 'fresno', 'long beach', 'palo alto',
  'silicon valley', 'bay area',
];

/**
 * Countries outside Europe: place names, not people's names, when a question tells a story ("a user in Japan wants
 * to know…"). They map to no section: an office in Tokyo is not a data transfer.
 */
export const OTHER_COUNTRIES: readonly string[] = [
  'japan', 'japanese', 'china', 'chinese', 'india', 'indian', 'singapore', 'australia', 'australian', 'canada', 'canadian',
  'brazil', 'brazilian', 'mexico', 'mexican', 'korea', 'korean', 'israel', 'israeli', 'ukraine', 'ukrainian', 'turkey',
  'south africa', 'new zealand', 'argentina', 'chile', 'colombia', 'philippines', 'vietnam', 'indonesia', 'malaysia',
  'thailand', 'hong kong', 'taiwan', 'uae', 'dubai', 'saudi arabia', 'egypt', 'nigeria', 'kenya', 'tokyo', 'sydney', 'toronto',
];

/**
 * Countries of the EEA, the UK and Switzerland, with their adjectives: where GDPR-style rights apply. A question
 * naming one ("a user in Germany wants to know…") is about European residents, and the name is not a person's.
 */
export const EUROPEAN_PLACES: readonly string[] = [
  'uk', 'united kingdom', 'britain', 'great britain', 'british', 'england', 'english', 'scotland', 'scottish', 'wales', 'welsh',
  'northern ireland', 'switzerland', 'swiss', 'germany', 'german', 'france', 'french', 'spain', 'spanish', 'italy', 'italian',
  'netherlands', 'dutch', 'holland', 'ireland', 'irish', 'poland', 'polish', 'sweden', 'swedish', 'belgium', 'belgian',
  'austria', 'austrian', 'portugal', 'portuguese', 'denmark', 'danish', 'finland', 'finnish', 'norway', 'norwegian',
  'iceland', 'icelandic', 'liechtenstein', 'luxembourg', 'greece', 'greek', 'czechia', 'czech republic', 'czech', 'slovakia',
  'slovak', 'slovenia', 'slovenian', 'hungary', 'hungarian', 'romania', 'romanian', 'bulgaria', 'bulgarian', 'croatia',
  'croatian', 'estonia', 'estonian', 'latvia', 'latvian', 'lithuania', 'lithuanian', 'malta', 'maltese', 'cyprus',
  'berlin', 'munich', 'paris', 'madrid', 'rome', 'milan', 'amsterdam', 'dublin', 'london', 'vienna', 'warsaw', 'stockholm',
  'brussels', 'lisbon', 'copenhagen', 'helsinki', 'oslo', 'zurich', 'geneva', 'prague', 'budapest', 'athens',
];

/** Default weight of words added by a rule. */
export const DEFAULT_SYNONYM_WEIGHT = 0.8;

const AGE_STATEMENTS: readonly string[] = [
  ...Array.from({ length: 10 }, (_, i) => String(8 + i)).flatMap((age) => [
    `i'm ${age}`, `im ${age}`, `i am ${age}`, `aged ${age}`, `age ${age}`, `is ${age}`, `he's ${age}`, `she's ${age}`, `${age} yo`, `${age}yo`,
  ]),
  // An age with its unit or a bound ("my 15 year old", "over 18s", "18 or older"): the number is part of the age.
  ...Array.from({ length: 18 }, (_, i) => String(4 + i)).flatMap((age) => [
    `${age} year old`, `${age} years old`, `${age} yr old`, `${age} yrs old`, `${age} year olds`, `under ${age}`, `over ${age}`,
    `${age} or older`, `${age} or over`, `${age} and over`, `${age} and up`, `${age} plus`,
  ]),
  'min age', 'minimum age', 'age requirement', 'age restriction', 'age restrictions', 'old enough',
];

export const SYNONYM_RULES: readonly SynonymRule[] = [
  // --- Deletion, correction, access (data rights) ---
  { when: ['erase', 'erasure', 'wipe', 'purge', 'scrub', 'destroy', 'nuke', 'get rid of', 'forget', 'forgotten', 'right to be forgotten', 'delete', 'deleting', 'removal'], add: ['delete', 'deletion'] },
  { when: ['remove', 'clear'], add: ['delete', 'deletion'], weight: 0.7 },
  { when: ['change', 'edit', 'modify', 'fix', 'correct', 'amend', 'rectify', 'rectification', 'update', 'inaccurate', 'wrong', 'outdated', 'incorrect', 'typo', 'update my details', 'change my details'], add: ['update', 'correct', 'correction', 'amend', 'inaccurate'] },
  { when: ['see', 'view', 'look at', 'look into', 'looking at', 'looking into', 'keep on me', 'have on file', 'on file', 'store on me', 'keep about me', 'dig through', 'dig into', 'go through', 'comb through', 'rummage', 'snoop', 'snooping', 'peek', 'poke around', 'check', 'copy', 'a copy of', 'download', 'export', 'access', 'what do you have on me', 'what do you have about me', 'what do you know about me', 'what do you hold on me', 'have on me', 'have about me', 'know about me', 'hold on me', 'hold about me', 'data you hold', 'data you have', 'hold', 'holding', 'confirm', 'confirmation', 'data about me', 'info about me', 'information about me', 'data on me', 'info on me', 'details about me'], add: ['view', 'access', 'confirm', 'hold', 'collect'] },
  { when: ['portability', 'port', 'transfer my data to', 'take my data', 'move my data', 'machine readable', 'portable', 'portable format', 'in a portable format', 'export format', 'structured format', 'csv export'], add: ['portability', 'access'] },
  { when: ['rights', 'right', 'entitled', 'what can i do', 'options', 'choices', 'control', 'say over'], add: ['rights', 'control'] },
  { when: ['not to process', 'not process', "don't process", 'dont process', 'not use my data', 'not to use my data', 'object', 'objection', 'restrict', 'restriction', 'limit', 'say no', 'stop processing', 'stop using my data', 'no longer use'], add: ['object', 'restrict', 'processing', 'no longer use'] },
  { when: ['dsar', 'dsars', 'sar', 'subject access request', 'subject access requests', 'data subject request', 'data subject access request', 'access request', 'privacy request', 'privacy requests', 'data request', 'data requests'], add: ['rights', 'request', 'confirm', 'hold', 'respond'] },
  { when: ['complain', 'complaint', 'regulator', 'regulators', 'privacy regulator', 'watchdog', 'privacy watchdog', 'unhappy with how', 'not happy with how', 'supervisory authority', 'ico', 'cnil', 'data protection authority', 'report you'], add: ['complaint', 'authority', 'protection'] },
  { when: ['verify', 'verification', 'identity', 'prove who i am', 'prove my identity', 'id', 'passport', 'proof'], add: ['verify', 'verification', 'identity'] },
  { when: ['discriminate', 'discrimination', 'treat me differently', 'penalize', 'penalise', 'punish', 'retaliate', 'retaliation', 'worse service', 'charge me more'], add: ['discriminated'] },
  { when: ['respond', 'response', 'reply', 'how fast', 'how quickly', 'timeframe', 'deadline', 'turnaround', 'response time', 'how long until you respond', 'how long until u respond', 'how long to respond', 'how long to reply', 'how long does it take to respond', 'how long does it take you to respond', 'how long will it take to respond', 'how long will it take you to respond', 'how long do you take to respond', 'how long do you have to respond', 'how long until i hear back', 'how long to hear back', 'how long to get a response', 'how long to process my request', 'how long does my request take', 'how long does a request take'], add: ['respond', 'reasonable', 'timeframe'] },
  { when: ['refuse', 'refusal', 'deny', 'reject', 'turn down', 'decline'], add: ['not be able to fulfill', 'explanation'], weight: 0.6 },

  // --- Account lifecycle ---
  { when: ['deactivate', 'deactivation', 'close', 'closing', 'cancel', 'cancellation', 'terminate', 'termination', 'not renewing', 'not renew', 'do not renew', 'contract ends', 'contract ended', 'end of contract', 'end of our contract', 'end our contract', 'churn', 'offboard', 'offboarding', 'shut down', 'suspend', 'quit', 'leave', 'stop using', 'unsubscribe from datarobot'], add: ['deactivate', 'termination', 'stop using'] },
  { when: ['disable'], add: ['deactivate', 'turn'], weight: 0.7 },
  { when: ['settings', 'setting', 'preferences', 'configure', 'configuration', 'manage', 'controls'], add: ['control', 'controls', 'preferences', 'settings'], weight: 0.7 },
  { when: ['profile', 'settings', 'account settings', 'username', 'my account', 'account info', 'account details'], add: ['account', 'profile'] },
  { when: ['sign up', 'signup', 'signing up', 'create an account', 'create account', 'open an account', 'make an account', 'bare minimum', 'minimum info', 'minimum information', 'minimum data', 'without giving my email', 'without giving my name', 'without an email', 'without an email address', 'forced to', 'real name', 'onboarding', 'minimum', 'mandatory', 'compulsory', 'required', 'have to give', 'have to provide', 'must provide', 'need to provide', 'must i give', 'do i have to'], add: ['required', 'require', 'contract', 'contractually', 'minimum', 'sign', 'granted access'] },
  { when: ['register', 'registering', 'registration', 'registrations'], add: ['sign', 'account', 'required', 'registration', 'event'], weight: 0.5 },
  { when: ['refuse to give', "don't provide", 'do not provide', 'not provide', 'without giving', 'withhold'], add: ['do not provide', 'not be granted access'] },

  // --- Retention ---
  { when: ['how long', 'for how long', 'keep', 'keeping', 'kept', 'retain', 'retention', 'hold onto', 'hang on to', 'hang onto', 'duration', 'expire', 'expiry', 'expiration', 'forever', 'indefinitely', 'archive', 'archived', 'after i leave', 'after i cancel', 'after i close', 'backup', 'backups', 'on file', 'on record', 'gone', 'still have'], add: ['retain', 'retention', 'period', 'expiry', 'records'] },
  { when: ['keep', 'keeping', 'kept', 'on file', 'on record', 'hold onto', 'hang on to'], add: ['store'], weight: 0.6 },
  { when: ['store', 'stored', 'storing', 'storage', 'save', 'saved'], add: ['retain', 'retention', 'store', 'records'], weight: 0.7 },

  // --- Selling and sharing ---
  { when: ['sell', 'selling', 'sold', 'sale', 'rent', 'renting', 'lease', 'monetize', 'monetise', 'make money', 'profit from', 'trade', 'trading', 'broker', 'data broker', 'auction', 'flog', 'cash in'], add: ['sell', 'rent', 'sale', 'customer list'] },
  { when: ['advertiser', 'advertisers', 'advertising', 'ads', 'ad networks', 'marketers', 'marketing companies'], add: ['sell', 'rent', 'share', 'marketing'], weight: 0.6 },
  { when: ['who else', 'anyone else', 'someone else', 'other people', 'outsiders', 'share', 'sharing', 'shared', 'give', 'giving', 'gave', 'who besides', 'besides you', 'ends up with', 'end up with', 'tip off', 'tips off', 'warn other companies', 'alert other companies', 'swap', 'swaps', 'swapping', 'trade', 'trades', 'trading', 'disclose', 'disclosure', 'pass on', 'passed on', 'hand over', 'handed over', 'hand out', 'hand', 'hands', 'handing', 'turn over', 'turned over', 'pass along', 'passed along', 'pass it along', 'distribute', 'expose', 'reveal', 'release', 'send my data', 'who gets', 'who sees', 'who can see', 'who has access', 'access to my data'], add: ['share', 'disclose', 'exchange'] },
  { when: ['third party', 'third parties', '3rd party', '3rd parties', 'other companies', 'outside companies', 'vendor', 'vendors', 'analytics companies', 'analytics company', 'analytics providers', 'analytics vendors', 'supplier', 'suppliers', 'contractor', 'contractors', 'subprocessor', 'subprocessors', 'sub processors', 'outsource', 'outsourced', 'processors', 'service provider', 'service providers', 'host', 'hosts', 'hosting', 'hosted', 'hosting provider', 'cloud provider', 'aws', 'amazon', 'google', 'google analytics', 'salesforce', 'hubspot', 'marketo', 'zendesk', 'intercom', 'mixpanel', 'segment', 'microsoft', 'azure', 'gcp'], add: ['third', 'party', 'agents', 'service', 'providers', 'hosting'], weight: 0.7 },
  { when: ['office', 'offices', 'branch', 'branches', 'other entities', 'global entities', 'datarobot entity', 'datarobot entities', 'local entity', 'entity over there', 'sister entity', 'group entity', 'other datarobot companies', 'international offices', 'affiliate', 'affiliates', 'subsidiary', 'subsidiaries', 'sister company', 'sister companies', 'parent company', 'group companies', 'other offices', 'other datarobot entities', 'common control', 'joint venture'], add: ['affiliates', 'subsidiaries', 'common control', 'affiliated'] },
  { when: ['partner', 'partners', 'sponsor', 'sponsors', 'co host', 'cohost', 'event partner', 'integration', 'integrations', 'reseller', 'resellers'], add: ['partners', 'business partners', 'integrations', 'event'] },
  { when: ['police', 'cops', 'fbi', 'nsa', 'feds', 'government', 'governments', 'authorities', 'law enforcement', 'subpoena', 'subpoenas', 'warrant', 'warrants', 'court order', 'court', 'agency', 'agencies'], add: ['law enforcement', 'governmental', 'government', 'authorities', 'subpoenas', 'legal process'] },
  { when: ['acquired', 'acquire', 'acquires', 'acquisition', 'acquirer', 'buyer', 'buyers', 'purchaser', 'new owner', 'new owners', 'new company', 'successor', 'bought', 'buys out', 'buyout', 'merger', 'merge', 'merges', 'bankrupt', 'bankruptcy', 'goes bust', 'go bust', 'goes under', 'go under', 'taken over', 'takeover', 'new owner', 'new owners', 'change of control', 'sells the company', 'company is sold'], add: ['merger', 'acquisition', 'bankruptcy', 'business transfers', 'business deal', 'consolidation', 'reorganization'] },

  // --- Social media and links ---
  { when: ['facebook', 'twitter', 'instagram', 'tumblr', 'linkedin', 'button', 'buttons', 'share buttons', 'like buttons', 'follow button', 'tweet button', 'x com', 'like button', 'share button', 'social buttons', 'social plugin', 'social plugins', 'widget', 'widgets', 'plugin', 'plugins', 'embed', 'embedded', 'social media', 'social network', 'social networks'], add: ['social media', 'widgets', 'features'] },
  { when: ['link', 'links', 'linked', 'hyperlink', 'outside sites', 'outside site', 'outside websites', 'vetted', 'vet', 'approved by you', 'approve', 'vouch', 'vouch for', 'endorse', 'endorsed', 'click through', 'clicked through', 'external site', 'external sites', 'external website', 'external websites', 'other websites', 'other sites', 'third party sites', 'third party websites', 'leave your site', 'leave the site', 'click a link', 'another website'], add: ['link', 'websites', 'third party', 'endorse', 'their own privacy policies'] },

  // --- Security ---
  { when: ['hack', 'hacked', 'hacker', 'hackers', 'breach', 'breached', 'breaches', 'leak', 'leaked', 'leaks', 'stolen', 'steal', 'theft', 'attack', 'cyberattack', 'compromise', 'compromised', 'safe', 'safely', 'safeguard', 'safeguards', 'secure', 'securely', 'security', 'protect', 'protected', 'protection', 'encrypt', 'encrypted', 'encryption', 'firewall', 'ransomware', 'vulnerability', 'unauthorized access', 'unauthorised access', 'tls', 'ssl', 'https'], add: ['security', 'secure', 'protect', 'unauthorized', 'precautions', 'safeguards'] },
  { when: ['break', 'breaking', 'broke', 'breaks the rules', 'against the rules', 'scammer', 'scammers', 'fraudster', 'fraudsters', 'spammer', 'spammers', 'bad actors', 'criminals', 'bots', 'fraud', 'fraudulent', 'scam', 'scams', 'abuse', 'misuse', 'terms of service', 'violation', 'violations', 'violate', 'ban', 'banned', 'cheat', 'cheating', 'illegal', 'unethical', 'harmful'], add: ['fraud', 'fraudulent', 'violation', 'violating', 'illegal', 'terms of service'] },

  // --- Payment ---
  { when: ['card', 'cards', 'credit card', 'debit card', 'card number', 'card details', 'payment', 'payments', 'pay', 'paying', 'paid', 'billing', 'invoice', 'invoices', 'stripe', 'purchase', 'purchases', 'checkout', 'visa', 'mastercard', 'amex', 'bank details', 'cvv', 'transaction', 'transactions'], add: ['payment', 'card', 'stripe', 'processor', 'purchase'] },

  // --- Children ---
  { when: ['kid', 'kids', 'child', 'children', 'minor', 'minors', 'teen', 'teens', 'teenager', 'teenagers', 'underage', 'under age', 'under 18', 'under 13', 'under 16', 'year old', 'years old', 'yr old', 'yrs old', 'age', 'aged', 'school', 'schoolkid', 'pupil', 'pupils', 'youth', 'young people', 'my son', 'my daughter', 'son', 'daughter', 'teenage', 'coppa', 'high school', 'highschool', 'students under', 'too young', 'age limit', 'minimum age', 'how old'], add: ['children', 'child', 'age', '18'] },
  { when: ['kid', 'kids', 'child', 'minor', 'minors', 'teen', 'teens', 'teenager', 'underage', 'my son', 'my daughter', 'coppa', 'how old', 'age limit', 'minimum age'], add: ['parent', 'guardian', 'directed'], weight: 0.5 },
  // Age statements: "i'm 15", "i am 12", "aged 16" (ages below the policy's limit of 18).
  { when: AGE_STATEMENTS, add: ['children', 'child', 'age', '18'] },
  { when: ['parent', 'parents', 'guardian', 'mom', 'dad', 'mother', 'father'], add: ['parent', 'guardian', 'child'] },

  // --- Cookies and tracking ---
  { when: ['cookie', 'cookies', 'tracking', 'tracker', 'trackers', 'track', 'tracked', 'pixel', 'pixels', 'web beacon', 'web beacons', 'beacon', 'local storage', 'browser storage', 'third party cookies'], add: ['cookies', 'cookie policy', 'tracking', 'browser'] },
  { when: ['turn off', 'switch off', 'disable cookies', 'block', 'blocking', 'refuse cookies', 'reject cookies', 'decline cookies', 'opt out of cookies', 'stop tracking', 'clear cookies', 'delete cookies'], add: ['turn', 'control', 'cookie controls'] },

  // --- Marketing and communications ---
  { when: ['stop getting', 'stop receiving', 'no longer receive', 'fewer emails', 'less emails', 'too many emails', 'unsubscribe', 'opt out', 'optout', 'opt outs', 'stop emails', 'stop emailing', 'stop sending', 'stop contacting', 'stop calling', 'no more emails', 'spam', 'spamming', 'junk mail', 'mailing list', 'email list', 'do not contact', 'leave me alone'], add: ['opt', 'unsubscribe', 'marketing communications'] },
  { when: ['stop'], add: ['opt', 'unsubscribe'], weight: 0.6 },
  { when: ['newsletter', 'newsletters', 'marketing', 'promotional', 'sign up for emails', 'sign up for newsletters', 'sign up to get emails', 'sign up to receive emails', 'subscribe to emails', 'subscribe to the newsletter', 'emails about new features', 'product updates', 'promotions', 'promo', 'promos', 'sales emails', 'sales calls', 'cold call', 'cold calls', 'cold called', 'cold calling', 'cold email', 'cold emailed', 'outreach', 'sales rep', 'sales reps', 'sales guy', 'sales guys', 'salesman', 'salesmen', 'saleswoman', 'salespeople', 'salesperson', 'sales person', 'sales people', 'sales team', 'account executive', 'sales pitch', 'sales pitches', 'pitch', 'pitches', 'upsell', 'upselling', 'reached out', 'reaching out'], add: ['marketing', 'communications', 'emails', 'newsletters'] },
  { when: ['email', 'emails', 'e mail', 'e mails', 'emailing', 'call', 'calls', 'calling', 'phone', 'telephone', 'ring', 'rang', 'ringing', 'ring you', 'support line', 'hotline', 'helpline', 'phone line', 'text me', 'sms', 'message', 'messages', 'reach out', 'contact me', 'contacting me'], add: ['email', 'telephone', 'communicate', 'contact'], weight: 0.6, topical: false },
  { when: ['service emails', 'service messages', 'service announcements', 'security alerts', 'maintenance notices', 'maintenance emails', 'downtime notices', 'outage notices', 'outage emails', 'security alert emails', 'security alert', 'alert emails', 'alerts', 'notification emails', 'account notifications', 'technical notices', 'transactional emails', 'account emails', 'billing messages', 'system emails', 'notifications', 'alerts'], add: ['service announcements', 'technical notices', 'security alerts', 'service related communications'] },

  // --- Collection ---
  { when: ['what kind of', 'what kinds of', 'what sort of', 'what sorts of', 'what type of', 'what types of', 'kinds of', 'sorts of', 'types of'], add: ['types', 'categories', 'collect'], weight: 0.6 },
  { when: ['info', 'infos', 'details', 'personal info', 'pii', 'personally identifiable information'], add: ['information', 'personal data'] },
  { when: ['collect', 'collection', 'gather', 'gathering', 'harvest', 'harvesting', 'capture', 'obtain', 'grab', 'get my info', 'get my data', 'get my personal info', 'get my personal data', 'get my information', 'get my details', 'get ahold of my data', 'pick up', 'picks up', 'picked up', 'scoop up', 'hoover up', 'soak up', 'scrape', 'scraping', 'record', 'recording', 'log', 'logging', 'what data', 'what personal data', 'what personal information', 'which data', 'which personal data', 'what information', 'what info', 'what kind of data', 'what kind of information', 'types of data', 'categories', 'how do you get', 'how did you get', 'how you get', 'get my data', 'get my info', 'get my information', 'get my personal data', 'get my personal information', 'get hold of my', 'learn about me', 'find out about me', 'figure out about me'], add: ['collect', 'categories', 'types'] },
  { when: ['browse', 'browsing', 'ip', 'ip address', 'device', 'devices', 'browser', 'user agent', 'geolocation', 'gps', 'location', 'where i am', 'fingerprint', 'fingerprinting', 'operating system', 'connection'], add: ['ip address', 'device', 'browser', 'location', 'connection'] },
  { when: ['app', 'apps', 'application ui', 'software', 'tool', 'tools', 'interface', 'ui', 'dashboard'], add: ['solution', 'websites'], weight: 0.7, topical: false },
  { when: ['chat', 'chats', 'chatting', 'conversation', 'conversations', 'support ticket', 'support tickets', 'my ticket', 'my tickets', 'correspondence', 'emails with you', 'messages i send', 'what i write', 'what i post', 'posts'], add: ['correspondence', 'records', 'forums', 'communicating'] },
  { when: ['how i use', 'how we use the', 'what i do in', 'what i do on', 'what i do with', 'telemetry', 'usage data', 'usage', 'product usage', 'activity', 'user activity', 'monitor', 'monitoring', 'watching our usage', 'watch our usage', 'keep an eye on', 'keeping tabs', 'keep tabs', 'power user', 'power users', 'heavy users', 'most active users', 'usage patterns', 'account health', 'how the account is doing', 'how our account is doing', 'figuring out', 'logins', 'clicks', 'clickstream', 'mouse', 'mouse movements', 'keystrokes', 'watching me', 'spy', 'spying', 'session recording', 'analytics', 'feature usage', 'engagement', 'count', 'counts', 'counting', 'how many times', 'how often', 'how much i use', 'how much we use', 'how often i log in', 'how often we log in'], add: ['user metrics', 'user activity monitor', 'usage', 'clickstream', 'mouse tracking'] },
  { when: ['stats', 'statistics', 'metrics about my models', 'benchmarks', 'model stats', 'metadata', 'meta data', 'model data', 'project data', 'dataset stats', 'dataset statistics', 'summary statistics', 'model accuracy', 'accuracy', 'blueprints', 'run times', 'runtime', 'model performance', 'dataset size'], add: ['metadata', 'models', 'projects', 'dataset', 'blueprints'] },
  { when: ['on prem', 'on premise', 'on premises', 'onprem', 'self hosted', 'self managed', 'private cloud', 'air gapped', 'saas', 'cloud version', 'managed cloud'], add: ['on premise', 'saas', 'version'] },
  { when: ['where do you get', 'where did you get', 'from other sources', 'other sources', 'public sources', 'publicly available', 'public data', 'enrichment', 'zoominfo', 'data brokers', 'bought my data', 'buy data', 'buy lists', 'b2b', 'lead lists', 'from my employer', 'from my company', 'got my email', 'got my number', 'got my contact', 'get my email', 'get my number', 'get my details', 'gave you', 'given you', 'sent you', 'hand you', 'handed you', 'handed over my', 'pass you', 'passed you', 'passed on my', 'shared with you', 'share with you', 'shared my details with you', 'shared my info with you', 'shared my data with you', 'did they give you', 'my company set up', 'my employer set up', 'company set up my', 'employer set up my', 'set up my login', 'set up my datarobot', 'admin set up', 'pull info', 'pull data', 'pull my data', 'pull my info', 'pull information', 'pull data about me', 'from linkedin', 'from twitter', 'from facebook', 'from social media', 'from my linkedin', 'never signed up', 'i never signed up', 'did not sign up', 'didn t sign up', "didn't sign up", 'never registered', 'never gave you', 'not a customer', 'never used datarobot', 'never heard of you', 'never heard of datarobot', 'give you', 'gives you', 'pass my details', 'passed my details', 'pass my info', 'passed my info', 'pass my data', 'passed my data', 'set up my access', 'co host', 'co hosts', 'co hosted', 'co hosting', 'cohost', 'cohosts', 'attendee list', 'attendee lists', 'did they give', 'set up my account', 'set my account up', 'setup my account', 'created my account', 'made my account for me', 'sold you', 'got my data from', 'get my data from', 'received my data', 'receive my data', 'receive data about me', 'scrape', 'scraping', 'scraped', 'crawl', 'crawling', 'public profile', 'public profiles', 'social media profile', 'social media profiles', 'linkedin profile', 'public information', 'public info'], add: ['third parties', 'third party sources', 'receive', 'publically', 'business contact information', 'b2b'] },
  { when: ['job title', 'employer', 'company name', 'work info', 'correspondence', 'name', 'address', 'phone number', 'postal address', 'contact details', 'contact information', 'surveys', 'survey', 'forum posts', 'forums'], add: ['name', 'email address', 'employer', 'job title', 'correspondence', 'surveys', 'contact information'], weight: 0.6 },
  { when: ['community', 'forum', 'forums', 'blog', 'blogs', 'webinar', 'event', 'events', 'conference', 'meetup', 'in person', 'online community', 'virtual event', 'virtual events', 'online event', 'online events', 'summit', 'workshop', 'workshops', 'hackathon', 'livestream'], add: ['events', 'online communities', 'forums', 'event'], weight: 0.6, topical: false },

  // Self-service on the account ("what info is stored on my account", "delete some of my account info myself").
  { when: ['account info', 'account information', 'account details', 'info on my account', 'stored on my account', 'on my account', 'in my account', 'my account info', 'my account details', 'my profile', 'profile info', 'without contacting support', 'without emailing', 'myself'], add: ['account information', 'account', 'profile', 'view'] },
  // Following a link away from the site.
  { when: ['followed a link', 'follow a link', 'followed the link', "other company's site", 'other company site', "another company's site", "other company's website", 'some other site', 'some other website'], add: ['link', 'third party websites', 'third parties'] },
  // "Client" is what many companies call a customer.
  { when: ['client', 'clients'], add: ['customer', 'customers'], weight: 0.9, topical: false },
  // Whether withdrawing consent undoes what was done before ("unlawful after the fact").
  { when: ['unlawful', 'retroactive', 'retroactively', 'after the fact', 'lawfulness', 'illegal', 'past processing', 'earlier processing', 'processing before'], add: ['lawfulness', 'withdrawal', 'before'] },
  // Obligations others are under ("are your contractors on the hook to keep it confidential").
  { when: ['on the hook', 'obligated', 'obliged', 'bound to', 'bound by', 'required to keep', 'have to keep', 'contractually'], add: ['obligated', 'contractually', 'require', 'honor'] },
  // Keeping things safe is security, not retention ("process my info to keep the platform secure").
  { when: ['keep the platform secure', 'keep the site secure', 'keep it secure', 'keep things secure', 'keep my data secure', 'keep my data safe', 'keep it safe', 'keep safe', 'keep secure', 'platform secure', 'site secure'], add: ['secure', 'security', 'protect'] },
  // Laws that make processing mandatory.
  { when: ['tax', 'taxes', 'tax law', 'tax laws', 'laws require', 'law requires', 'required by law', 'legally required', 'legal requirement', 'legal requirements', 'sticking to', 'stick to', 'abide by', 'abiding by'], add: ['law', 'comply', 'compliance', 'obligation'] },
  // Surveys and feedback forms are data the asker gives.
  { when: ['survey', 'surveys', 'feedback survey', 'feedback surveys', 'feedback form', 'questionnaire answers', 'poll', 'polls'], add: ['surveys', 'interactions', 'provide'] },
  // Registering for an event ("signed up for your webinar") is how data is collected, not an account sign-up.
  { when: ['signed up for your webinar', 'signed up for your webinars', 'signed up for a webinar', 'sign up for a webinar', 'registered for a webinar', 'registered for your webinar', 'signed up for an event', 'signed up for your event', 'registered for an event', 'joined a webinar', 'joined your webinar'], add: ['register', 'attend', 'event', 'collect'] },
  // Exercising a right is a request sent to the contact points: "how do I exercise my rights".
  { when: ['exercise my rights', 'exercise my data rights', 'exercise their rights', 'exercise their data rights', 'exercise rights', 'exercise my privacy rights', 'use my rights'], add: ['rights', 'request', 'contact us'] },
  // Personal data in a customer's own datasets: the customer is the controller ("Our products").
  { when: ['data controller', 'data controllers', 'as controller', 'the controller', 'controller for', 'are we the controller', 'run through datarobot', 'runs through datarobot', 'running through datarobot', 'data we run', 'data we upload', 'end user', 'end users', "customer's end user", "customer's models", 'customer models', 'their customers', 'data processor', 'as processor', 'as a processor', 'on behalf of', 'on our behalf', 'our clients', 'our customers data', "customer's dataset", "customer's datasets", 'customer datasets', 'their dataset', 'their datasets', 'in a dataset', 'uploaded by a customer', 'uploaded by our customer', 'customer uploaded'], add: ['controllers', 'behalf', 'customers', 'processed'] },
  // --- Use and legal basis ---
  { when: ['legal basis', 'lawful basis', 'lawful ground', 'legal ground for', 'what lets us', 'what lets you', 'what allows us', 'gdpr basis', 'gdpr wise', 'legal justification', 'why are you allowed', 'why r u allowed', 'why are u allowed', 'why is datarobot allowed', 'how are you allowed', 'what allows you', 'is it legal for you', 'how is it legal', 'legal bases', 'legal grounds', 'legal ground', 'grounds', 'ground for', 'basis for', 'lawful grounds', 'justification', 'justify', 'legitimate interest', 'legitimate interests', 'lawful', 'lawfully', 'legally allowed', 'allowed to process', 'what right do you have', 'on what basis', 'on what grounds', 'article 6', 'art 6', 'legal reason', 'legal reasons', 'lawful reason', 'lawful reasons', 'legal justification', 'legal right to', 'what gives you the right', 'entitles you', 'entitled to process'], add: ['legal basis', 'legitimate', 'rely', 'obligation'] },
  { when: ['use', 'uses', 'used', 'using', 'handle', 'handles', 'handled', 'handling', 'treat', 'treats', 'treated', 'treatment'], add: ['use', 'purposes', 'process'], weight: 0.5, topical: false },
  { when: ['how do you use', 'how you use', 'how is my data used', 'how is my information used', 'how are you using', 'what do you use', 'why', 'purpose', 'purposes', 'reason', 'reasons', 'do with', 'use my data', 'use my information', 'use my info', 'using my data', 'used for'], add: ['use', 'purposes', 'purpose'], weight: 0.5 },
  { when: ['profiling', 'profile me', 'automated decision', 'automated decisions', 'automated decision making', 'decision making', 'relevant', 'relevance', 'more relevant', 'interests', 'interested in', 'tailored', 'tailor', 'tailoring', 'tailors', 'personalize', 'personalized', 'personalization', 'personalise', 'personalised', 'personalisation', 'recommendation', 'recommendations', 'recommend', 'tailor', 'tailored', 'customize', 'customized', 'customise', 'individualized', 'individualised', 'individual experience'], add: ['individualized', 'personalize', 'personalized recommendations', 'tailor', 'preferences', 'interests'] },
  { when: ['support', 'customer support', 'help desk', 'helpdesk', 'tech support', 'something breaks', 'when something breaks', 'something goes wrong', 'troubleshoot', 'troubleshooting', 'fix problems', 'fix issues', 'help me when', 'provide the service', 'run the service', 'deliver the service', 'operate the platform'], add: ['provide', 'support', 'solution'], weight: 0.7 },
  { when: ['my employer', 'my company', 'my organization', 'my organisation', 'my org', 'my team lead', 'employer see', 'company see', 'my boss', 'my manager', 'admin', 'administrator', 'admins', 'enterprise', 'account manager', 'customer success', 'upsell', 'upselling', 'usage trends', 'report to my company', 'report back', 'relationship', 'subscription', 'subscriptions', 'license', 'licenses', 'seats'], add: ['enterprise', 'relationship', 'report', 'usage', 'admin user', 'administrator', 'subscriptions'], weight: 0.7 },
  { when: ['strip', 'stripped', 'without my name', 'mash', 'mashing', 'mashed', 'lump together', 'lumping', 'combine', 'combining', 'combined', 'pool', 'pooling', 'pooled', 'de identify', 'deidentify', 'remove identifiers', 'anonymous', 'anonymized', 'anonymised', 'anonymize', 'anonymise', 'anonymization', 'anonymisation', 'aggregate', 'aggregated', 'de identified', 'deidentified', 'pseudonymized', 'pseudonymised', 'identifiers', 'product development', 'develop products', 'train', 'training', 'trained', 'improve', 'improving', 'improvement', 'improvements', 'better products', 'improve the product', 'improve your product', 'improve the platform', 'train models', 'train your models', 'training data', 'r&d', 'research', 'feature adoption', 'build new features', 'build features', 'develop features', 'develop new features', 'building new features', 'product roadmap', 'roadmap', 'deprecate', 'deprecated', 'deprecation'], add: ['anonymous', 'anonymized', 'anonymize', 'aggregate', 'identifiers', 'product development'] },
  { when: ['consent', 'permission', 'permissions', 'agree', 'agreed', 'opt in', 'optin', 'withdraw', 'withdrawal', 'revoke', 'take back', 'my ok', 'my okay', 'my go ahead', 'my say so', 'pull my consent', 'withdraw my consent', 'not in the policy', 'not in this policy', 'not listed', 'not described', 'not covered by the policy', 'not mentioned in the policy', 'other purposes', 'another purpose', 'new purpose', 'different purpose', 'something else', 'take it back', 'said yes', 'say yes', 'ticked the box', 'checked the box', 'undo my consent', 'change my mind', 'changed my mind', 'ask me first', 'without asking'], add: ['consent', 'withdraw', 'change your mind'] },
  { when: ['law', 'laws', 'legal', 'lawsuit', 'lawsuits', 'litigation', 'sue', 'suing', 'legal claims', 'legal obligation', 'legal requirement', 'regulation', 'regulations', 'comply', 'compliance', 'compliant', 'non compliant', 'noncompliant', 'complying', 'tax', 'taxes', 'taxation', 'criminal', 'investigation', 'investigate'], add: ['law', 'legal', 'claims', 'comply', 'compliance', 'obligation'], weight: 0.7 },

  // --- Scope of the policy ---
  { when: ['apply', 'applies', 'applicable', 'applicability', 'cover', 'covers', 'covered', 'scope', 'in scope', 'which websites', 'which sites', 'what websites'], add: ['applicable', 'apply', 'websites', 'solution'] },
  { when: ['applicant', 'applicants', 'job applicant', 'job applicants', 'apply for a job', 'applying for a job', 'job application', 'candidate', 'candidates', 'recruiting', 'recruitment', 'hiring', 'interview', 'resume', 'cv'], add: ['applicant privacy policy', 'applying to work', 'application', 'work'] },
  { when: ['msa', 'master subscription agreement', 'customer agreement', 'contract', 'agreement', 'dpa', 'data processing agreement', 'data processing addendum'], add: ['msa', 'master subscription agreement', 'contract'], weight: 0.8 },
  { when: ['update', 'updates', 'updated', 'change the policy', 'changes to the policy', 'policy changes', 'policy change', 'last updated', 'last changed', 'latest version', 'new version', 'revised', 'revision', 'revisions', 'modified', 'notify me', 'notified', 'tell me if', 'effective date', 'date'], add: ['update', 'changes', 'march 17 2022', 'check this page'], weight: 0.7 },
  { when: ["don't agree", 'do not agree', 'dont agree', 'disagree', 'not ok with', 'not okay with', 'object to the policy', 'refuse the policy', 'reject the policy', 'stop using the site', 'stop using the website', 'stop using your site', 'stop using your website', 'not use the site', 'not use the website', "don't accept", 'do not accept', 'dont accept', 'not accept', "won't accept", 'refuse to accept', 'reject the terms', 'decline the policy'], add: ['do not agree', 'practices', 'do not access'] },
  { when: ['whenever', 'whenever you want', 'whenever you like', 'anytime', 'any time', 'at any time', 'at will', 'unilaterally', 'without telling', 'without notice', 'without notifying'], add: ['discretion', 'update', 'changes'], weight: 0.7 },
  // The policy itself as the topic ("privacy policy?", "is there a privacy policy"): its introduction describes it.
  { when: ['privacy policy', 'the policy', 'this policy', 'privacy policies', 'privacy notice', 'privacy statement', 'privacy', 'this document', 'the document', 'document', 'this page', 'this notice', 'this text', 'this statement'], add: ['describes', 'practices', 'policy'], weight: 0.5 },
  // Questions about the policy's own wording: who "we" are, what a defined term means.
  { when: ['refer to', 'refers to', 'referring to', 'referred to', 'define', 'defined', 'definition', 'definitions', 'mean by', 'meant by', 'stand for', 'stands for', 'terminology', 'glossary', 'who is we', 'who are we', 'who is us'], add: ['defined', 'collectively', 'describes', 'policy'], weight: 0.7 },
  { when: ['trust', 'trusted', 'trustworthy', 'care about privacy', 'take privacy seriously', 'responsible', 'responsibly', 'reliable'], add: ['security', 'seriously', 'protect', 'precautions'], weight: 0.7 },
  { when: ['what is this policy', 'what is this privacy policy', 'in a nutshell', 'nutshell', 'in short', 'the gist', 'gist of', 'high level', 'we or us', 'we and us', 'who is we', 'who are we', 'who is us', 'who is that exactly', 'what is this page', 'what is this privacy page', 'what is this page for', 'what is this for', 'this page for', 'what is this document', 'point of this page', 'point of this policy', 'what is the privacy policy', 'what is the policy', 'policy about', 'privacy policy about', 'what is this', 'overview', 'summary', 'summarize', 'tl dr', 'tldr', 'purpose of the policy', 'what does this policy do', 'what does the policy describe', 'describe'], add: ['describes', 'practices', 'policy'], weight: 0.7 },

  // --- Customer data processed on a customer's behalf ---
  { when: ['data controller', 'controller', 'controllers', 'processor', 'on behalf', 'on behalf of', 'my customers', 'our customers', 'customer data', 'end users', 'data i upload', 'data we upload', 'upload', 'uploaded', 'uploading', 'paste', 'pasting', 'pasted', 'put into', 'feed into', 'enter into', 'import', 'importing', 'my dataset', 'my datasets', 'datasets', 'data in the platform', 'data in datarobot', 'my models', 'predictions', 'scoring data', 'training dataset', 'uses datarobot', 'company that uses', 'companies that use', 'organization that uses', 'organisation that uses', 'business that uses', 'runs on datarobot', 'built on datarobot', 'built with datarobot', 'powered by datarobot', 'your customer', 'your customers', 'a customer of yours', 'customers of yours', 'your client', 'your clients', 'customer of datarobot', 'bank', 'banks', 'lender', 'lenders', 'insurer', 'insurers', 'insurance company', 'hospital', 'hospitals', 'retailer', 'retailers', 'credit score', 'score my', 'scored me', 'scores me', 'scoring me', 'scoring my', 'loan application', 'decision about me', 'decisions about me', 'prediction about me', 'predictions about me'], add: ['customers', 'behalf', 'data controllers', 'customer data', 'process'] },

  // --- Where data goes ---
  { when: ['abroad', 'overseas', 'offshore', 'move', 'moved', 'moving', 'moves', 'offshoring', 'foreign', 'foreign country', 'foreign countries', 'international', 'internationally', 'transfer abroad', 'cross border', 'crossborder', 'outside the eu', 'outside europe', 'outside the eea', 'leaves europe', 'leave europe', 'leaves the eu', 'leave the eu', 'leaves my country', 'leave my country', 'out of europe', 'out of the eu', 'out of the country', 'sent abroad', 'goes abroad', 'outside my country', 'other countries', 'another country', 'which country', 'what country', 'countries', 'country', 'usa', 'united states', 'america', 'us servers', 'servers', 'server', 'data center', 'data centers', 'datacenter', 'data residency', 'residency', 'where is my data', 'where is my data stored', 'where do you store', 'located where', 'stored in', 'hosted in', 'kept in', 'servers in', 'where my data is stored', 'where data is stored', 'where my data is kept', 'where it is stored', 'scc', 'sccs', 'standard contractual clauses', 'adequacy', 'adequacy decision', 'privacy shield', 'schrems', 'jurisdiction', 'transfer', 'transferred', 'transfers'], add: ['international', 'transfers', 'transferred', 'countries', 'outside', 'jurisdiction', 'standard contractual clauses'] },

  // --- Jurisdictions ---
  { when: ['gdpr', 'uk gdpr', 'eu', 'europe', 'european', 'eea', 'european economic area', ...EUROPEAN_PLACES, 'eu citizen', 'eu resident', 'general data protection regulation'], add: ['european residents', 'european economic area', 'gdpr', 'switzerland', 'united kingdom'] },
  { when: ['ccpa', 'cpra', 'california', 'californian', 'californians', 'ca resident', ...CALIFORNIA_PLACES, 'california consumer privacy act', 'california privacy rights act', 'do not sell', 'do not sell my personal information', 'shine the light', 'calif', 'cali', 'la', 'san francisco', 'sf', 'silicon valley'], add: ['california', 'ccpa', 'cpra', 'california residents'] },
  { when: ['resident', 'residents', 'live in', 'living in', 'based in', 'located in', 'citizen', 'citizens'], add: ['residents', 'located'], weight: 0.5 },

  // --- Contact ---
  { when: ['who can i email', 'who do i email', 'postal address', 'address for sending', 'where to mail', 'where do i mail', 'where do i send', 'where do i send a letter', 'letter', 'letters', 'where should i send', 'where can i send', 'where to send', 'who do i send', 'where do i submit', 'where can i submit', 'where to submit', 'who handles', 'point them to', 'who do we point them to', 'where do we send them', 'who do we send them to', 'who should i email', 'who can i write to', 'who do i write to', 'who can i contact', 'who can i talk to', 'who can i ask', 'who do i ask', 'who should i ask', 'who can i call', 'who do i call', 'contact', 'contact you', 'contact datarobot', 'reach', 'reach you', 'get hold of', 'privacy people', 'get in touch', 'who do i contact', 'who to contact', 'who should i contact', 'who do i talk to', 'talk to someone', 'speak to someone', 'person to talk to', 'contact info', 'contact details for privacy', 'dpo', 'data protection officer', 'privacy officer', 'privacy team', 'privacy contact', 'mailing address', 'postal', 'snail mail', 'write to you', 'send a letter', 'headquarters', 'hq', 'office address', 'where are you located', 'where are you based', 'where is datarobot located', 'where is datarobot based', 'your address', 'boston', 'franklin street', 'privacy email', 'email address for privacy'], add: ['contact us', 'data protection officer', 'mailing address', 'questions about this policy'] },
];

/**
 * Rewrites applied to the raw question before tokenizing, for variants that only the original spelling or case
 * tells apart: the company's name typed apart ("data robot", "Data-Robot") or abbreviated in capitals ("DR"),
 * "US"/"U.S." in capitals meaning the country rather than "us", and "e-mail".
 */
export const TEXT_REWRITES: ReadonlyArray<readonly [pattern: RegExp, replacement: string]> = [
  [/\bdata[\s-]+robot(?=s?\b|'s\b|\u2019s\b)/gi, 'datarobot'],
  [/\bDR\b/g, 'datarobot'],
  [/\bU\.?S\.?A?\b\.?/g, ' usa '],
  [/\be-mails?\b/gi, 'email'],
  // "one of your webinars" is "your webinars"; "data sets" is "datasets".
  [/\bone of (your|the|our|their)\b/gi, '$1'],
  [/\bdata (sets?)\b/gi, 'data$1'],
  // "Controller" alone means the data controller in privacy talk; Porter stems it like "control" (cookie controls).
  [/\b(?<!data )controllers?\b/gi, 'data controller'],
  // Porter stems "customize" like "customer": the verb is about personalization, the noun about clients.
  [/\bcustomi[sz](e|es|ed|ing|ation)\b/gi, 'personaliz$1'],
];

/**
 * Chat and texting shorthand, rewritten to the full word(s) before anything else (so "wat" is not an unknown
 * word and "acct" finds "account"). Keys are single lower-case tokens.
 */
export const SLANG: Readonly<Record<string, string>> = {
  prefs: 'preferences', legit: 'legitimate', pref: 'preference', recs: 'recommendations', recos: 'recommendations',
  wat: 'what', doc: 'document', docs: 'documents', stats: 'statistics', stat: 'statistic', wut: 'what', wht: 'what', wot: 'what', abt: 'about', bout: 'about', thru: 'through', tho: 'though',
  u: 'you', ya: 'you', ur: 'your', yr: 'your', r: 'are', y: 'why', b4: 'before', cuz: 'because', coz: 'because', bc: 'because',
  acct: 'account', accts: 'accounts', acc: 'account', msg: 'message', msgs: 'messages', dm: 'message', txt: 'text',
  ppl: 'people', govt: 'government', gov: 'government', pwd: 'password', smth: 'something', sth: 'something',
  addr: 'address', tel: 'telephone', num: 'number', intl: 'international', mktg: 'marketing', priv: 'privacy',
  tos: 'terms of service', pii: 'personal information', dob: 'date of birth', yrs: 'years', w: 'with',
  pls: 'please', plz: 'please', thx: 'thanks', ty: 'thanks', rn: 'right now', atm: 'at the moment', asap: 'as soon as possible',
};

// Who asked, in a relayed question ("my manager said…", "a colleague asked me whether…"): framing, not topic.
const RELAYED_BY: readonly string[] = ['my manager', 'my boss', 'my colleague', 'a colleague', 'my coworker', 'a coworker', 'my co worker', 'my teammate', 'a teammate', 'my team lead', 'my lead', 'my supervisor'];
// Why a support or sales colleague needs the answer ("need the retention policy for an audit"): the errand, not the topic.
const ERRANDS: readonly string[] = [
  'audit', 'an audit', 'our audit', 'the audit', 'a security review', 'the security review', 'our security review', 'a vendor review',
  'a vendor assessment', 'a security questionnaire', 'the security questionnaire', 'a questionnaire', 'the questionnaire', 'an rfp',
  'the rfp', 'our rfp', 'an rfi', 'a ticket', 'the ticket', 'this ticket', 'a customer call', 'a sales call', 'the deck', 'a deck',
  'a presentation', 'the presentation', 'a training', 'onboarding', 'procurement', 'the renewal', 'a renewal', 'compliance training',
];
const RELAY_VERBS: readonly string[] = ['said', 'says', 'asked', 'asks', 'asked me', 'told me', 'tells me', 'mentioned', 'wants to know', 'wanted to know', 'thinks', 'thought'];

/** Conversational wrappers removed from questions before matching (matched on stems, word by word). */
export const FILLER_PHRASES: readonly string[] = [
  'can you tell me', 'could you tell me', 'can u tell me', 'would you tell me', 'tell me', 'please tell me',
  'i was wondering', 'i am wondering', "i'm wondering", 'just wondering', 'was wondering', 'wondering if',
  'i would like to know', "i'd like to know", 'i want to know', 'i wanna know', 'i need to know', 'want to know',
  'do you guys', 'you guys', 'do you all', 'y all', "y'all", 'hey there', 'hi there', 'hello there',
  'quick question', 'a quick question', 'i have a question', 'question about', 'question regarding', 'questions about',
  'is it true that', 'is it possible to', 'is it possible that', 'is there a way to', 'is there any way to',
  'how do i find out', 'where can i find', 'where do i find', 'where can i read', 'what does the policy say about',
  'what does the privacy policy say about', 'what does your privacy policy say about', 'what does your policy say about',
  'according to the policy', 'according to the privacy policy', 'according to your privacy policy', 'in the policy',
  'in the privacy policy', 'in your privacy policy', 'per the policy', 'your policy', 'your privacy policy',
  'the privacy policy says', 'the policy says', 'privacy policy say', 'policy say',
  'right now', 'just now', 'for now', 'at the moment',
  'a customer is asking', 'customer is asking', 'a customer asked', 'customer asked', 'a customer wants to know', 'customer wants to know',
  'a user is asking', 'user is asking', 'a user asked', 'user asked', 'someone asked', 'somebody asked', 'a prospect asked', 'prospect is asking',
  'one of our customers', 'one of my customers', 'a client asked', 'client is asking', 'my client', 'our client',
  'someone on the community forum', 'someone on the forum', 'someone in the community', 'a community member', 'someone on slack',
  'asked if', 'asked whether', 'asking if', 'asking whether', 'wants to know if', 'wants to know whether', 'how do i answer',
  "what's the deal with", 'whats the deal with', 'what is the deal with', "what's up with", 'whats up with', 'what about',
  'use case', 'use cases', 'random question', 'dumb question', 'silly question', 'stupid question', 'weird question', 'sorry if this is a dumb question',
  'not sure who to ask', 'not sure if this is the right place', 'not sure where to ask', 'is this the right place',
  'as soon as possible', 'asking for a friend', 'for a friend', 'thanks in advance', 'thank you', 'thanks a lot', 'much appreciated',
  'if you don t mind', "if you don't mind", 'if that makes sense', 'to be honest', 'at all', 'in general',
  'as a user', 'as a customer', 'as a community member', 'as an employee', 'on your end', 'on your side',
  'i think', 'i guess', 'i mean', 'you know', 'or something', 'or whatever', 'and stuff', 'and so on', 'kind of', 'sort of',
  'let me know', 'help me understand', 'can you help', 'can you help me', 'could you help me', 'need help', 'need some help',
  'explain to me', 'can you explain', 'could you explain', 'in plain english', 'in simple terms', 'eli5',
  // Idioms and framing verbs whose words are not the question's topic ("in the first place", "count as").
  'out of nowhere', 'out of the blue', 'all of a sudden', 'for no reason',
  'in the first place', 'to begin with', 'to start with', 'at the end of the day', 'in the end', 'by the way', 'out of curiosity',
  'just curious', 'count as', 'counts as', 'counted as', 'considered as', 'qualify as', 'qualifies as', 'figure out', 'find out',
  'work out', 'how does that work', 'how does this work', 'how does it work', 'how is that decided', 'how is this decided',
  'how is that possible', 'is that legal', 'is that ok', 'is that okay', 'is this ok', 'is this okay',
  // Story framing in chat: apologies for interrupting, who argued about what, how sure the asker is.
  'sorry to bug you', 'sorry to bother you', 'to bug you', 'to bother you', 'sorry to interrupt', 'over lunch', 'over coffee',
  'long story short', 'long story', 'double check', 'sanity check', 'not 100 sure', 'not 100 percent sure', 'not entirely sure', 'not sure',
  'were arguing about', 'arguing about', 'were debating', 'debating whether', 'settle a debate', 'settle an argument', 'on the other hand', 'on one hand',
  'and i disagree', 'and i disagree about', 'we disagree', 'we disagree about', 'and i disagree on', 'quick one',
  // Idioms built on "hand", which otherwise reads as "hand over" (share).
  'all hands', 'hands on', 'on hand', 'first hand', 'second hand', 'off hand',
  ...RELAYED_BY.flatMap((who) => RELAY_VERBS.map((verb) => `${who} ${verb}`)),
  ...ERRANDS.map((errand) => `for ${errand}`),
];

/** Conversational words dropped from questions (query side only; the index keeps every word). */
export const FILLER_WORDS: readonly string[] = [
  'hey', 'hi', 'hello', 'hiya', 'yo', 'sup', 'howdy', 'greetings', 'dear', 'guys', 'folks', 'everyone', 'team', 'bot',
  'please', 'pls', 'plz', 'pleeease', 'thanks', 'thank', 'thx', 'ty', 'tia', 'cheers', 'appreciate', 'appreciated',
  'lol', 'lmao', 'haha', 'tbh', 'btw', 'fyi', 'imo', 'imho', 'afaik', 'idk', 'ok', 'okay', 'um', 'uh', 'umm', 'hmm', 'ah', 'oh', 'ugh', 'wow',
  'u', 'ur', 'r', 'ya', 'yall', 'gonna', 'wanna', 'gotta', 'kinda', 'sorta', 'dunno', 'cuz', 'cause', 'bc', 'coz',
  'actually', 'really', 'basically', 'literally', 'seriously', 'honestly', 'exactly', 'simply', 'currently', 'generally',
  'quick', 'question', 'questions', 'query', 'wondering', 'wonder', 'wondered', 'curious', 'confused', 'unsure', 'concern', 'concerned', 'worried', 'worry',
  'know', 'knows', 'tell', 'telling', 'explain', 'understand', 'clarify', 'clarification', 'want', 'wants', 'wanted',
  'need', 'needs', 'needed', 'trying', 'try', 'tried', 'ask', 'asking', 'asked', 'say', 'says', 'said', 'mean', 'means', 'meant',
  'happen', 'happens', 'happened', 'happening', 'thing', 'things', 'stuff', 'anything', 'something', 'everything',
  'anyone', 'someone', 'somebody', 'anybody', 'get', 'gets', 'got', 'getting', 'go', 'goes', 'going', 'way', 'ways',
  'also', 'still', 'even', 'much', 'many', 'lot', 'lots', 'bit', 'sure', 'well', 'maybe', 'perhaps', 'possible', 'possibly',
  'able', 'guess', 'think', 'feel', 'friend', 'like', 'would', 'could', 'can', 'should', 'shall', 'might', 'must',
  'exist', 'exists', 'regarding', 'regards', 're', 'concerning', 'wrt', 'etc', 'eg', 'ie', 'via', 'per',
  'anti', 'non', 'pre', 'co', 'multi', 'semi',
  'thing', 'situation', 'case', 'specific', 'specifically', 'particular', 'exact', 'details', 'detail', 'okay',
  // Time references and opinions colour a question without changing its topic ("last year", "seems excessive").
  'first', 'last', 'next', 'ago', 'later', 'earlier', 'recently', 'yesterday', 'tomorrow', 'week', 'weeks', 'month', 'months',
  'year', 'years', 'day', 'days', 'seems', 'seem', 'excessive', 'creepy', 'weird', 'strange', 'odd', 'annoying', 'random',
  'dumb', 'silly', 'stupid', 'sorry', 'noticed', 'notice', 'wondering', 'honest', 'fine',
  'asap', 'urgent', 'urgently', 'immediately', 'quickly', 'soon', 'promptly', 'now', 'right away',
  'make', 'makes', 'making', 'made', 'allowed', 'permitted', 'supposed', 'besides', 'apart', 'otherwise', 'whatever', 'whole', 'entire', 'bunch',
  'currently', 'today', 'anymore', 'already', 'ever', 'always', 'never', 'every', 'certain', 'certainly',
  // Number words used as pronouns ("one of your webinars"): Porter stems "one" to "on".
  'one', 'ones',
  'nah', 'yeah', 'yep', 'yup', 'nope', 'cc', 'fwiw', 'iirc', 'ngl',
  // Hedges and hearsay ("roughly where", "heard rumours of a merger"): how sure the asker is, not the topic.
  'roughly', 'approximately', 'approx', 'precisely', 'somewhat', 'mostly', 'usually', 'typically', 'normally',
  // Support staff cite the ticket they are working on ("customer (ticket #5510) asks…"): framing, not a topic.
  'ticket', 'tickets',
  'heard', 'hear', 'rumour', 'rumours', 'rumor', 'rumors', 'apparently', 'supposedly', 'allegedly', 'reportedly',
  'knowingly', 'intentionally', 'deliberately', 'purposely', 'consciously', 'suddenly',
];

/** Verbs that, before a gerund, mean "again and again" ("keeps sending", "kept asking"): dropped there. */
export const ASPECT_VERBS: ReadonlySet<string> = new Set(['keep', 'keeps', 'kept', 'keeping', 'continue', 'continues', 'continued', 'continuing']);

/**
 * Kinds of policy other than a privacy policy: "<kind> policy" is an unknown concept, whatever words it shares
 * with the privacy policy ("cancellation policy", "return policy", "travel policy").
 */
export const OTHER_POLICY_KINDS: readonly string[] = [
  'refund', 'refunds', 'return', 'returns', 'cancellation', 'cancelation', 'shipping', 'delivery', 'warranty', 'exchange',
  'travel', 'expense', 'expenses', 'reimbursement', 'vacation', 'holiday', 'leave', 'pto', 'sick', 'sick leave', 'parental leave',
  'maternity', 'paternity', 'remote work', 'work from home', 'wfh', 'hybrid work', 'dress', 'dress code', 'attendance', 'overtime',
  'bonus', 'commission', 'pricing', 'price', 'discount', 'late fee', 'booking', 'ticket', 'ticketing', 'event', 'support', 'sla',
  'uptime', 'open source', 'contribution', 'hr', 'hiring', 'promotion', 'grading', 'academic',
  'acceptable use', 'fair use', 'code of conduct', 'conduct', 'harassment', 'anti harassment', 'ethics', 'whistleblower', 'sustainability', 'environmental',
];

/**
 * Specific facts that people ask a privacy bot about but that privacy policies rarely state: certifications and
 * audits, encryption and key-management details, hosting regions, people's names, breach history, fines. A
 * question naming one is about that fact, not about the policy topic its words belong to ("what encryption
 * algorithm do you use at rest" is not answered by "we take precautions"), so the phrase is an unknown concept
 * with the full weight of a word the policy never uses. A single word the policy does use counts as stated.
 */
export const UNSTATED_DETAILS: readonly string[] = [
  // Certifications, attestations and audits.
  'soc', 'soc 1', 'soc 2', 'soc2', 'soc 3', 'iso', 'iso 27001', 'iso 27701', 'iso 27018', '27001', 'hipaa', 'hitrust', 'pci',
  'pci dss', 'fedramp', 'nist', 'cis', 'csa star', 'certification', 'certifications', 'certified', 'attestation', 'attestations', 'audit report',
  'audit reports', 'pen test', 'pen tests', 'pentest', 'penetration test', 'penetration tests', 'penetration testing', 'bug bounty',
  // Encryption and key management details.
  'at rest', 'in transit', 'algorithm', 'algorithms', 'aes', 'aes 256', 'rsa', 'cipher', 'ciphers', 'key management', 'kms', 'byok',
  'bring your own key', 'customer managed keys', 'encryption key', 'encryption keys', 'hsm', 'tls version', 'tls 1',
  // Hosting specifics.
  'region', 'regions', 'aws region', 'availability zone', 'availability zones', 'which cloud',
  // People by name, and the company's track record.
  'by name', 'name of your', 'names of your', 'named person', 'soc 2 report', 'soc report', 'iso certificate', 'full name of', 'ceo', 'cto', 'ciso', 'founder', 'founders', 'ever had', 'ever been breached',
  'has there ever been', 'have there ever been', 'have you ever been', 'track record', 'past breaches', 'previous breaches', 'past incidents',
  'incident history', 'breach history',
  // Sanctions.
  'fines', 'fined', 'gdpr fine', 'a fine', 'penalty', 'penalties', 'sanction', 'sanctions',
  // Exact counts and durations in small units: policies state retention and security in general terms.
  'how many days', 'how many hours', 'how many weeks', 'how many minutes', 'number of days', 'exactly how long', 'exactly how many',
  'exact number', 'exact period', 'exact date', 'how many breaches', 'how many data breaches', 'how many incidents', 'how many times',
  'cookie lifetime', 'cookie lifetimes', 'cookie duration', 'cookies last', 'cookie expiry', 'cookie expiration', 'cookies expire',
  // Named vendors and tools (a single name counts as stated when the policy names it, as it names Stripe).
  'google analytics', 'google tag manager', 'facebook pixel', 'meta pixel', 'linkedin insight', 'hotjar', 'mixpanel', 'amplitude',
  'segment', 'hubspot', 'marketo', 'salesforce', 'zendesk', 'intercom', 'gong', 'pendo', 'fullstory', 'optimizely',
  // Sales errands.
  'a quote', 'price quote', 'sales quote', 'quote for', 'free trial', 'trial license', 'book a demo', 'request a demo',
  'how much does', 'how much is', 'how much do', 'what does it cost', 'license cost', 'licence cost', 'per seat', 'list price',
  // Partner programmes, the company's shares and product features the page's menus advertise.
  'partner portal', 'partner program', 'partner programme', 'reseller', 'resellers', 'value added reseller', 'become a partner',
  'publicly traded', 'public company', 'stock price', 'ipo', 'ticker', 'nasdaq', 'nyse', 'go public', 'going public',
  'sso', 'saml', 'single sign on', 'okta', 'ldap', 'scim', 'do not track', 'dnt', 'global privacy control', 'gpc',
  'parking', 'eu representative', 'session', 'sessions', '101', 'course', 'courses', 'syllabus', 'curriculum', 'lifetime', 'lifetimes', 'cookie names', 'names of the cookies', 'list of cookies', 'invoice', 'invoices', 'wire transfer', 'bank transfer', 'purchase order', 'paypal', 'ach', 'max file size', 'file size', 'maximum size', 'max size', 'size limit', 'upload limit', 'support portal', 'help center', 'knowledge base', 'status page', 'docs site', 'uk representative', 'article 27', 'gdpr representative', 'breach notification', 'notify after a breach',
  'notify customers', 'aws', 'azure', 'gcp', 'google cloud', 'hosted on',
  'expire', 'expires', 'expiration', 'before they expire',
];

/** Prefixes an unknown word may carry in front of a known word ("subcontractors", "resell", "pre-filled"). */
export const WORD_PREFIXES: readonly string[] = ['hyper', 'multi', 'inter', 'cross', 'under', 'over', 'sub', 'non', 'pre', 'mis', 'dis', 're', 'co', 'un', 'de'];

/**
 * Words so common in questions about any privacy policy that they say little about which section is meant.
 * They still rank passages, but count for little in the coverage used to decide whether to answer.
 */
export const WEAK_WORDS: readonly string[] = [
  'data', 'personal', 'information', 'info', 'privacy', 'policy', 'policies', 'rules', 'page', 'notice', 'statement', 'document', 'datarobot', 'company', 'user', 'users', 'people', 'person', 'customer', 'customers', 'client', 'clients', 'website', 'websites', 'site', 'platform',
  'service', 'services', 'product', 'products', 'account', 'accounts', 'me', 'mine', 'com', 'www', 'http', 'https', 'org',
];
