import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/**
 * Whether the module at `moduleUrl` is the process's entry point (`node dist/src/cli/ask.js …`), not an import from a
 * test or another module. The entry path is resolved through symlinks, as Node resolves the module's own URL.
 *
 * @example
 * if (isEntryPoint(import.meta.url)) process.exitCode = main(process.argv.slice(2));
 */
export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return moduleUrl === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}
