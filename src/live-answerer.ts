import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { AnswererOptionsInput } from './answerer.js';
import { CorpusError } from './corpus/errors.js';
import { isCompanionFile } from './corpus/files.js';
import { formatOf } from './corpus/load.js';
import type { AnswerReply, AnswerRequest, BuildReport, ChunkRequest, DocumentChunk, IndexSource, IndexWorkerData, SerializedError } from './index-worker.js';
import { silentLogger, type Logger } from './logger.js';
import { projectRoot } from './paths.js';
import type { Answer, Answerer, AskOptions, PolicyDocument } from './types.js';

/** Options passed through to `createAnswerer` on every (re)build. */
export type AnswererBuildOptions = AnswererOptionsInput;

/** Options for {@link LiveAnswerer}. */
export interface LiveAnswererOptions {
  /** Policy files or folders, as for `loadCorpus`. */
  paths: readonly string[];
  logger?: Logger;
  /** Quiet time after the last file event before rebuilding; editors write a file in several steps. */
  debounceMs?: number;
  /** Watch the paths and rebuild on change. Off, the answerer only rebuilds when {@link LiveAnswerer.reload} is called. */
  watch?: boolean;
  answererOptions?: AnswererBuildOptions;
  /** A rebuild still running after this long is abandoned (an error naming the changed files); the old index serves on. */
  rebuildTimeoutMs?: number;
  /** How long one question may take before {@link LiveAnswerer.answer} gives up with an error. */
  answerTimeoutMs?: number;
  /** Heap limit of each index thread: a hostile corpus fails its rebuild instead of exhausting the process. */
  maxIndexHeapMb?: number;
}

/** Defaults of {@link LiveAnswererOptions}. */
export const defaultLiveAnswererOptions = {
  debounceMs: 100,
  watch: true,
  rebuildTimeoutMs: 60_000,
  answerTimeoutMs: 5_000,
  maxIndexHeapMb: 1_024,
} as const;

/** Outcome of one rebuild. */
export interface ReloadResult {
  ok: boolean;
  /** Documents now served (the previous ones when the rebuild failed). */
  documents: number;
  /** Why the rebuild failed; the previous index keeps serving. */
  error?: Error;
  /** Files whose change triggered the rebuild (empty for a manual reload). */
  changed: string[];
}

// The files loadCorpus reads from a folder (policies in any format it knows, and their sidecar and knowledge files);
// other files (editor swap files, backups) do not trigger a rebuild.
const isCorpusFile = (name: string): boolean => formatOf(name) !== undefined || isCompanionFile(name);

/**
 * The compiled worker script. Under the test runner this module runs from its TypeScript source, which a worker thread
 * cannot load, so the build in `dist/` is used (`npm test` builds first).
 */
function workerScript(): URL {
  const own = fileURLToPath(import.meta.url);
  if (!own.endsWith('.ts')) return new URL('./index-worker.js', import.meta.url);
  const built = join(projectRoot, 'dist', 'src', 'index-worker.js');
  if (!existsSync(built)) throw new Error(`live-answerer: ${built} does not exist; run \`npm run build\` first`);
  return new URL(`file://${built}`);
}

function deserializeError(error: SerializedError): Error {
  if (error.name === 'CorpusError') return new CorpusError(error.message, error.path);
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}

/** One index, built and then served by its own thread; see `index-worker.ts` for the protocol. */
class IndexThread {
  /** Resolves with the built index's documents, or rejects with why it could not be built. */
  readonly ready: Promise<{ documents: PolicyDocument[]; passages: number }>;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 0;
  private exited = false;

