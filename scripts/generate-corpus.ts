/**
 * Deterministic generator of a large, realistic policy corpus for benchmarks.
 *
 * Copies of one policy would make every posting list identical and the vocabulary tiny, which flatters an
 * inverted index; so each generated policy recombines and perturbs the base policies' sections: another company
 * name, domain, address and payment processor, synonym substitutions, shuffled sentences and list items,
 * renamed, dropped and reordered sections, sentences borrowed from sibling sections, and now and then a sentence
 * with invented product and team names (the long tail of proper nouns real corpora have).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPolicyMarkdown } from '../src/corpus/markdown.js';
import type { PolicyDocument, PolicySection } from '../src/types.js';
import { splitPassages, splitSentences } from '../src/search/passages.js';

/** Options of {@link generateCorpus}. */
export interface GenerateCorpusOptions {
  /** Generate policies until their estimated passage count reaches this. */
  targetPassages: number;
  /** PRNG seed: the same seed and base documents always give the same corpus. */
  seed: number;
  /** Maximum passage length used to estimate passages (the answerer's passage size). */
  maxPassageChars: number;
  /** Probability that one occurrence of a known phrase is replaced by a synonym. */
  synonymRate: number;
  /** Probability that the sentences of one paragraph are shuffled. */
  shuffleRate: number;
  /** Probability that a section (with its sub-sections) is left out. */
  dropRate: number;
}

/** Defaults: about 10,000 passages, the answerer's ~800-character passages. */
export const defaultGenerateCorpusOptions: GenerateCorpusOptions = {
  targetPassages: 10_000,
  seed: 20220317,
  maxPassageChars: 800,
  synonymRate: 0.35,
  shuffleRate: 0.5,
  dropRate: 0.06,
};

