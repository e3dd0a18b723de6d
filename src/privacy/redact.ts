/**
 * Removes personal data from free text before it is written anywhere (logs, question logs).
 * Redaction is deliberately greedy: a false positive costs a little analytics detail, a false negative leaks data.
 */

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // Chat platform mentions carry user and channel ids.
  [/<[@#!][^>\s]*>/g, '[mention]'],
  [/\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, '[email]'],
  [/\bhttps?:\/\/\S+/gi, '[url]'],
  // IPv4 before phone numbers, which would otherwise swallow it.
  [/\b(?:\d{1,3}\.){3}\d{1,3}\b/g, '[ip]'],
  [/\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\b/gi, '[ip]'],
  // Card numbers, IBANs and other long digit runs (13+ digits, optionally grouped).
  [/\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}\b/g, '[account]'],
  [/\b\d(?:[ -]?\d){12,18}\b/g, '[number]'],
  // Phone numbers: 7+ digits with common separators, optional leading +.
  [/(?:\+|\b)\d[\d\s().-]{5,}\d\b/g, '[phone]'],
  [/@[A-Za-z0-9_.]{2,32}\b/g, '[mention]'],
];

/**
 * Replaces e-mail addresses, phone numbers, IP addresses, long numbers, URLs and chat mentions with placeholders.
 *
 * @example
 * redactPersonalData('mail jane.doe@example.com or call +1 (617) 555-0100')
 * // => 'mail [email] or call [phone]'
 */
export function redactPersonalData(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
