/**
 * `npm run --silent ask -- [--json | --short] [--top K] [--corpus PATH]... [QUESTION]`
 *
 * Answers a question from the command line with verbatim, cited policy passages. Without a question, reads
 * questions from stdin, one per line (interactive with a prompt on a terminal). `--json` prints exactly one
 * JSON object per question per line (JSON Lines) and nothing else on stdout; `--short` prints only the answer
 * sentence (the highlighted sentences of the first passage) with its citation. Usage errors exit with code 2.
 */
import { createInterface } from 'node:readline';
import { createAnswerer, type PolicyAnswerer } from '../answerer.js';
import { CorpusError, loadCorpus } from '../corpus/load.js';
import { bundledCorpusDir, isEntryPoint } from '../paths.js';
import { renderPlainText, renderShortText } from '../render/text.js';
import type { Answer } from '../types.js';

/** Parsed command line. */
export interface AskArguments {
  json: boolean;
  /** Only the answer sentence of the first passage, with its citation (what the desk's "Copy answer sentence" copies). */
  short: boolean;
  top: number;
  corpus: string[];
  question?: string;
  help: boolean;
}

/** A command-line usage problem: reported on stderr with exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message.startsWith('ask:') ? message : `ask: ${message}`);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: npm run --silent ask -- [--json | --short] [--top K] [--corpus PATH]... [QUESTION]

Answers a question about the privacy policy with verbatim, cited passages.
Without QUESTION, reads questions from stdin, one per line (interactive on a terminal).

Options:
  --json         one JSON object per question per line (JSON Lines), nothing else on stdout
  --short        only the answer sentence (highlighted sentences of the first passage) and its citation
  --top K        at most K passages per answer (positive integer, default 3)
  --corpus PATH  policy file or folder (.md, .txt, .html, .htm, .rst); repeatable; default: the bundled corpus/
  -h, --help     show this help
`;

/**
 * Parses the command-line arguments (after `node ask.js`). Throws {@link UsageError} for bad input.
 *
 * @example
 * parseAskArguments(['--top', '2', 'do', 'you', 'sell', 'my', 'data'])
 * // => { json: false, short: false, top: 2, corpus: [], question: 'do you sell my data', help: false }
 */
export function parseAskArguments(argv: readonly string[]): AskArguments {
  const parsed: AskArguments = { json: false, short: false, top: 3, corpus: [], help: false };
  const words: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      words.push(arg);
      continue;
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`ask: ${name} needs a value`);
      i++;
      return next;
    };
    switch (name) {
      case '--':
        optionsEnded = true;
        break;
      case '--json':
        parsed.json = true;
        break;
      case '--short':
        parsed.short = true;
        break;
      case '-h':
      case '--help':
        parsed.help = true;
        break;
      case '--top': {
        const raw = value();
        if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
          throw new UsageError(`ask: --top must be a positive integer, got "${raw}"`);
        }
        parsed.top = Number(raw);
        break;
      }
      case '--corpus': {
        const path = value();
        if (path.trim() === '') throw new UsageError('ask: --corpus needs a file or folder path');
        parsed.corpus.push(path);
        break;
      }
      default:
        throw new UsageError(`ask: unknown option ${name} (see --help)`);
    }
  }
  if (parsed.json && parsed.short) throw new UsageError('ask: --json and --short cannot be combined (the JSON has the highlights; --short prints text)');
  const question = words.join(' ').trim();
  if (question !== '') parsed.question = question;
  return parsed;
}

/** How `ask` prints an answer. */
export type AnswerFormat = 'text' | 'json' | 'short';

/**
 * Formats one answer for stdout: one JSON line, the plain-text rendering, or the answer sentence.
 *
 * @example
 * formatAnswer(answer, 'json') // => '{"question":"gdpr?","answered":true,"passages":[…]}'
 */
export function formatAnswer(answer: Answer, format: AnswerFormat): string {
  if (format === 'json') return JSON.stringify(answer);
  return format === 'short' ? renderShortText(answer) : renderPlainText(answer);
}

function formatOf(args: AskArguments): AnswerFormat {
  return args.json ? 'json' : args.short ? 'short' : 'text';
}

function write(text: string): void {
  process.stdout.write(`${text}\n`);
}

async function answerStdin(answerer: PolicyAnswerer, args: AskArguments): Promise<void> {
  const interactive = process.stdin.isTTY === true;
  const lines = createInterface({
    input: process.stdin,
    // On a terminal the prompt goes to stderr so stdout stays answers only.
    output: interactive ? process.stderr : undefined,
    terminal: interactive,
    crlfDelay: Infinity,
  });
  if (interactive) {
    process.stderr.write('Ask about the privacy policy (Ctrl+D to quit).\n');
    lines.setPrompt('? ');
    lines.prompt();
  }
  let first = true;
  for await (const line of lines) {
    const question = line.trim();
    if (question !== '') {
      const answer = answerer.answer(question, { top: args.top });
      // Plain-text answers are separated by a blank line; JSON Lines need no separator.
      if (!args.json && !first && !interactive) write('');
      write(formatAnswer(answer, formatOf(args)));
      first = false;
    }
    if (interactive) lines.prompt();
  }
}

/**
 * Runs the CLI and resolves to the exit code (0 ok, 2 usage or corpus error).
 *
 * @example
 * process.exitCode = await runAsk(['--json', 'do you sell my data']);
 */
export async function runAsk(argv: readonly string[]): Promise<number> {
  let args: AskArguments;
  try {
    args = parseAskArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  let answerer: PolicyAnswerer;
  try {
    const paths = args.corpus.length > 0 ? args.corpus : [bundledCorpusDir];
    const documents = loadCorpus(paths);
    if (documents.length === 0) throw new UsageError(`ask: no policy documents (.md, .txt, .html, .htm, .rst) found in ${paths.join(', ')}`);
    answerer = createAnswerer(documents, { top: args.top });
  } catch (error) {
    if (error instanceof CorpusError || error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (args.question !== undefined) {
    write(formatAnswer(answerer.answer(args.question, { top: args.top }), formatOf(args)));
    return 0;
  }
  await answerStdin(answerer, args);
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  // A closed pipe (`ask … | head -1`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  runAsk(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`ask: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
