/**
 * The names a policy uses for its company, products and people ("GitHub", "Basecamp", "Mozilla", "ISRG"): in a
 * question they say which company is meant, not which section, so the answerer weighs them like weak words. Found
 * in the policy text (words the policy capitalizes wherever they occur and that are no English word, place or
 * privacy term) and in the company's knowledge file (`names`).
 */
import type { PolicyDocument } from '../types.js';
import { isEnglishWord } from '../search/english.js';
import { isStopword, normalizeText } from '../search/tokenize.js';

/** Options of {@link policyNames}. */
export interface NameOptions {
  /** A word is a name only if it occurs at least this often... */
  minOccurrences: number;
  /** ...and this share of its occurrences (not counting sentence starts and web addresses) is capitalized... */
  minCapitalizedShare: number;
  /**
   * ...and it occurs in the title or in at least this share of the sections: the company's own names recur
   * everywhere, while a vendor named once or twice ("Gmail", "Trello") is what a question about it is about.
   */
  minSectionShare: number;
  /**
   * Sections needed before spread says anything: in a page of one or two sections (a cookie table) every word is
   * "everywhere", and the vendors it lists ("Microsoft", "LinkedIn") are what questions about it are about. Such a
   * page's own names still come from its title, its web addresses and its knowledge file.
   */
  minSections: number;
}

export const defaultNameOptions: NameOptions = { minOccurrences: 3, minCapitalizedShare: 0.9, minSectionShare: 0.2, minSections: 5 };

/** What {@link policyNames} finds. */
export interface PolicyNames {
  /** Lower-case words that are names. */
  words: Set<string>;
  /**
   * Names written as one word of two capitalized parts ("DataRobot", "GitHub"), keyed by their parts as askers
   * type them apart ("data robot", "git hub"), with the joined word.
   */
  joined: Map<string, string>;
  /**
   * Acronyms of the policy's capitalized names, lower case, with their long form: defined ones ("Data Privacy
   * Framework (DPF)") and the initials of hyphenated names ("Corona-Warn-App" → "cwa").
   */
  acronyms: Map<string, string>;
}

