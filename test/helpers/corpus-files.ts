import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CorpusError } from '../../src/corpus/errors.js';
import type { PolicyDocument } from '../../src/types.js';

/** A temporary folder for corpus files; `file` writes one (folders created), `remove` deletes the lot. */
export function tempCorpus(prefix: string): { dir: string; file: (name: string, content: string | Buffer) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file(name, content) {
      const path = join(dir, name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs `run`, expects it to throw a `CorpusError`, and returns that error for its message and path. */
export function corpusError(run: () => unknown): CorpusError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CorpusError);
    return error as CorpusError;
  }
  throw new Error('expected a CorpusError');
}

/** The text of the section with this id, or a marker that makes a comparison fail readably. */
export function sectionText(document: PolicyDocument, id: string): string {
  return document.sections.find((section) => section.id === id)?.text ?? `(no section ${id})`;
}
