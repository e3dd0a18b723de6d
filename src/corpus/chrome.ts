/**
 * Page furniture that survives into the text of any format: separator characters between menu links, "back to top"
 * links, copyright lines. General rules only; a site's own badges and menus go in its `<name>.knowledge.json`.
 */

// Characters pages put between links or before items: pipes, bullets, guillemets, arrows, dashes.
const SEPARATOR_CHARS = '|•·»«›‹‣▪▫■□►▸▹◦●○*~_=\\-–—/\\\\†‡¦';
const SEPARATOR_ONLY = new RegExp(`^[\\s${SEPARATOR_CHARS}]*$`, 'u');
const LEADING_SEPARATORS = new RegExp(`^(?:[|•·»›‣▪▫■□►▸▹◦●○¦]\\s*)+`, 'u');
const TRAILING_SEPARATORS = new RegExp(`(?:\\s+[|•·»«›‹‣▪▫■□►▸▹◦●○¦])+\\s*$`, 'u');

/** Whole lines that are navigation rather than policy text. Tested on a line with its separators stripped. */
const CHROME_LINES: readonly RegExp[] = [
  /^(?:[↑⇧^]\s*)?(?:back to (?:the )?top|return to (?:the )?top|go to (?:the )?top|scroll to (?:the )?top|to the top|top of page)(?:\s*[↑⇧^])?$/i,
  /^(?:skip to (?:main )?content|skip navigation|jump to (?:main )?content)$/i,
  /^(?:share this(?: page| article)?|print this page|print)$/i,
  /^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})).{0,120}$/i,
  /^.{0,120}\ball rights reserved\.?$/i,
];

// A menu flattened to one line: three or more short items between pipes or bullets ("Home | Apps | Privacy").
const MENU_LINE = /^(?:[^|•·\s][^|•·]{0,30}\s[|•·]\s){2,}[^|•·\s][^|•·]{0,30}$/u;

/**
 * Is this line nothing but separators (`|`, `•`, `»`, `—`, a run of non-breaking spaces…)?
 *
 * @example
 * isSeparatorLine(' | ') // => true
 * isSeparatorLine('Cookies | Privacy') // => false
 */
export function isSeparatorLine(line: string): boolean {
  return SEPARATOR_ONLY.test(line);
}

/**
 * Takes leading bullets or pipes and trailing pipes off a line: `» Cookies |` → `Cookies`.
 *
 * @example
 * stripLineSeparators('• Sharing |') // => 'Sharing'
 */
export function stripLineSeparators(line: string): string {
  // White space collapsed first: the trailing pattern would retry from every space of a long run.
  return line.replace(/\s+/g, ' ').replace(LEADING_SEPARATORS, '').replace(TRAILING_SEPARATORS, '').trim();
}

/**
 * Is this line page chrome (separators only, "back to top", "skip to content", a copyright line, and with `menus` a
 * menu flattened to one line)?
 *
 * @example
 * isChromeLine('↑ Back to top') // => true
 * isChromeLine('Home | Apps | Privacy') // => true
 * isChromeLine('We keep your data for 30 days.') // => false
 */
export function isChromeLine(line: string, options: { menus: boolean } = { menus: true }): boolean {
  if (isSeparatorLine(line)) return true;
  // Chrome lines are short; a long line is text (and is not worth the patterns' time).
  if (line.length > 400) return false;
  const bare = stripLineSeparators(line);
  return CHROME_LINES.some((pattern) => pattern.test(bare)) || (options.menus && MENU_LINE.test(line.replace(/\s+/g, ' ').trim()));
}