// "Data Privacy Framework (DPF)", "Robert Koch Institute (RKI)": a capitalized name and its acronym in brackets.
const DEFINED_ACRONYM = /((?:\p{Lu}[\p{L}’'.]*[\s-]+(?:(?:of|for|and|the|de|du)[\s-]+)?){1,6}\p{Lu}[\p{L}’'.]*)\s*\(\s*(\p{Lu}[\p{Lu}\p{N}]{1,7})\s*\)/gu;
// A hyphenated name of two to six capitalized parts: "Corona-Warn-App". (Runs of capitalized words separated by
// spaces are mostly title-case headings, whose initials mean nothing.)
const HYPHENATED_NAME = /(?<![\p{L}\p{N}-])\p{Lu}[\p{Ll}\p{N}]*(?:-\p{Lu}[\p{Ll}\p{N}]*){1,5}(?![\p{L}\p{N}-])/gu;

/**
 * Acronyms a policy defines or implies by its capitalized names, with their long forms (lower case). An acronym
 * that could stand for two names, or that is an English word ("IT", "US"), is left out.
 *
 * @example
 * policyAcronyms(documents).get('dpf') // => 'data privacy framework'
 */
export function policyAcronyms(documents: readonly PolicyDocument[], isEnglish: (word: string) => boolean = isEnglishWord): Map<string, string> {
  const candidates = new Map<string, Set<string>>();
  const add = (acronym: string, longForm: string): void => {
    const key = normalizeText(acronym);
    if (key.length < 2 || isEnglish(key) || isStopword(key)) return;
    let forms = candidates.get(key);
    if (forms === undefined) candidates.set(key, (forms = new Set()));
    forms.add(normalizeText(longForm).replace(/[\s-]+/g, ' '));
  };
  const defined = new Map<string, string>();
  for (const document of documents) {
    for (const section of document.sections) {
      for (const text of [section.text, ...section.path]) {
        for (const match of text.matchAll(DEFINED_ACRONYM)) {
          const words = match[1]!.trim().split(/[\s-]+/);
          // The acronym's letters are the initials of the name's last words ("the Robert Koch Institute (RKI)").
          const letters = match[2]!.replace(/\p{N}/gu, '');
          const name = words.slice(-letters.length).join(' ');
          if (words.length >= letters.length && words.slice(-letters.length).every((word, i) => word[0]?.toUpperCase() === letters[i])) defined.set(normalizeText(match[2]!), normalizeText(name));
        }
        for (const match of text.matchAll(HYPHENATED_NAME)) {
          const parts = match[0].split('-');
          // Two-part compounds ("Third-Party", "Sign-In") are ordinary words with capitals, not names.
          if (parts.length >= 3) add(parts.map((word) => word[0]).join(''), match[0]);
        }
      }
    }
  }
  const acronyms = new Map<string, string>();
  for (const [key, forms] of candidates) if (forms.size === 1) acronyms.set(key, [...forms][0]!);
  for (const [key, longForm] of defined) acronyms.set(key, longForm);
  return acronyms;
}

// Words a policy's title uses for what it is, not whose it is.
const TITLE_WORDS: ReadonlySet<string> = new Set(['privacy', 'policy', 'policies', 'notice', 'statement', 'cookie', 'cookies', 'data', 'protection', 'terms', 'general', 'global', 'our', 'the', 'of', 'and', 'for', 'on', 'personal', 'information', 'act', 'website', 'app', 'en']);

/**
 * The company or product name that leads a title, when it is two or three capitalized words ("Let's Encrypt" in
 * "Let's Encrypt Privacy Policy"); null for titles that name no one ("Privacy Policy") or one word (found anyway).
 */
function titleName(title: string): string | null {
  const words = title.split(/\s+/);
  let end = 0;
  while (end < words.length && !TITLE_WORDS.has(normalizeText(words[end]!).replace(/[^\p{L}]/gu, '')) && /^\p{Lu}/u.test(words[end]!)) end++;
  return end >= 2 && end <= 3 ? words.slice(0, end).join(' ') : null;
}

// Words as the index tokenizer sees them (src/search/tokenize.ts), possessives included: "GitHub’s".
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/**
 * Finds the names of a corpus.
 *
 * @example
 * policyNames(documents, (word) => sharedWordNet().lookup(word).known).words // => Set { 'github', … }
 */
export function policyNames(documents: readonly PolicyDocument[], isGeneralWord: (word: string) => boolean, options: Partial<NameOptions> = {}, isTopicWord: (word: string) => boolean = () => false): PolicyNames {
  const settings = { ...defaultNameOptions, ...options };
  const counts = new Map<string, { total: number; capitalized: number; spelling: string; sections: Set<string> }>();
  const titleWords = new Set<string>();
  // A corpus repeats its words thousands of times; each spelling is normalized once.
  const keyOfWord = new Map<string, string>();
  let sectionCount = 0;
  for (const document of documents) {
    for (const match of document.title.matchAll(WORD)) titleWords.add(normalizeText(match[0].replace(/['’]s$/u, '')));
    for (const section of document.sections) {
      sectionCount++;
      const sectionKey = `${document.id}#${section.id}`;
      for (const text of [section.text, ...section.path]) {
        for (const match of text.matchAll(WORD)) {
          const word = match[0].replace(/['’]s$/u, '');
          const at = match.index;
          const end = at + match[0].length;
          // A sentence's first word is capitalized anyway; web and e-mail addresses are lower case anyway.
          const before = text.slice(Math.max(0, at - 3), at);
          if (at === 0 || /[.!?:]\s*$|\n\s*$/.test(before) || /[./@[]$/.test(before) || /^(?:\.\p{L}|\[)/u.test(text.slice(end, end + 2))) continue;
          let key = keyOfWord.get(word);
          if (key === undefined) keyOfWord.set(word, (key = normalizeText(word)));
          let entry = counts.get(key);
          if (entry === undefined) counts.set(key, (entry = { total: 0, capitalized: 0, spelling: word, sections: new Set() }));
          entry.sections.add(sectionKey);
          entry.total++;
          if (/^\p{Lu}/u.test(word)) {
            entry.capitalized++;
            if (!/^\p{Lu}/u.test(entry.spelling)) entry.spelling = word;
          }
        }
      }
    }
  }
  const words = new Set<string>();
  const joined = new Map<string, string>();
  const add = (name: string): void => {
    const key = normalizeText(name);
    if (key.length < 2 || isStopword(key)) return;
    words.add(key);
    // "DataRobot", "GitHub", "WordPress": askers also write the parts apart.
    const parts = name.split(/(?<=\p{Ll})(?=\p{Lu})/u);
    if (parts.length === 2) joined.set(parts.map(normalizeText).join(' '), key);
  };
  for (const [word, { total, capitalized, spelling, sections }] of counts) {
    // Capitalized English words are defined terms ("the Services"), places or headings, not names.
    if (isEnglishWord(word) || isGeneralWord(word)) continue;
    // A word of the title that no dictionary has is the company's or the product's name ("Tinyshop Privacy Notice").
    if (titleWords.has(word)) {
      add(spelling);
      continue;
    }
    if (sectionCount < settings.minSections || total < settings.minOccurrences || capitalized / total < settings.minCapitalizedShare) continue;
    if (sections.size < settings.minSectionShare * sectionCount) continue;
    add(spelling);
  }
  for (const word of titleWords) if (!counts.has(word) && !isEnglishWord(word) && !isGeneralWord(word) && /^\p{L}/u.test(word)) add(word);
  // A name of English words leads the title ("Let's Encrypt Privacy Policy", "Pocket Notes Cookie Notice"): askers
  // write it as it is, and its words ("encrypt") must not read as what the question is about.
  const titleNames: string[] = [];
  for (const document of documents) {
    const name = titleName(document.title);
    if (name === null) continue;
    // Askers type it apart ("let's encrypt", which reads as "let encrypt") or as in its web address ("letsencrypt").
    const key = normalizeText(name).replace(/[^\p{L}\p{N}]/gu, '');
    words.add(key);
    for (const typed of typedApart(name)) joined.set(typed, key);
    titleNames.push(name);
  }
  // A capitalized name the policy's own web addresses spell ("Read the Docs" and readthedocs.org, "Whereby" and
  // whereby.com): the company or its product, however English its words; askers also use its initials ("RTD").
  const acronyms = policyAcronyms(documents, (word) => isEnglishWord(word) || isGeneralWord(word));
  // The initials of a name of several words, unless they are taken or a word themselves.
  const addInitials = (parts: readonly string[]): void => {
    const initials = parts.map((part) => part[0]).join('');
    if (parts.length > 1 && !acronyms.has(initials) && !isEnglishWord(initials) && !isGeneralWord(initials)) acronyms.set(initials, parts.join(' '));
  };
  // Askers shorten the title's name to its initials too ("LE" for Let's Encrypt).
  for (const name of titleNames) addInitials(typedApart(name)[0]!.split(' '));
  const domains = domainLabels(documents);
  for (const document of documents) {
    for (const text of [document.title, ...document.sections.flatMap((section) => [section.text, ...section.path])]) {
      for (const match of text.matchAll(CAPITALIZED_NAME)) {
        const name = match[0];
        const key = normalizeText(name).replace(/[^\p{L}\p{N}]/gu, '');
        if (words.has(key) || !domains.has(key)) continue;
        const parts = [...name.matchAll(WORD)].map((word) => normalizeText(word[0].replace(/['’]s$/u, '')));
        // A privacy topic with its own website ("Data Privacy Framework", dataprivacyframework.gov) is no company.
        const content = parts.filter((part) => !isStopword(part));
        if (content.length > 1 && content.every((part) => isTopicWord(part))) continue;
        words.add(key);
        if (parts.length > 1) {
          for (const typed of typedApart(name)) joined.set(typed, key);
          addInitials(parts);
        }
      }
    }
  }
  for (const document of documents) {
    for (const name of document.knowledge?.names ?? []) {
      for (const match of name.matchAll(WORD)) {
        const word = normalizeText(match[0]);
        if (!isEnglishWord(word) && !isGeneralWord(word)) add(match[0]);
      }
    }
  }
  return { words, joined, acronyms };
}

// One to four capitalized words, with lower-case joining words inside ("Read the Docs", "Bank of America").
const CAPITALIZED_NAME = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}'’]*(?:[\s-]+(?:(?:the|of|and|for|de)[\s-]+)?\p{Lu}[\p{L}\p{N}'’]*){0,3}/gu;

/**
 * The labels of the company's own web addresses (readthedocs.org → "readthedocs"): those of its e-mail addresses, of
 * the document's URL, and the address the policy gives most often. Vendors' addresses it mentions once or twice
 * ("linkedin.com") are not the company's.
 */
function domainLabels(documents: readonly PolicyDocument[]): Set<string> {
  const labels = new Set<string>();
  const counts = new Map<string, number>();
  const DOMAIN = /(@?)(?<![\p{L}\p{N}.-])(?:www\.)?([a-z0-9][a-z0-9-]{1,62})\.(?:[a-z0-9-]+\.)*(?:com|org|net|io|gov|edu|co|de|uk|eu|app|dev|ai|me|us)\b/giu;
  for (const document of documents) {
    for (const text of [document.url ?? '', ...document.sections.map((section) => section.text)]) {
      for (const match of text.matchAll(DOMAIN)) {
        const label = match[2]!.toLowerCase().replace(/-/g, '');
        if (match[1] === '@' || text === document.url) labels.add(label);
        counts.set(label, (counts.get(label) ?? 0) + 1);
      }
    }
  }
  let top: [string, number] | undefined;
  for (const entry of counts) if (top === undefined || entry[1] > top[1]) top = entry;
  if (top !== undefined && top[1] >= 2) labels.add(top[0]);
  return labels;
}

/**
 * A name of several words as askers type it apart: with the possessive gone, as the tokenizer reads it ("let's
 * encrypt" → "let encrypt"), and with the apostrophe left out ("lets encrypt").
 *
 * @example
 * typedApart("Let's Encrypt") // => ['let encrypt', 'lets encrypt']
 */
export function typedApart(name: string): string[] {
  const words = [...name.matchAll(WORD)].map((match) => normalizeText(match[0]));
  const keys = new Set([words.map((word) => word.replace(/['’]s$/u, '')).join(' '), words.map((word) => word.replace(/['’]/gu, '')).join(' ')]);
  return [...keys];
}
