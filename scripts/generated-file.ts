/**
 * The command line shared by the generators of data files (src/search/english-lexicon.ts, src/knowledge/common-words.json):
 * write the generated text, or with `--check` only compare it with the file and exit 1 when they differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Writes `text` to `path`, or compares them when the command line has `--check`; reports on stderr as `label`.
 *
 * @example
 * writeGeneratedFile('common-words', commonWordsPath, renderCommonWords(source), process.argv);
 */
export function writeGeneratedFile(label: string, path: string, text: string, argv: readonly string[]): void {
  if (argv.includes('--check')) {
    const same = text === readFileSync(path, 'utf8');
    process.stderr.write(same ? `${label}: up to date\n` : `${label}: differs from the generated text\n`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(path, text);
  process.stderr.write(`${label}: wrote ${path}\n`);
}
