/**
 * The core's data model: what ingestion produces, what the index stores and what the answerer returns.
 * Adapters (Slack, Discord, web, CLI) depend on these types; nothing here depends on an adapter.
 */

/** One section of a policy: a heading and the verbatim text directly under it (not its sub-sections). */
export interface PolicySection {
  /** Anchor slug, unique within its document, e.g. `data-retention`. Deep links are `<url>#<id>`. */
  id: string;
  /** Heading path from the top-level section down to this one, e.g. `["How we share your data", "With affiliates"]`. */
  path: string[];
  /**
   * The cleaned, verbatim text directly under this heading. Paragraphs and list items are separated by a blank
   * line (`\n\n`). May be empty for a heading whose content is entirely in sub-sections.
   */
  text: string;
}

/** A whole policy document, as ingested from plain text, HTML or Markdown. */
export interface PolicyDocument {
  /** Stable identifier derived from the title or file name, e.g. `datarobot-privacy-policy`. */
  id: string;
  /** Human title, e.g. `DataRobot Privacy Policy`. */
  title: string;
  /** Public URL of the page, if known. Citations fall back to a local anchor (`#<section-id>`) without it. */
  url?: string;
  /** Last-updated date as ISO `YYYY-MM-DD`, if the page states one. */
  updated?: string;
  /** Sections in document order; parents come before their children. */
  sections: PolicySection[];
  /** Where the document was read from (a file path), for error messages and hot reload. */
  source?: string;
  /**
   * Id of the section to point askers to when the policy does not cover their question: a section whose heading is
   * about contact ("Contact us", "Questions?", "Data protection officer and contact"), else the section whose text
   * gives an e-mail or postal address. Absent when the policy has neither.
   */
  contactSectionId?: string;
  /** What the document's own `<name>.knowledge.json` says about it, when it has one. */
  knowledge?: DocumentKnowledge;
}

/**
 * Company-specific knowledge of one document, kept beside it in `<name>.knowledge.json` where its owner can edit it,
 * so that no general table names one company.
 */
export interface DocumentKnowledge {
  /** Names of the company, its products, people and places as written ("DataRobot", "DataRobot University", "Franklin Street"): restore capitalization in lower-cased scrapes; the answerer also treats them as names. */
  names?: string[];
  /** Phrases of the page that mark site chrome (menus, badges, banners): a line containing one is dropped at ingestion. Case-insensitive. */
  boilerplate?: string[];
  /** Things people ask about that this document does not state (product features, site menu items). Used by the answerer. */
  notStated?: string[];
  /**
   * Company-specific paraphrases, used by the answerer: when the asker writes one of `when`, look for `add` too (at
   * `weight`, default 0.8); `topical: false` for words that rank but do not make a question about privacy ("webinar").
   */
  synonyms?: { when: string[]; add: string[]; weight?: number; topical?: false }[];
}

/** An indexed excerpt: whole sentences of one section, at most about 800 characters. */
export interface Passage {
  /** Index of this passage in the index's passage array. */
  index: number;
  documentId: string;
  sectionId: string;
  /** Heading path of the section the passage comes from. */
  section: string[];
  /** Verbatim text: whole sentences copied from the section. */
  text: string;
}

/** One quoted passage in an answer, with everything needed to cite it. */
export interface AnswerPassage {
  /** Document title, e.g. `DataRobot Privacy Policy`. */
  document: string;
  /** Id of the document (`PolicyDocument.id`), e.g. `datarobot-privacy-policy`. */
  documentId: string;
  /** Id of the section within its document (`PolicySection.id`): the deep link's anchor, e.g. `data-retention`. */
  sectionId: string;
  /** The document's last-updated date as ISO `YYYY-MM-DD`, when it states one. */
  updated?: string;
  /** Heading path, e.g. `["How we share your data", "With affiliates"]`. */
  section: string[];
  /** Verbatim policy text. */
  text: string;
  /**
   * The sentences of `text` that answer the question, best first: one to three character ranges `[start, end)`
   * into `text`, each on sentence boundaries (whole sentences or list items, verbatim). Empty when no sentence
   * answers better than the others, and for a contact passage quoted because the question is not covered.
   */
  highlights: Array<{ start: number; end: number }>;
  /** Relevance score in [0, 1]; comparable across questions. */
  score: number;
  /** Deep link to the section: `<document url>#<section id>`, or `#<section id>` when the document has no URL. */
  url: string;
  /** One-line citation, e.g. `— DataRobot Privacy Policy, § Data retention (updated March 17, 2022) <url>#data-retention`. */
  citation: string;
  /**
   * `high` when the passage answers in its own right; `low` for a further match that ranks well below the best
   * passage or covers much less of the question. Passages come best first; adapters with little room show the
   * high-confidence ones.
   */
  confidence: 'high' | 'low';
  /**
   * When the passage starts inside a list: the sentence that introduces the list, verbatim ("We may share your
   * personal data with:"), which renderers quote before the passage.
   */
  intro?: string;
}

/** The answerer's reply to one question. */
export interface Answer {
  question: string;
  /** False when the policy does not cover the question; `passages` is then empty. */
  answered: boolean;
  /** Best passages first. */
  passages: AnswerPassage[];
  /**
   * When `answered` is false: where to ask instead, i.e. the policy's contact section (if it has one),
   * cited like any passage.
   */
  contact?: AnswerPassage;
}

/** Options for a single question. */
export interface AskOptions {
  /** At most this many passages (default 3). */
  top?: number;
}

/** What adapters need from the core. */
export interface Answerer {
  /** Answers one question synchronously. Never throws for any string input. */
  answer(question: string, options?: AskOptions): Answer;
  /** The documents the answerer was built from. */
  readonly documents: readonly PolicyDocument[];
}
