/**
 * Answer passages for renderer tests: the bundled policy's document, URL and citation format, any section and text.
 */
import type { AnswerPassage } from '../../src/types.js';

/** The bundled policy's public URL. */
export const policyUrl = 'https://www.datarobot.com/privacy/';

/**
 * A passage of the DataRobot policy as the answerer would return it, without highlights (see {@link withHighlights}).
 *
 * @example
 * fixturePassage(['Contact us'], 'Write to us.', 'contact-us').url // => 'https://www.datarobot.com/privacy/#contact-us'
 */
export function fixturePassage(section: string[], text: string, id = 'data-retention', url = `${policyUrl}#${id}`): AnswerPassage {
  return {
    document: 'DataRobot Privacy Policy',
    documentId: 'datarobot-privacy-policy',
    sectionId: id,
    updated: '2022-03-17',
    section,
    text,
    highlights: [],
    score: 0.8,
    url,
    citation: `— DataRobot Privacy Policy, § ${section.join(' › ')} (updated March 17, 2022) ${url}`,
    confidence: 'high',
  };
}

/**
 * A copy of a passage with the given sentences of its text highlighted, in the order given (best first).
 *
 * @example
 * withHighlights(fixturePassage(['Data retention'], 'One. Two.'), 'Two.').highlights // => [{ start: 5, end: 9 }]
 */
export function withHighlights(passage: AnswerPassage, ...sentences: string[]): AnswerPassage {
  const highlights = sentences.map((sentence) => {
    const start = passage.text.indexOf(sentence);
    if (start < 0) throw new Error(`test fixture: ${JSON.stringify(sentence)} is not in the passage`);
    return { start, end: start + sentence.length };
  });
  return { ...passage, highlights };
}
