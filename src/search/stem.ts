import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

/**
 * Porter stems where Porter merges words this domain must keep apart: "personalized" would otherwise
 * stem to "person" and match every "personal data" in a privacy policy.
 */
const STEM_OVERRIDES: ReadonlyArray<readonly [prefix: string, stem: string]> = [
  ['personaliz', 'personaliz'],
  ['personalis', 'personaliz'],
  // "settings" would stem to "set" and match "set cookies"; the policy's "settings" are profile settings.
  ['settings', 'setting'],
  // "reseller" would stem to "resel", as "resell" does: a partner is not a sale of data.
  ['reseller', 'reseller'],
  // Porter merges these with words of other privacy topics: "profiling" (automated decisions) with "profile"
  // (account), "applicant" (job applications) with "applicable" (scope), "residency" (where data is stored) with
  // "resident" (who the law protects).
  ['profiling', 'profiling'],
  ['applicant', 'applicant'],
  ['residency', 'residency'],
  // "added" and "adding" would stem to "ad", as "ads" does: "my employer added me" is no advertising; "community"
  // would stem to "commun", as "communications" does: a forum is no marketing e-mail.
  ['added', 'add'],
  ['adding', 'add'],
  ['communit', 'community'],
];

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/**
 * Porter-stems one lower-case token, memoized (the same few thousand words recur across questions).
 *
 * @example
 * stem('retaining') // => 'retain'
 */
export function stem(token: string): string {
  const cached = cache.get(token);
  if (cached !== undefined) return cached;
  let result: string | undefined;
  for (const [prefix, fixed] of STEM_OVERRIDES) {
    if (token.startsWith(prefix)) {
      result = fixed;
      break;
    }
  }
  // Digits and very short tokens gain nothing from stemming ("18", "ip").
  result ??= token.length <= 2 || /\d/.test(token) ? token : PorterStemmer.stem(token);
  // A flood of unique junk tokens must not grow the cache without bound.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(token, result);
  return result;
}