  constructor(source: IndexSource, options: { answererOptions: AnswererBuildOptions | undefined; maxHeapMb: number }) {
    const channel = new MessageChannel();
    this.port = channel.port1;
    const data: IndexWorkerData = { source, port: channel.port2, signal: this.signal };
    if (options.answererOptions) data.answererOptions = options.answererOptions;
    const worker = new Worker(workerScript(), {
      workerData: data,
      transferList: [channel.port2],
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
      // The thread reports through messages; its stdout would interleave with the process's JSON logs.
      stdout: true,
    });
    this.worker = worker;
    worker.stdout.resume();
    // Neither the thread nor its port may keep the process alive; the servers and watchers decide that.
    worker.unref();
    this.port.unref();
    let failed: ((error: Error) => void) | undefined;
    const stopped = new Promise<never>((_, reject) => (failed = reject));
    // Handled here, so a thread that fails after it was set aside (an abandoned rebuild) is no unhandled rejection.
    stopped.catch(() => {});
    worker.once('error', (error) => failed!(error));
    worker.once('exit', (code) => {
      this.exited = true;
      failed!(new Error(`live-answerer: the index thread stopped (exit code ${code}) before the index was built`));
    });
    const nextMessage = <T>(): Promise<T> => Promise.race([new Promise<T>((resolveMessage) => worker.once('message', resolveMessage)), stopped]);
    this.ready = (async () => {
      const report = await nextMessage<BuildReport>();
      if (report.type === 'failed') throw deserializeError(report.error);
      // The documents come over a piece at a time, with the event loop free between pieces to serve requests.
      const documents: PolicyDocument[] = [];
      for (let index = 0; index < report.chunks; index++) {
        const chunk = nextMessage<DocumentChunk>();
        worker.postMessage({ type: 'chunk', index } satisfies ChunkRequest);
        const { document, sections } = await chunk;
        if (document) documents.push({ ...document, sections: [] });
        for (const section of sections) documents[documents.length - 1]!.sections.push(section);
        await new Promise((resolveTurn) => setImmediate(resolveTurn));
      }
      return { documents, passages: report.passages };
    })();
  }

  /** Resolves when the thread has stopped for any reason. */
  onExit(listener: (code: number) => void): void {
    if (this.exited) listener(-1);
    else this.worker.once('exit', listener);
  }

  /** Asks the thread synchronously: blocks this thread until the reply arrives or `timeoutMs` passes. */
  answer(question: string, options: AskOptions | undefined, timeoutMs: number): Answer {
    if (this.exited) throw new Error('live-answerer: the index thread has stopped; a new one is being built');
    const id = ++this.nextId;
    const request: AnswerRequest = options === undefined ? { id, question } : { id, question, options };
    Atomics.store(this.signal, 0, 0);
    this.port.postMessage(request);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // Taken before waiting: a reply posted before the signal was reset is already in the queue.
      const received = receiveMessageOnPort(this.port) as { message: AnswerReply } | undefined;
      if (received) {
        const reply = received.message;
        // A late reply to a question that timed out earlier is dropped.
        if (reply.id !== id) continue;
        if ('error' in reply) throw deserializeError(reply.error);
        return reply.answer;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`live-answerer: no answer from the index thread within ${timeoutMs} ms`);
      Atomics.wait(this.signal, 0, 0, remaining);
      Atomics.store(this.signal, 0, 0);
    }
  }

  terminate(): void {
    this.exited = true;
    this.port.close();
    void this.worker.terminate();
  }
}

/**
 * An {@link Answerer} that rebuilds itself when its policy files change, on a worker thread: the desk, Slack and
 * Discord keep answering from the last good index while a new one is built, however large or hostile the files are.
 * A rebuild that fails (a `CorpusError` from a broken edit, a document without text, anything thrown, a thread out of
 * memory) or takes longer than `rebuildTimeoutMs` leaves the last good index serving and logs an error naming the file
 * (or the files that changed). An edit during a rebuild restarts it, so the index always ends up reflecting the newest
 * files.
 *
 * Each index lives on its own thread and answers there; {@link answer} stays synchronous by waiting for the reply.
 *
 * @example
 * const answerer = await LiveAnswerer.start({ paths: ['corpus'], logger });
 * answerer.answer('How long do you keep my data?');
 * const next = answerer.nextReload(); // e.g. in a test, before editing a file
 * answerer.close();
 */
