/** Raised for any input the corpus loader cannot turn into a usable document; the message names the file or folder. */
export class CorpusError extends Error {
  /** The file or folder the problem is about, when there is one. */
  readonly path?: string;

  constructor(message: string, path?: string) {
    super(message.startsWith('corpus:') ? message : `corpus: ${message}`);
    this.name = 'CorpusError';
    if (path !== undefined) this.path = path;
  }
}

// What each errno means to someone who pointed the bot at a file; anything else is reported with its code.
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'does not exist',
  ENOTDIR: 'does not exist (a part of its path is not a folder)',
  EACCES: 'cannot be read: permission denied',
  EPERM: 'cannot be read: permission denied',
  EISDIR: 'is a folder, not a file',
  ELOOP: 'is a symbolic link that loops back on itself',
  ENAMETOOLONG: 'has a name that is too long',
  EMFILE: 'cannot be opened: too many open files',
  EIO: 'cannot be read: input/output error',
};

/**
 * Turns a file-system error about `path` into a `CorpusError` that names the file and says why in plain words.
 *
 * @example
 * fileSystemError('corpus/acme.md', Object.assign(new Error('EACCES'), { code: 'EACCES' })).message
 * // => 'corpus: corpus/acme.md cannot be read: permission denied'
 */
export function fileSystemError(path: string, error: unknown): CorpusError {
  if (error instanceof CorpusError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = (code && REASONS[code]) ?? `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  return new CorpusError(`corpus: ${path} ${reason}`, path);
}
