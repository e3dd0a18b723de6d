/**
 * Proper nouns and acronyms that a lower-cased scrape loses, general ones only (regulators, laws, large platforms,
 * countries, acronyms). Truecasing restores exactly these spellings; anything else gets plain sentence case. A
 * company's own names (its products, people, street) go in the `names` of its `<name>.knowledge.json`.
 */
export const defaultLexicon: readonly string[] = [
  // Organisations, services and legal forms.
  'Stripe',
  'Inc.',
  'LLC',
  'Ltd.',
  'Facebook',
  'Twitter',
  'Instagram',
  'Tumblr',
  'LinkedIn',
  'YouTube',
  'Google',
  'Google Analytics',
  'Microsoft',
  'Apple',
  'Amazon Web Services',
  'European Commission',
  'British Information Commissioner’s Office',
  "Information Commissioner's Office",
  'Data Protection Officer',
  'Master Subscription Agreement',
  'General Data Protection Regulation',
  'California Consumer Privacy Act',
  'California Privacy Rights Act',
  'Privacy Shield',
  // Places.
  'European Economic Area',
  'European Union',
  'Switzerland',
  'United Kingdom',
  'United States',
  'USA',
  'California',
  'Boston',
  'Massachusetts',
  'Canada',
  'Japan',
  'Singapore',
  'Australia',
  'Germany',
  'France',
  'Ireland',
  // Acronyms. Not "US": the pronoun "us" is far more common in policies than the country.
  'GDPR',
  'UK GDPR',
  'EU',
  'EEA',
  'UK',
  'CCPA',
  'CPRA',
  'MSA',
  'SaaS',
  'IP',
  'B2B',
  'AI',
  'API',
  'URL',
  'SMS',
  'HTTPS',
  'SSL',
  'TLS',
  'COPPA',
  'HIPAA',
  'ISO',
  'SOC 2',
  // Dates: month names (not "May", which is mostly the verb in policies).
  'January',
  'February',
  'March',
  'April',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The default lexicon plus extra terms (later entries win when two spell the same words differently).
 *
 * @example
 * extendLexicon(['Acme Corp', 'HubSpot']).includes('HubSpot') // => true
 */
export function extendLexicon(extra: readonly string[], base: readonly string[] = defaultLexicon): string[] {
  const byKey = new Map<string, string>();
  for (const term of [...base, ...extra]) {
    byKey.set(term.toLowerCase(), term);
  }
  return [...byKey.values()];
}