export class LiveAnswerer implements Answerer {
  readonly paths: readonly string[];
  private serving: IndexThread;
  private servedDocuments: PolicyDocument[];
  private servedPassages: number;
  private building: { thread: IndexThread; changed: string[]; timer: NodeJS.Timeout } | undefined;
  private readonly options: Required<Omit<LiveAnswererOptions, 'paths' | 'logger' | 'answererOptions'>>;
  private readonly answererOptions: AnswererBuildOptions | undefined;
  private readonly logger: Logger;
  private readonly watchers: FSWatcher[] = [];
  private readonly listeners = new Set<(result: ReloadResult) => void>();
  private readonly changed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  /**
   * Builds the first index (on a thread) and starts watching. Rejects (e.g. with a `CorpusError` naming the file)
   * when the first build fails, as there is nothing to fall back to.
   *
   * @example
   * const answerer = await LiveAnswerer.start({ paths: config.corpusPaths, logger });
   */
  static async start(options: LiveAnswererOptions): Promise<LiveAnswerer> {
    if (options.paths.length === 0) throw new Error('live-answerer: no corpus paths given');
    const paths = options.paths.map((p) => resolve(p));
    const maxHeapMb = options.maxIndexHeapMb ?? defaultLiveAnswererOptions.maxIndexHeapMb;
    const thread = new IndexThread({ paths }, { answererOptions: options.answererOptions, maxHeapMb });
    let built: { documents: PolicyDocument[]; passages: number };
    try {
      built = await thread.ready;
    } catch (error) {
      thread.terminate();
      throw error;
    }
    return new LiveAnswerer(paths, options, thread, built);
  }

  private constructor(paths: string[], options: LiveAnswererOptions, thread: IndexThread, built: { documents: PolicyDocument[]; passages: number }) {
    this.paths = paths;
    this.logger = options.logger ?? silentLogger;
    this.answererOptions = options.answererOptions;
    this.options = {
      debounceMs: options.debounceMs ?? defaultLiveAnswererOptions.debounceMs,
      watch: options.watch ?? defaultLiveAnswererOptions.watch,
      rebuildTimeoutMs: options.rebuildTimeoutMs ?? defaultLiveAnswererOptions.rebuildTimeoutMs,
      answerTimeoutMs: options.answerTimeoutMs ?? defaultLiveAnswererOptions.answerTimeoutMs,
      maxIndexHeapMb: options.maxIndexHeapMb ?? defaultLiveAnswererOptions.maxIndexHeapMb,
    };
    this.serving = thread;
    this.servedDocuments = built.documents;
    this.servedPassages = built.passages;
    this.watchServing();
    if (this.options.watch) this.watchPaths();
  }

  get documents(): readonly PolicyDocument[] {
    return this.servedDocuments;
  }

  /** Number of passages in the index now serving. */
  get passageCount(): number {
    return this.servedPassages;
  }

  /** True while a rebuild is in progress (the previous index serves meanwhile). */
  get rebuilding(): boolean {
    return this.building !== undefined;
  }

  answer(question: string, options?: AskOptions): Answer {
    return this.serving.answer(question, options, this.options.answerTimeoutMs);
  }

  /**
   * Rebuilds from the files now on disk, off this thread. Resolves with the result of the rebuild (of a later one, if
   * an edit restarts it); the previous index serves until a new one is complete.
   *
   * @example
   * if (!(await answerer.reload()).ok) console.error('still serving the previous corpus');
   */
  reload(): Promise<ReloadResult> {
    const result = this.nextReload();
    this.rebuild({ paths: this.paths });
    return result;
  }

