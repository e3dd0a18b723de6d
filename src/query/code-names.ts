/**
 * Names a question writes as code ("user_session", "_gh_sess", "__stripe_mid"): a cookie, a setting, a field. The
 * tokenizer splits them into words ("user", "session") that many table rows share, so the row that spells the name
 * whole is found by the name itself.
 */

/** A name written as code: letters and digits joined by underscores (at least one). */
const CODE_NAME = /[a-z0-9_-]*_[a-z0-9_-]*[a-z0-9]/g;
/** A character that continues such a name, or an acronym. */
const CODE_CHAR = /[A-Za-z0-9_-]/;

/**
 * The code names of a question, in lower case, each once.
 *
 * @example
 * codeNamesOf('What does the user_session cookie do?') // => ['user_session']
 * codeNamesOf('how long do you keep my data') // => []
 */
export function codeNamesOf(question: string): string[] {
  return [...new Set(question.toLowerCase().match(CODE_NAME) ?? [])];
}

/**
 * Where `text` (lower case) spells the code name whole, not as part of a longer one: each offset, first to last.
 *
 * @example
 * codeNameOffsets('github — user_session — used to log you in', 'user_session') // => [9]
 * codeNameOffsets('the _user_session_id cookie', 'user_session') // => []
 */
export function codeNameOffsets(text: string, name: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (CODE_CHAR.test(text[at - 1] ?? ' ') || CODE_CHAR.test(text[at + name.length] ?? ' ')) continue;
    offsets.push(at);
  }
  return offsets;
}

/**
 * Whether `text` (any case) spells one of the code names whole.
 *
 * @example
 * spellsCodeName('GitHub — user_session — This cookie is used to log you in.', ['user_session']) // => true
 */
export function spellsCodeName(text: string, names: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return names.some((name) => codeNameOffsets(lower, name).length > 0);
}
