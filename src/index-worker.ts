/**
 * The thread that builds and then serves one index for {@link LiveAnswerer} (`live-answerer.ts`). It loads the policy
 * files (or takes documents), builds the answerer, reports the documents to the main thread, then answers questions
 * sent on its port until it is terminated. Building here keeps a large or hostile corpus from stalling the thread that
 * serves the desk, Slack and Discord; a new index replaces the old one only once it is complete.
 *
 * Protocol: the main thread posts an {@link AnswerRequest} on `port`, and blocks on `signal` (`Atomics.wait`) until
 * this thread has posted the {@link AnswerReply} and stored 1 there; it then takes the reply with
 * `receiveMessageOnPort`. Answering stays synchronous for the adapters, at the cost of two message copies.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { createAnswerer, type AnswererOptionsInput, type PolicyAnswerer } from './answerer.js';
import { CorpusError } from './corpus/errors.js';
import { loadCorpus } from './corpus/load.js';
import type { Answer, AskOptions, PolicyDocument, PolicySection } from './types.js';

/** Where an index is built from: policy files on disk, or documents already loaded (the last good ones). */
export type IndexSource = { paths: readonly string[] } | { documents: readonly PolicyDocument[] };

/** What the worker is started with. */
export interface IndexWorkerData {
  source: IndexSource;
  answererOptions?: AnswererOptionsInput;
  /** The worker's end of the answering channel. */
  port: MessagePort;
  /** One Int32 over a SharedArrayBuffer: set to 1 after each reply. */
  signal: Int32Array;
}

/** An error as it crosses the thread boundary. */
export interface SerializedError {
  name: string;
  message: string;
  /** `CorpusError.path`, when there is one. */
  path?: string;
}

/**
 * First message on `parentPort`: the index is built (its documents follow in `chunks` pieces, each sent when the main
 * thread asks for it), or could not be.
 */
export type BuildReport = { type: 'built'; passages: number; chunks: number } | { type: 'failed'; error: SerializedError };

/** The main thread's request for one piece of the documents. */
export interface ChunkRequest {
  type: 'chunk';
  index: number;
}

/**
 * A piece of the documents: a document's fields with its first sections, or more sections of the document before.
 * The main thread takes them one at a time, between the requests it serves: copying a 100,000-section document in one
 * message would stall it for a quarter of a second.
 */
export interface DocumentChunk {
  type: 'chunk';
  index: number;
  document?: Omit<PolicyDocument, 'sections'>;
  sections: PolicySection[];
}

/** Sections per {@link DocumentChunk}: a millisecond or two to copy. */
export const SECTIONS_PER_CHUNK = 1_000;

export interface AnswerRequest {
  id: number;
  question: string;
  options?: AskOptions;
}

export type AnswerReply = { id: number; answer: Answer } | { id: number; error: SerializedError };

/**
 * Loads policy files for serving: `loadCorpus`, plus the checks that only matter when replacing a serving index (a
 * truncated save parses as a document without text; serving it would silently answer nothing).
 *
 * @example
 * const documents = loadPolicies(['corpus']);
 */
export function loadPolicies(paths: readonly string[]): PolicyDocument[] {
  const documents = loadCorpus([...paths]);
  if (documents.length === 0) throw new Error(`live-answerer: no policy documents found in ${paths.join(', ')}`);
  for (const document of documents) {
    if (!document.sections.some((section) => section.text.trim() !== '')) {
      throw new Error(`live-answerer: ${document.source ?? document.id} has no policy text`);
    }
  }
  return documents;
}

/**
 * An error in a form that survives `postMessage` with its kind and file.
 *
 * @example
 * serializeError(new CorpusError('corpus: a.md is empty', 'a.md')) // => { name: 'CorpusError', message: 'corpus: a.md is empty', path: 'a.md' }
 */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const serialized: SerializedError = { name: error.name, message: error.message };
  if (error instanceof CorpusError && error.path !== undefined) serialized.path = error.path;
  return serialized;
}

function serve(data: IndexWorkerData, answerer: PolicyAnswerer): void {
  data.port.on('message', (request: AnswerRequest) => {
    let reply: AnswerReply;
    try {
      reply = { id: request.id, answer: answerer.answer(request.question, request.options) };
    } catch (error) {
      reply = { id: request.id, error: serializeError(error) };
    }
    data.port.postMessage(reply);
    Atomics.store(data.signal, 0, 1);
    Atomics.notify(data.signal, 0);
  });
}

/**
 * Splits documents into {@link DocumentChunk}s of at most `size` sections.
 *
 * @example
 * chunkDocuments([{ id: 'a', title: 'A', sections: [s1, s2, s3] }], 2)
 * // => [{ type: 'chunk', index: 0, document: { id: 'a', title: 'A' }, sections: [s1, s2] }, { type: 'chunk', index: 1, sections: [s3] }]
 */
export function chunkDocuments(documents: readonly PolicyDocument[], size = SECTIONS_PER_CHUNK): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  for (const { sections, ...fields } of documents) {
    for (let start = 0; start === 0 || start < sections.length; start += size) {
      const chunk: DocumentChunk = { type: 'chunk', index: chunks.length, sections: sections.slice(start, start + size) };
      if (start === 0) chunk.document = fields;
      chunks.push(chunk);
    }
  }
  return chunks;
}

if (parentPort) {
  const port = parentPort;
  const data = workerData as IndexWorkerData;
  let answerer: PolicyAnswerer | undefined;
  try {
    const documents = 'paths' in data.source ? loadPolicies(data.source.paths) : [...data.source.documents];
    answerer = createAnswerer(documents, data.answererOptions);
    const chunks = chunkDocuments(documents);
    port.on('message', (request: ChunkRequest) => port.postMessage(chunks[request.index]));
    port.postMessage({ type: 'built', passages: answerer.passages.length, chunks: chunks.length } satisfies BuildReport);
  } catch (error) {
    port.postMessage({ type: 'failed', error: serializeError(error) } satisfies BuildReport);
  }
  if (answerer) serve(data, answerer);
}