  /**
   * Calls `listener` after every rebuild, successful or not. Returns a function that unsubscribes.
   *
   * @example
   * const off = answerer.onReload((r) => console.log(r.ok));
   */
  onReload(listener: (result: ReloadResult) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves with the result of the next rebuild; call it before changing a file.
   *
   * @example
   * const reloaded = answerer.nextReload();
   * writeFileSync(policyPath, newText);
   * expect((await reloaded).ok).toBe(true);
   */
  nextReload(): Promise<ReloadResult> {
    return new Promise((resolveReload) => {
      const off = this.onReload((result) => {
        off();
        resolveReload(result);
      });
    });
  }

  /** Stops watching and ends the index threads; {@link answer} fails afterwards. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const watcher of this.watchers.splice(0)) watcher.close();
    this.abandonBuild();
    this.serving.terminate();
  }

  /** Starts a rebuild from `source`, abandoning one in progress (its changed files carry over). */
  private rebuild(source: IndexSource): void {
    if (this.closed) return;
    const changed = [...(this.building?.changed ?? []), ...this.changed];
    this.changed.clear();
    if (this.abandonBuild()) this.logger.debug('live-answerer: rebuild restarted for newer changes', { changed });
    const thread = new IndexThread(source, { answererOptions: this.answererOptions, maxHeapMb: this.options.maxIndexHeapMb });
    const timer = setTimeout(() => {
      if (this.building?.thread !== thread) return;
      this.building = undefined;
      thread.terminate();
      this.finish({ ok: false, error: new Error(`live-answerer: the rebuild took longer than ${this.options.rebuildTimeoutMs} ms and was abandoned`), changed });
    }, this.options.rebuildTimeoutMs);
    timer.unref();
    this.building = { thread, changed, timer };
    thread.ready.then(
      (built) => {
        if (this.building?.thread !== thread) return;
        this.clearBuild();
        const previous = this.serving;
        this.serving = thread;
        this.servedDocuments = built.documents;
        this.servedPassages = built.passages;
        this.watchServing();
        previous.terminate();
        this.finish({ ok: true, changed });
      },
      (error: Error) => {
        if (this.building?.thread !== thread) return;
        this.clearBuild();
        thread.terminate();
        this.finish({ ok: false, error, changed });
      },
    );
  }

  private finish(outcome: { ok: true; changed: string[] } | { ok: false; error: Error; changed: string[] }): void {
    const { changed } = outcome;
    let result: ReloadResult;
    if (outcome.ok) {
      result = { ok: true, documents: this.servedDocuments.length, changed };
      this.logger.info('live-answerer: corpus reloaded', { documents: result.documents, passages: this.servedPassages, changed });
    } else {
      const { error } = outcome;
      result = { ok: false, documents: this.servedDocuments.length, error, changed };
      // CorpusError messages name the file; for anything else, name the files that changed.
      const files = changed.filter((file) => !error.message.includes(file));
      const suffix = files.length > 0 ? ` (changed: ${files.join(', ')})` : '';
      this.logger.error(`live-answerer: reload failed, still serving the previous corpus: ${error.message}${suffix}`, { changed });
    }
    for (const listener of [...this.listeners]) listener(result);
  }

  private clearBuild(): void {
    if (this.building) clearTimeout(this.building.timer);
    this.building = undefined;
  }

  /** Ends the rebuild in progress, if any; true when there was one. */
  private abandonBuild(): boolean {
    const building = this.building;
    if (!building) return false;
    this.clearBuild();
    building.thread.terminate();
    return true;
  }

  /**
   * If the serving thread dies (out of memory on a strange question, a bug), a new one is built from the documents it
   * served, not from disk, where the files may have changed since.
   */
  private watchServing(): void {
    const thread = this.serving;
    thread.onExit((code) => {
      if (this.closed || this.serving !== thread) return;
      this.logger.error(`live-answerer: the index thread stopped (exit code ${code}); rebuilding it from the documents it served`);
      this.rebuild({ documents: this.servedDocuments });
    });
  }

  /**
   * Watches folders rather than files: editors often save by writing a new file and renaming it over the old one,
   * which a watcher on the old file would never see. A listed folder reacts to any policy file in it (added, changed,
   * removed); a listed file's folder reacts to that file only.
   */
  private watchPaths(): void {
    const folders = new Map<string, Set<string> | 'all'>();
    for (const path of this.paths) {
      if (statSync(path).isDirectory()) {
        folders.set(path, 'all');
      } else {
        const folder = dirname(path);
        const names = folders.get(folder);
        if (names === 'all') continue;
        folders.set(folder, new Set([...(names ?? []), basename(path)]));
      }
    }
    for (const [folder, names] of folders) {
      const watcher = watch(folder, { persistent: false }, (_event, filename) => {
        const name = filename === null ? null : filename.toString();
        if (name !== null && (names === 'all' ? !isCorpusFile(name) : !names.has(name))) return;
        this.schedule(name === null ? folder : resolve(folder, name));
      });
      watcher.on('error', (error) => this.logger.error(`live-answerer: stopped watching ${folder}: ${error.message}`));
      this.watchers.push(watcher);
    }
  }

  private schedule(file: string): void {
    if (this.closed) return;
    this.changed.add(file);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.rebuild({ paths: this.paths });
    }, this.options.debounceMs);
  }
}
