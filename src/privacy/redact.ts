/**
 * Removes personal data from free text before it is written anywhere (logs, question logs).
 * Redaction is deliberately greedy: a false positive costs a little analytics detail, a false negative leaks data.
 * Secrets are masked first (`secrets.ts`): the rules below rewrite digit runs and addresses, which would otherwise
 * break a token into pieces no masker recognises.
 */
import { isIPv6 } from 'node:net';
import { maskSecrets } from './secrets.js';

// Letters and digits of any script, for addresses such as jöhn.müller@exämple.de (`\b` only knows ASCII).
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// A URL without a scheme: "www." and anything after it, or a domain name followed by a path, query or fragment
// (example.com/reset?token=…). A bare domain ("gmail.com") and file names ("policy.md") are not URLs.
const SCHEMELESS_URL = /(?<![\p{L}\p{N}@._/-])(?:www\.[^\s/?#]+\S*|(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?::\d{1,5})?[/?#]\S*)/giu;
// Candidates for IPv6 addresses (hex groups and colons, with an optional IPv4 tail), checked by net.isIPv6 so that
// times (10:30, 10:30:45) and other colon-separated numbers stay.
const IPV6_CANDIDATE = /(?<![\w:.])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:\.\d{1,3}){0,3}(?![\w:])/gi;

const RULES: ReadonlyArray<readonly [RegExp, string | ((match: string) => string)]> = [
  // Chat platform mentions carry user and channel ids.
  [/<[@#!][^>\s]*>/g, '[mention]'],
  [EMAIL, '[email]'],
  [/\bhttps?:\/\/\S+/gi, '[url]'],
  [SCHEMELESS_URL, '[url]'],
  // IPv6 before IPv4 (an embedded IPv4 tail is part of the address) and both before phone numbers, which would
  // otherwise swallow them.
  [IPV6_CANDIDATE, (match) => (isIPv6(match) ? '[ip]' : match)],
  [/\b(?:\d{1,3}\.){3}\d{1,3}\b/g, '[ip]'],
  // Card numbers, IBANs and other long digit runs (13+ digits, optionally grouped).
  [/\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}\b/g, '[account]'],
  [/\b\d(?:[ -]?\d){12,18}\b/g, '[number]'],
  // Phone numbers: 7+ digits with common separators, optional leading +.
  [/(?:\+|\b)\d[\d\s().-]{5,}\d\b/g, '[phone]'],
  [/@[A-Za-z0-9_.]{2,32}\b/g, '[mention]'],
];

/**
 * Masks secrets, then replaces e-mail addresses, phone numbers, IP addresses, long numbers, URLs and chat mentions
 * with placeholders. This is the only way the personal-data rules run, so they always see masked text.
 *
 * @example
 * redactPersonalData('mail jöhn.müller@example.de or call +1 (617) 555-0100 from fe80::1')
 * // => 'mail [email] or call [phone] from [ip]'
 */
export function redactPersonalData(text: string): string {
  let out = maskSecrets(text);
  for (const [pattern, replacement] of RULES) {
    out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  }
  return out;
}
