/**
 * Tokenization shared by the index and the query side, so both see the same words.
 * Deliberately simple and allocation-light: one regular expression over normalized text.
 */

// Letters and digits, with inner apostrophes kept so "children's" and "don't" stay one token.
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;
// Curly quotes, modifier letters and backticks all end up as a plain apostrophe.
const APOSTROPHES = /[\u2018\u2019\u02BC\u02B9\u0060\u00B4\u2032]/g;

/**
 * Lower-cases and folds typographic variants (curly apostrophes, compatibility forms) to plain text.
 *
 * @example
 * normalizeText('Children’s Data') // => "children's data"
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(APOSTROPHES, "'").toLowerCase().replace(E_MAIL, 'e');
}

// "e-mail" and "email" are one word, in policies and questions alike.
const E_MAIL = /\be-(?=mail)/g;

/**
 * Splits text into lower-case word tokens. Possessive `'s` is dropped ("children's" → "children");
 * other contractions stay whole ("don't") so the stopword list can catch them; "e-mail" is one word.
 *
 * @example
 * tokenize('Children’s data: under-18s, e-mail!') // => ['children', 'data', 'under', '18s', 'email']
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const normalized = normalizeText(text);
  WORD.lastIndex = 0;
  for (let match = WORD.exec(normalized); match !== null; match = WORD.exec(normalized)) {
    let token = match[0];
    if (token.endsWith("'s")) token = token.slice(0, -2);
    else if (token.endsWith("s'")) token = token.slice(0, -1);
    if (token.length > 0) out.push(token);
  }
  return out;
}

/**
 * Function words that carry no topic on either side (index and query). Kept short on purpose:
 * words such as "out", "off", "not" or "under" are handled by phrase rules in the synonym table,
 * and conversational filler ("hey", "guys", "wondering") lives there too, on the query side only.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'above', 'after', 'again', 'against', 'all', 'am', 'an', 'and', 'any', 'are', "aren't", 'as', 'at',
  'be', 'because', 'been', 'before', 'being', 'below', 'between', 'both', 'but', 'by',
  'can', "can't", 'cannot', 'could', "couldn't",
  'did', "didn't", 'do', 'does', "doesn't", 'doing', "don't", 'down', 'during',
  'each', 'either', 'else', 'ever', 'every',
  'few', 'for', 'from', 'further',
  'had', "hadn't", 'has', "hasn't", 'have', "haven't", 'having', 'he', "he'd", "he'll", 'her', 'here', 'hers', 'herself',
  'him', 'himself', 'his', 'how', "how's",
  'i', "i'd", "i'll", "i'm", "i've", 'if', 'in', 'into', 'is', "isn't", 'it', "it'd", "it'll", 'its', 'itself',
  'just',
  'let', "let's",
  'may', 'me', 'might', 'more', 'most', 'must', "mustn't", 'my', 'myself',
  'no', 'nor', 'not', 'now',
  'of', 'off', 'on', 'once', 'only', 'or', 'other', 'ought', 'our', 'ours', 'ourselves', 'out', 'over', 'own',
  'same', 'shall', "shan't", 'she', "she'd", "she'll", 'should', "shouldn't", 'so', 'some', 'such',
  'than', 'that', 'the', 'their', 'theirs', 'them', 'themselves', 'then', 'there', 'these', 'they', "they'd",
  "they'll", "they're", "they've", 'this', 'those', 'through', 'to', 'too',
  'under', 'until', 'up', 'upon', 'us',
  'very',
  'was', "wasn't", 'we', "we'd", "we'll", "we're", "we've", 'were', "weren't", 'what', 'when', 'where', 'which',
  'whether', 'while', 'who', 'whom', 'whose', 'why', 'will', 'with', "won't", 'would', "wouldn't",
  'yes', 'yet', 'you', "you'd", "you'll", "you're", "you've", 'your', 'yours', 'yourself', 'yourselves',
  // Contractions whose apostrophe users drop.
  'dont', 'doesnt', 'didnt', 'cant', 'wont', 'isnt', 'arent', 'im', 'ive', 'youre', 'whats', 'hows', 'thats', 'wheres', 'whos',
  'whens', 'theres', 'heres', 'theyre', 'shouldnt', 'wouldnt', 'couldnt', 'havent', 'hasnt', 'wasnt', 'werent', 'aint', 'youve',
]);

/**
 * Whether a token is a stopword, inflections included: "others" is "other", which the list has.
 *
 * @example
 * isStopword('others') // => true
 * isStopword('uses')   // => false
 */
export function isStopword(token: string): boolean {
  return STOPWORDS.has(token) || (token.length > 3 && token.endsWith('s') && STOPWORDS.has(token.slice(0, -1)));
}