/** A small, fast, seedable PRNG returning floats in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: 32-bit state, good enough statistical quality for test data, and fully reproducible.
 *
 * @example
 * const random = createRandom(42);
 * random(); // => the same number on every run
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('generate-corpus: pick from an empty list');
  return item;
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}

const NAME_PREFIXES = [
  'Acme', 'Northwind', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne',
  'Soylent', 'Hooli', 'Pied', 'Vandelay', 'Gringotts', 'Oscorp', 'Wonka', 'Blue', 'Bright', 'Clear', 'Deep', 'Quant',
  'Vector', 'Nimbus', 'Polar', 'Cobalt', 'Aurora', 'Summit', 'Harbor', 'Granite', 'Cedar', 'Orbit', 'Pixel', 'Signal',
];
const NAME_SUFFIXES = [
  'Analytics', 'Labs', 'Cloud', 'Data', 'Systems', 'AI', 'Insights', 'Works', 'Logic', 'Metrics', 'Dynamics', 'Soft',
  'Networks', 'Robotics', 'Health', 'Bank', 'Retail', 'Learning', 'Software', 'Technologies',
];
const SYLLABLES = [
  'ka', 'zen', 'tor', 'vi', 'lux', 'mer', 'qua', 'ri', 'sol', 'tek', 'na', 'bel', 'dor', 'fyn', 'gra', 'hel', 'jor',
  'kin', 'lo', 'mox', 'nex', 'ora', 'pra', 'ryn', 'sta', 'tru', 'vel', 'wex', 'xa', 'yor', 'zu', 'cal', 'dri', 'eon',
];
const CITIES = [
  ['Austin', 'Texas', '78701', 'USA'], ['Denver', 'Colorado', '80202', 'USA'], ['Seattle', 'Washington', '98101', 'USA'],
  ['Dublin', 'Leinster', 'D02 X285', 'Ireland'], ['Berlin', 'Berlin', '10115', 'Germany'], ['Toronto', 'Ontario', 'M5H 2N2', 'Canada'],
  ['London', 'Greater London', 'EC1A 1BB', 'United Kingdom'], ['Amsterdam', 'North Holland', '1012 JS', 'Netherlands'],
  ['Singapore', 'Central Region', '049315', 'Singapore'], ['Sydney', 'New South Wales', '2000', 'Australia'],
] as const;
const STREETS = ['Main Street', 'Market Street', 'Harbour Road', 'King Street', 'Elm Avenue', 'Queen Street', 'Park Lane', 'Mill Road'];
const PAYMENT_PROCESSORS = ['Adyen', 'Braintree', 'PayPal', 'Square', 'Worldpay', 'Paddle', 'Mollie', 'Chargebee', 'Recurly'];
const SOCIAL_NETWORKS = ['LinkedIn', 'YouTube', 'Reddit', 'Mastodon', 'Pinterest', 'TikTok', 'Vimeo', 'GitHub', 'Xing', 'Threads', 'Bluesky'];
const TEAMS = ['privacy office', 'trust and safety team', 'legal department', 'data governance board', 'security operations center', 'compliance desk'];
// Topics real policies of other businesses cover and this one does not: they give the generated corpus the
// broader, real-word vocabulary (and postings for words users type, such as "telemetry") of a mixed collection.
const TOPICS = [
  'biometric identifiers', 'precise geolocation', 'voice recordings', 'loyalty program points', 'sweepstakes entries',
  'health and fitness metrics', 'insurance claims', 'employment history', 'education records', 'genetic test results',
  'vehicle telemetry', 'smart speaker transcripts', 'chatbot conversations', 'customer reviews', 'referral codes',
  'wishlist items', 'purchase history', 'shipping addresses', 'gift card balances', 'subscription renewals',
  'advertising identifiers', 'retargeting pixels', 'browser fingerprints', 'web beacons', 'push notification tokens',
  'calendar invitations', 'contact list uploads', 'profile photographs', 'video call recordings', 'webinar attendance',
  'support chat transcripts', 'survey responses', 'hackathon submissions', 'certification exam scores', 'forum reputation',
  'API usage logs', 'audit trails', 'single sign-on assertions', 'two-factor authentication numbers', 'recovery emails',
  'tax identification numbers', 'bank account details', 'invoice histories', 'credit checks', 'fraud scores',
  'accessibility preferences', 'language settings', 'time zone', 'device battery level', 'screen resolution',
  'energy consumption readings', 'thermostat schedules', 'fleet tracking', 'wearable sensor data', 'sleep patterns',
  'dietary preferences', 'travel itineraries', 'passport numbers', 'frequent flyer numbers', 'hotel stays',
  'student grades', 'classroom participation', 'parental consent forms', 'emergency contacts', 'visitor badges',
  'CCTV footage', 'building access logs', 'Wi-Fi probe requests', 'Bluetooth beacons', 'license plate images',
];
const REGIONS = ['the European Union', 'Canada', 'Japan', 'Brazil', 'India', 'Australia', 'South Korea', 'Switzerland', 'Mexico', 'South Africa'];

// Phrase → alternatives. Matched case-insensitively on word boundaries; replacements keep the first letter's case.
const SYNONYMS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['personal data', ['personal information', 'personal details', 'user data', 'personally identifiable information']],
  ['collect', ['gather', 'obtain', 'record']],
  ['collected', ['gathered', 'obtained', 'recorded']],
  ['share', ['disclose', 'pass on', 'provide']],
  ['websites', ['sites', 'web properties', 'online services']],
  ['solution', ['platform', 'service', 'software']],
  ['company', ['organization', 'business', 'firm']],
  ['delete', ['erase', 'remove', 'destroy']],
  ['retain', ['keep', 'store', 'hold']],
  ['third party', ['external', 'outside', 'third-party']],
  ['affiliates', ['group companies', 'related entities']],
  ['email', ['e-mail', 'electronic mail']],
  ['anonymize', ['de-identify', 'pseudonymize', 'aggregate']],
  ['security', ['protection', 'safety', 'integrity']],
  ['legitimate interest', ['legitimate business interest', 'justified interest']],
  ['customers', ['clients', 'subscribers', 'licensees']],
  ['users', ['members', 'account holders', 'subscribers']],
  ['information', ['details', 'records']],
  ['purposes', ['reasons', 'objectives', 'aims']],
  ['law enforcement', ['police authorities', 'regulators', 'public authorities']],
  ['consent', ['permission', 'agreement', 'authorization']],
  ['opt out', ['unsubscribe', 'withdraw', 'object']],
  ['account', ['profile', 'user account', 'login']],
  ['process', ['handle', 'use', 'treat']],
  ['analytics', ['measurement', 'statistics', 'reporting']],
  ['improve', ['enhance', 'refine', 'develop']],
  ['partners', ['collaborators', 'resellers', 'alliances']],
  ['protect', ['safeguard', 'secure', 'shield']],
  ['request', ['ask for', 'demand', 'apply for']],
  ['events', ['conferences', 'meetups', 'webinars']],
  ['master subscription agreement', ['customer agreement', 'terms of service', 'enterprise license agreement']],
];

const HEADING_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  'Privacy policy updates': ['Changes to this policy', 'Updates to this notice', 'Policy changes'],
  'How we collect': ['How we obtain your information', 'Sources of data', 'How information is gathered'],
  'What we collect': ['Information we collect', 'Categories of personal data', 'Data we gather'],
  'How we share your data': ['Disclosure of personal data', 'Who we share data with', 'Sharing your information'],
  'Data retention': ['How long we keep your data', 'Retention of personal data', 'Data storage and retention'],
  'Data security': ['How we protect your data', 'Security of your information', 'Safeguards'],
  'Payment information': ['Payments', 'Billing information', 'Payment processing'],
  'Children\u2019s data': ['Children\u2019s privacy', 'Minors', 'Data about children'],
  'Your data rights': ['Your choices and rights', 'Your privacy rights', 'Managing your data'],
  'International transfers of data': ['Cross-border transfers', 'Transfers outside your country', 'Global data transfers'],
  'Contact us': ['How to contact us', 'Questions and contact', 'Contact information'],
  'Our products': ['Data processed for our customers', 'Our services', 'Customer data in our products'],
  'European residents': ['EEA, UK and Swiss residents', 'Additional rights for Europeans', 'GDPR rights'],
  'California residents': ['Your California privacy rights', 'CCPA notice', 'Notice to California consumers'],
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// One alternation for all phrases (longest first, so "personal data" wins over shorter overlaps): a single pass
// per text instead of one regular expression per phrase.
const SYNONYM_ALTERNATIVES = new Map<string, readonly string[]>(SYNONYMS.map(([phrase, alternatives]) => [phrase, alternatives]));
const SYNONYM_PATTERN = new RegExp(
  `\\b(?:${[...SYNONYM_ALTERNATIVES.keys()]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => escapeRegExp(phrase).replace(/ /g, '\\s+'))
    .join('|')})\\b`,
  'gi',
);

function matchCase(original: string, replacement: string): string {
  const first = original[0];
  if (first !== undefined && first !== first.toLowerCase()) return replacement[0]?.toUpperCase() + replacement.slice(1);
  return replacement;
}

/** Everything that makes one generated company's policy its own. */
interface CompanyProfile {
  name: string;
  domain: string;
  street: string;
  city: string;
  country: string;
  processor: string;
  socialNetworks: string;
  products: string[];
  headquarters: string;
}

