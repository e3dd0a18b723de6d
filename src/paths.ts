import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Walks up from this module to the folder holding package.json, so paths work from `src/` and from `dist/src/`. */
function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`paths: no package.json above ${start}`);
    dir = parent;
  }
}

/** The repository root. */
export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** The bundled corpus folder: cleaned policies, one file per document. */
export const bundledCorpusDir = join(projectRoot, 'corpus');
