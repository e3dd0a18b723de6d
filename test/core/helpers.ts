import { loadCorpus } from '../../src/corpus/load.js';
import { bundledCorpusDir } from '../../src/paths.js';
import type { PolicyDocument } from '../../src/types.js';

let bundled: PolicyDocument[] | undefined;

/** The bundled corpus, loaded once per test file. */
export function loadBundled(): PolicyDocument[] {
  bundled ??= loadCorpus([bundledCorpusDir]);
  return bundled;
}
