/**
 * Questions that ask in which country data is kept or where the servers are ("which countries are your data
 * centers in?"), and whether a passage names a country. A transfers section that says data may leave a region
 * ("outside the EEA") shares the question's words but does not say where the data is. The words are data
 * (src/knowledge/data-locations.json).
 */
import { COUNTRY_NAMES, DATA_LOCATION_ASKS, DATA_LOCATION_EXCEPTIONS } from '../knowledge/tables.js';
import { phrasePattern } from '../regexp.js';
import { normalizeText } from '../search/tokenize.js';

const ASKS = phrasePattern(DATA_LOCATION_ASKS);
const EXCEPTIONS = phrasePattern(DATA_LOCATION_EXCEPTIONS);
const COUNTRY = phrasePattern(COUNTRY_NAMES);
// In capitals only, on the text as written: "us" is a pronoun.
const UNITED_STATES_ABBREVIATION = /\bU\.S\.|\b(?:USA|US)\b/;

/**
 * Whether the question asks in which country data is kept or where the servers are.
 *
 * @example
 * asksDataLocation('which countries are your data centers in?') // => true
 * asksDataLocation('where are your servers located?') // => true
 * asksDataLocation("how do you know what country I'm in?") // => false
 */
export function asksDataLocation(question: string): boolean {
  const text = normalizeText(question);
  return ASKS.test(text) && !EXCEPTIONS.test(text);
}

/**
 * Whether a passage names a country.
 *
 * @example
 * namesCountry('Your data is stored in the United States.') // => true
 * namesCountry('Data is hosted by AWS in Ireland.') // => true
 * namesCountry('We may transfer your data outside the EEA.') // => false
 * namesCountry('Contact us about your data.') // => false
 */
export function namesCountry(text: string): boolean {
  return UNITED_STATES_ABBREVIATION.test(text) || COUNTRY.test(normalizeText(text));
}
