import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { CorpusError, fileSystemError } from './errors.js';

/** Suffixes of the optional files beside a policy file: its knowledge file and its metadata sidecar. */
export const COMPANION_SUFFIXES = { knowledge: '.knowledge.json', sidecar: '.meta.json' } as const;

/**
 * Whether a file name is a knowledge file or a sidecar of some policy file (case-insensitive, as file systems may be).
 *
 * @example
 * isCompanionFile('acme.Knowledge.json') // => true
 * isCompanionFile('acme.json') // => false
 */
export function isCompanionFile(name: string): boolean {
  const lower = name.toLowerCase();
  return Object.values(COMPANION_SUFFIXES).some((suffix) => lower.endsWith(suffix));
}

/**
 * Path of a file that sits beside `file` with the same base name and another suffix.
 *
 * @example
 * besidePath('corpus/raw/page.txt', '.meta.json') // => '<absolute>/corpus/raw/page.meta.json'
 */
export function besidePath(file: string, suffix: string): string {
  return join(resolve(file, '..'), `${basename(file, extname(file))}${suffix}`);
}

/**
 * Is there anything at `path`, a dangling symbolic link included? An optional file beside a policy (sidecar, knowledge
 * file) that is a broken link is an error to report, not a file to skip.
 *
 * @example
 * somethingAt('corpus/raw/datarobot-privacy-page.meta.json') // => true
 */
export function somethingAt(path: string): boolean {
  if (existsSync(path)) return true;
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * `statSync` that follows symbolic links and reports failures as a `CorpusError` naming the path.
 *
 * @example
 * statPath('corpus').isDirectory() // => true
 */
export function statPath(path: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    throw fileSystemError(path, error);
  }
}

/** Whole megabytes or kilobytes, for error messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/**
 * Reads a regular file of at most `maxBytes`. The size is checked before reading, so a huge file is refused at once,
 * and reading stops past the limit, so a file that grows meanwhile cannot slip through. A FIFO or device is refused
 * without blocking on it. Every failure is a `CorpusError` naming the file (`what` says what kind of file it is).
 *
 * @example
 * readFileBounded('corpus/datarobot-privacy-policy.md', 5 * 1024 * 1024).length > 0 // => true
 */
export function readFileBounded(path: string, maxBytes: number, what = 'policy file'): Buffer {
  const tooLarge = (size: string): CorpusError =>
    new CorpusError(`corpus: ${path} is ${size}, over the limit of ${formatBytes(maxBytes)} for a ${what}; split it or raise the limit`, path);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it makes no difference to a regular file.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw fileSystemError(path, error);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new CorpusError(`corpus: ${path} is a folder, not a file`, path);
    if (!stats.isFile()) throw new CorpusError(`corpus: ${path} is not a regular file`, path);
    if (stats.size > maxBytes) throw tooLarge(formatBytes(stats.size));
    // Size + 1 so that one read tells whether the file grew; a grown file is read on, up to the limit.
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes, stats.size) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) throw tooLarge(`more than ${formatBytes(maxBytes)}`);
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw fileSystemError(path, error);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a JSON companion of a policy (its sidecar or knowledge file) when there is one: its text as written and its
 * parsed value. Throws `CorpusError` naming the file when it is unreadable, over `maxBytes` or not JSON.
 *
 * @example
 * readJsonCompanion('corpus/acme.meta.json', 64 * 1024, 'sidecar')?.data // => { title: 'Acme Privacy Policy' }
 */
export function readJsonCompanion(path: string, maxBytes: number, what: string): { text: string; data: unknown } | undefined {
  if (!somethingAt(path)) return undefined;
  const text = readFileBounded(path, maxBytes, what).toString('utf8');
  try {
    return { text, data: JSON.parse(text) };
  } catch (error) {
    throw new CorpusError(`corpus: ${path} is not valid JSON (${(error as Error).message})`, path);
  }
}
