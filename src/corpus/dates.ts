const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_PATTERN = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** A date written in prose: `March 17, 2022`, `17 March 2022`, `2022-03-17`. */
export const DATE_PATTERN = new RegExp(
  `\\b(?:${MONTH_PATTERN}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_PATTERN},?\\s+(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))(?!\\d)`,
  'i',
);

/** Words that mark a date as the policy's own date rather than one mentioned in the text. */
export const DATE_LABEL_PATTERN = /\b(last\s+(?:updated|modified|revised|changes?|change)|updated|effective|revised|version\s+date|date\s+of\s+last)\b/i;

function monthIndex(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((month) => month.startsWith(lower.slice(0, 3)));
}

function iso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * Finds the first date in a string and returns it as ISO `YYYY-MM-DD`.
 *
 * @example
 * parseDate('Last updated: march 17, 2022') // => '2022-03-17'
 */
export function parseDate(text: string): string | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const [, m1, d1, y1, d2, m2, y2, yi, mi, di] = match;
  if (m1 && d1 && y1) return iso(Number(y1), monthIndex(m1), Number(d1));
  if (d2 && m2 && y2) return iso(Number(y2), monthIndex(m2), Number(d2));
  if (yi && mi && di) return iso(Number(yi), Number(mi) - 1, Number(di));
  return undefined;
}

/**
 * Formats an ISO date for citations: `2022-03-17` → `March 17, 2022`.
 *
 * @example
 * formatLongDate('2022-03-17') // => 'March 17, 2022'
 */
export function formatLongDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const name = MONTHS[(month ?? 1) - 1] ?? '';
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${day}, ${year}`;
}
