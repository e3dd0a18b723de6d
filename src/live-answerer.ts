import { watch, statSync, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { createAnswerer, type PolicyAnswerer } from './answerer.js';
import { loadCorpus } from './corpus/load.js';
import { silentLogger, type Logger } from './logger.js';
import type { Answer, Answerer, AskOptions, PolicyDocument } from './types.js';

/** Options passed through to {@link createAnswerer} on every (re)build. */
export type AnswererBuildOptions = Parameters<typeof createAnswerer>[1];

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
}

/** Defaults of {@link LiveAnswererOptions}. */
export const defaultLiveAnswererOptions = {
  debounceMs: 100,
  watch: true,
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

// The extensions loadCorpus reads from a folder; other files (editor swap files, backups) do not trigger a rebuild.
const CORPUS_FILE = /\.(md|markdown|txt|html?)$/i;

/**
 * An {@link Answerer} that rebuilds itself when its policy files change. A rebuild that throws (a `CorpusError` from a
 * broken edit, or anything else) or yields a document without text leaves the last good index serving and logs an
 * error naming the file, so a half-saved edit never takes the bot down.
 *
 * @example
 * const answerer = new LiveAnswerer({ paths: ['corpus'], logger });
 * answerer.answer('How long do you keep my data?');
 * const next = answerer.nextReload(); // e.g. in a test, before editing a file
 * answerer.close();
 */
export class LiveAnswerer implements Answerer {
  readonly paths: readonly string[];
  private current: PolicyAnswerer;
  private readonly logger: Logger;
  private readonly debounceMs: number;
  private readonly answererOptions: AnswererBuildOptions;
  private readonly watchers: FSWatcher[] = [];
  private readonly listeners = new Set<(result: ReloadResult) => void>();
  private readonly changed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  /** Builds the first index synchronously; throws (e.g. `CorpusError`) when that fails, as there is nothing to fall back to. */
  constructor(options: LiveAnswererOptions) {
    if (options.paths.length === 0) throw new Error('live-answerer: no corpus paths given');
    this.paths = options.paths.map((p) => resolve(p));
    this.logger = options.logger ?? silentLogger;
    this.debounceMs = options.debounceMs ?? defaultLiveAnswererOptions.debounceMs;
    this.answererOptions = options.answererOptions;
    this.current = this.build();
    if (options.watch ?? defaultLiveAnswererOptions.watch) this.watchPaths();
  }

  get documents(): readonly PolicyDocument[] {
    return this.current.documents;
  }

  /** The passages of the index now serving. */
  get passages(): PolicyAnswerer['passages'] {
    return this.current.passages;
  }

  answer(question: string, options?: AskOptions): Answer {
    return this.current.answer(question, options);
  }

  /**
   * Rebuilds from the files now on disk. Returns true when the new index is serving, false when the previous one is kept.
   *
   * @example
   * if (!answerer.reload()) console.error('still serving the previous corpus');
   */
  reload(): boolean {
    const changed = [...this.changed];
    this.changed.clear();
    let result: ReloadResult;
    try {
      this.current = this.build();
      result = { ok: true, documents: this.current.documents.length, changed };
      this.logger.info('live-answerer: corpus reloaded', { documents: result.documents, changed });
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      result = { ok: false, documents: this.current.documents.length, error, changed };
      // CorpusError messages name the file; for anything else, name the files that changed.
      const files = changed.filter((file) => !error.message.includes(file));
      const suffix = files.length > 0 ? ` (changed: ${files.join(', ')})` : '';
      this.logger.error(`live-answerer: reload failed, still serving the previous corpus: ${error.message}${suffix}`, { changed });
    }
    for (const listener of [...this.listeners]) listener(result);
    return result.ok;
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

  /** Stops watching. The last index keeps answering. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const watcher of this.watchers.splice(0)) watcher.close();
  }

  private build(): PolicyAnswerer {
    const documents = loadCorpus([...this.paths]);
    if (documents.length === 0) throw new Error(`live-answerer: no policy documents found in ${this.paths.join(', ')}`);
    for (const document of documents) {
      // A truncated save parses as a document without text; serving it would silently answer nothing.
      if (!document.sections.some((s) => s.text.trim() !== '')) {
        throw new Error(`live-answerer: ${document.source ?? document.id} has no policy text`);
      }
    }
    return createAnswerer(documents, this.answererOptions);
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
        if (name !== null && (names === 'all' ? !CORPUS_FILE.test(name) : !names.has(name))) return;
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
      if (!this.closed) this.reload();
    }, this.debounceMs);
  }
}
