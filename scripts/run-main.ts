/**
 * The entry-point guard shared by the scripts: runs `main` only when the module is the process's entry point (not
 * when a test imports it), and turns an unexpected error into a one-line message and exit code 2.
 */
import { pathToFileURL } from 'node:url';

/**
 * Runs `main(argv)` as the process's command when `moduleUrl` is the entry point.
 *
 * @example
 * runIfEntryPoint(import.meta.url, main); // at the bottom of scripts/eval.ts
 */
export function runIfEntryPoint(moduleUrl: string, main: (argv: readonly string[]) => number): void {
  if (process.argv[1] === undefined || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
}