function inventWord(random: Random): string {
  const count = 2 + Math.floor(random() * 2);
  let word = '';
  for (let i = 0; i < count; i++) word += pick(random, SYLLABLES);
  return word[0]?.toUpperCase() + word.slice(1);
}

function createProfile(random: Random, index: number): CompanyProfile {
  const prefix = NAME_PREFIXES[index % NAME_PREFIXES.length] ?? 'Acme';
  const suffix = NAME_SUFFIXES[Math.floor(index / NAME_PREFIXES.length) % NAME_SUFFIXES.length] ?? 'Labs';
  // Past prefixes × suffixes, an invented word keeps names (and their tokens) distinct.
  const name = index < NAME_PREFIXES.length * NAME_SUFFIXES.length ? `${prefix} ${suffix}` : `${inventWord(random)} ${suffix}`;
  const [city, region, postcode, country] = pick(random, CITIES);
  const networks = shuffle(random, [...SOCIAL_NETWORKS]).slice(0, 4);
  return {
    name,
    domain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`,
    street: `${10 + Math.floor(random() * 990)} ${pick(random, STREETS)}, Suite ${1 + Math.floor(random() * 40)}`,
    city: `${city}, ${region} ${postcode}`,
    country,
    processor: pick(random, PAYMENT_PROCESSORS),
    socialNetworks: `${networks.slice(0, 3).join(', ')} and ${networks[3] ?? 'YouTube'}`,
    products: [inventWord(random), inventWord(random), inventWord(random)].map((word) => `${word} ${pick(random, ['Studio', 'Cloud', 'Hub', 'Engine', 'Connect', 'Insight'])}`),
    headquarters: country === 'USA' ? 'the United States' : country,
  };
}

function substituteCompany(text: string, profile: CompanyProfile): string {
  return text
    .replace(/datarobot\.com/gi, profile.domain)
    .replace(/DataRobot/gi, profile.name)
    .replace(/Stripe/g, profile.processor)
    .replace(/stripe/g, profile.processor.toLowerCase())
    .replace(/Facebook, Twitter, Instagram and Tumblr/gi, profile.socialNetworks)
    .replace(/the United States/g, profile.headquarters)
    // Line by line: a borrowed sentence can hold one line of the address.
    .replace(/225 Franklin Street,? Floor 13/gi, profile.street)
    .replace(/Boston,? Massachusetts 02110/gi, profile.city)
    .replace(/^USA\.?$/gm, profile.country);
}

function substituteSynonyms(random: Random, text: string, rate: number): string {
  return text.replace(SYNONYM_PATTERN, (match) => {
    if (random() >= rate) return match;
    const alternatives = SYNONYM_ALTERNATIVES.get(match.toLowerCase().replace(/\s+/g, ' '));
    return alternatives === undefined ? match : matchCase(match, pick(random, alternatives));
  });
}

function shuffleSentences(random: Random, paragraph: string): string {
  const sentences = splitSentences(paragraph).map((span) => paragraph.slice(span.start, span.end));
  return sentences.length > 1 ? shuffle(random, sentences).join(' ') : paragraph;
}

function inventedSentence(random: Random, profile: CompanyProfile): string {
  const [product, other] = shuffle(random, [...profile.products]) as [string, string];
  const templates = [
    () => `For ${product} customers, this also applies to data processed in ${pick(random, REGIONS)}.`,
    () => `Questions about ${product} can be sent to the ${pick(random, TEAMS)} of ${profile.name}.`,
    () => `Our ${product} and ${other} offerings follow the same practice.`,
    () => `The ${pick(random, TEAMS)} reviews this practice every ${pick(random, ['quarter', 'year', 'six months'])}.`,
    () => `Data handled by ${product} is hosted with ${inventWord(random)} ${pick(random, ['Hosting', 'Datacenters', 'Networks'])}.`,
    () => `This also covers ${pick(random, TOPICS)} and ${pick(random, TOPICS)} collected through ${product}.`,
    () => `We do not use ${pick(random, TOPICS)} for this purpose unless ${inventWord(random)} ${pick(random, ['Partners', 'Group', 'GmbH', 'Ltd.'])} requires it.`,
    () => `If you use ${other}, ${pick(random, TOPICS)} may be processed by our vendor ${inventWord(random)}.`,
  ];
  return pick(random, templates)();
}

function slugify(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

const baseSentences = new WeakMap<PolicyDocument, string[]>();

/** Every sentence of a base document, split once per base rather than once per generated document. */
function sentencesOf(base: PolicyDocument): string[] {
  let sentences = baseSentences.get(base);
  if (sentences === undefined) {
    sentences = base.sections.flatMap((section) => splitSentences(section.text).map((span) => section.text.slice(span.start, span.end)));
    baseSentences.set(base, sentences);
  }
  return sentences;
}

/** A top-level section together with its sub-sections, so reordering keeps parents before children. */
type SectionBlock = PolicySection[];

function toBlocks(sections: readonly PolicySection[]): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  for (const section of sections) {
    const current = blocks[blocks.length - 1];
    if (section.path.length > 1 && current !== undefined) current.push(section);
    else blocks.push([section]);
  }
  return blocks;
}

function perturbDocument(
  random: Random,
  base: PolicyDocument,
  index: number,
  options: GenerateCorpusOptions,
): PolicyDocument {
  const profile = createProfile(random, index);
  const blocks = toBlocks(base.sections);
  // Neighbouring top-level sections swap now and then: real policies order the same topics differently.
  for (let i = 1; i + 1 < blocks.length; i++) {
    if (random() < 0.15) [blocks[i], blocks[i + 1]] = [blocks[i + 1] as SectionBlock, blocks[i] as SectionBlock];
  }
  const allSentences = sentencesOf(base);
  const headingRenames = new Map<string, string>();
  const sections: PolicySection[] = [];
  const usedIds = new Set<string>();
  for (const block of blocks) {
    let droppedDepth = Infinity;
    for (const section of block) {
      // Dropping a section drops its descendants; the first section of a document always stays.
      if (section.path.length > droppedDepth) continue;
      droppedDepth = Infinity;
      if (sections.length > 0 && random() < options.dropRate) {
        droppedDepth = section.path.length;
        continue;
      }
      const path = section.path.map((heading) => {
        const known = headingRenames.get(heading);
        if (known !== undefined) return known;
        const variants = HEADING_VARIANTS[heading];
        const renamed = variants !== undefined && random() < 0.5 ? pick(random, variants) : heading;
        headingRenames.set(heading, renamed);
        return renamed;
      });
      // Company details first: the address spans paragraphs that shuffling could reorder.
      let paragraphs = substituteCompany(section.text, profile).split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== '');
      if (paragraphs.length > 2 && random() < 0.3) paragraphs = shuffle(random, paragraphs);
      paragraphs = paragraphs.map((paragraph) =>
        random() < options.shuffleRate ? shuffleSentences(random, paragraph) : paragraph,
      );
      if (paragraphs.length > 0 && random() < 0.1) paragraphs.push(substituteCompany(pick(random, allSentences), profile));
      if (paragraphs.length > 0 && random() < 0.35) paragraphs.push(inventedSentence(random, profile));
      const text = substituteSynonyms(random, paragraphs.join('\n\n'), options.synonymRate);
      const slug = slugify(path[path.length - 1] ?? 'section') || 'section';
      let id = slug;
      for (let n = 2; usedIds.has(id); n++) id = `${slug}-${n}`;
      usedIds.add(id);
      sections.push({ id, path, text });
    }
  }
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const year = 2018 + Math.floor(random() * 7);
  return {
    id: `${slugify(profile.name)}-privacy-policy-${index + 1}`,
    title: `${profile.name} Privacy Policy`,
    url: `https://www.${profile.domain}/privacy/`,
    updated: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    sections,
    source: `generated:${options.seed}:${index}`,
  };
}

