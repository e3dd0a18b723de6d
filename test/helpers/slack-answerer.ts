import { createAnswerer } from '../../src/answerer.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { bundledCorpusDir } from '../../src/paths.js';
import type { Answerer } from '../../src/types.js';

let bundled: Answerer | undefined;

/**
 * The real answerer over the bundled corpus, built once per test file.
 *
 * @example
 * const answerer = bundledSlackAnswerer();
 */
export function bundledSlackAnswerer(): Answerer {
  bundled ??= createAnswerer(loadCorpus([bundledCorpusDir]));
  return bundled;
}

/**
 * Wraps the real answerer so that questions containing `trigger` throw, to test crash handling; everything else is
 * answered by the real answerer.
 *
 * @example
 * const answerer = crashingOn('CRASH', bundledSlackAnswerer());
 */
export function crashingOn(trigger: string, inner: Answerer): Answerer {
  return {
    get documents() {
      return inner.documents;
    },
    answer(question, options) {
      if (question.includes(trigger)) throw new Error(`answerer exploded on "${question}" (jane.doe@example.com)`);
      return inner.answer(question, options);
    },
  };
}
