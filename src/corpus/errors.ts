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