/**
 * Passages the answerer would cut from a document, counted with the same sentence splitter
 * (`splitPassages`), so the generator can stop near a passage target without building an index.
 *
 * @example
 * estimatePassageCount(doc) // => 74 for the bundled policy, say
 */
export function estimatePassageCount(document: PolicyDocument, maxPassageChars = defaultGenerateCorpusOptions.maxPassageChars): number {
  let count = 0;
  for (const section of document.sections) count += splitPassages(section.text, maxPassageChars).length;
  return count;
}

/**
 * Generates distinct policies from `bases` until their estimated passages reach `options.targetPassages`.
 * Deterministic for a given seed and base documents.
 *
 * @example
 * const docs = generateCorpus(loadCorpus(['corpus/datarobot-privacy-policy.md']), { targetPassages: 10_000 });
 */
export function generateCorpus(
  bases: readonly PolicyDocument[],
  options: Partial<GenerateCorpusOptions> = {},
): PolicyDocument[] {
  const settings: GenerateCorpusOptions = { ...defaultGenerateCorpusOptions, ...options };
  if (bases.length === 0) throw new Error('generate-corpus: at least one base document is required');
  if (bases.every((base) => base.sections.every((section) => section.text.trim() === ''))) {
    throw new Error('generate-corpus: the base documents have no section text to recombine');
  }
  if (!Number.isFinite(settings.targetPassages) || settings.targetPassages <= 0) {
    throw new Error(`generate-corpus: targetPassages must be a positive number, got ${settings.targetPassages}`);
  }
  for (const key of ['synonymRate', 'shuffleRate', 'dropRate'] as const) {
    const rate = settings[key];
    if (!(rate >= 0 && rate <= 1)) throw new Error(`generate-corpus: ${key} must be between 0 and 1, got ${rate}`);
  }
  const random = createRandom(settings.seed);
  const documents: PolicyDocument[] = [];
  let passages = 0;
  while (passages < settings.targetPassages) {
    const base = pick(random, bases);
    const document = perturbDocument(random, base, documents.length, settings);
    documents.push(document);
    passages += estimatePassageCount(document, settings.maxPassageChars);
  }
  return documents;
}

/**
 * Writes documents as Markdown policy files (`<id>.md`) into `folder`, creating it: a corpus folder the loader, the
 * hot-reloading answerer and `npm start` read like any other.
 *
 * @example
 * const files = writeCorpus(generateCorpus(bases, { targetPassages: 10_000 }), '/tmp/corpus-10k');
 */
export function writeCorpus(documents: readonly PolicyDocument[], folder: string): string[] {
  mkdirSync(folder, { recursive: true });
  return documents.map((document) => {
    const file = join(folder, `${document.id}.md`);
    writeFileSync(file, renderPolicyMarkdown(document));
    return file;
  });
}
