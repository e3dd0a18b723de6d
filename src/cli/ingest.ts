#!/usr/bin/env node
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CorpusError } from '../corpus/errors.js';
import { ingestFile } from '../corpus/ingest.js';
import { knowledgePath } from '../corpus/knowledge.js';
import { POLICY_FORMATS, type PolicyFormat } from '../corpus/load.js';
import { isEntryPoint } from '../paths.js';

const USAGE = `Usage: npm run ingest -- <policy file> [options]

Turns a policy page (.txt scrape, .html/.htm page, .md or .rst file) into corpus Markdown.
A sidecar <name>.meta.json next to the input may give {"title", "url", "updated"}; a
<name>.knowledge.json (names, boilerplate, notStated, synonyms) is applied and copied beside the output.

Options:
  --title <text>   document title (overrides the page and the sidecar)
  --url <url>      public URL of the policy (overrides the page and the sidecar)
  --format <f>     text | html | markdown | rst (default: from the extension)
  --out <path>     output file (default: corpus/<document id>.md); "-" writes to stdout
  --stdout         same as --out -
  -h, --help       this help`;

/** Streams the CLI writes to; tests pass their own. */
export interface IngestCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

const defaultIo: IngestCliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // `npm run ingest` runs in the package root; INIT_CWD is where the user typed the command.
  cwd: process.env.INIT_CWD ?? process.cwd(),
};

/**
 * Runs the ingest command and returns its exit code (0 ok, 1 bad input, 2 bad usage).
 *
 * @example
 * runIngestCli(['corpus/raw/datarobot-privacy-page.txt']); // writes corpus/datarobot-privacy-policy.md
 */
export function runIngestCli(argv: readonly string[], io: IngestCliIo = defaultIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        title: { type: 'string' },
        url: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        stdout: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr(`ingest: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1 || !positionals[0]) {
    io.stderr(`ingest: expected exactly one input file\n\n${USAGE}\n`);
    return 2;
  }
  const format = values.format;
  if (format !== undefined && !(POLICY_FORMATS as readonly string[]).includes(format)) {
    io.stderr(`ingest: --format must be one of ${POLICY_FORMATS.join(', ')}, not "${format}"\n`);
    return 2;
  }
  const input = positionals[0];
  try {
    const result = ingestFile(resolve(io.cwd, input), {
      cwd: io.cwd,
      ...(values.title ? { title: values.title } : {}),
      ...(values.url ? { url: values.url } : {}),
      ...(format ? { format: format as PolicyFormat } : {}),
    });
    const out = values.stdout ? '-' : (values.out ?? result.defaultOutPath);
    const summary = `${result.document.sections.length} sections, updated ${result.document.updated ?? 'unknown'}`;
    if (out === '-') {
      io.stdout(result.markdown);
      io.stderr(`ingest: ${result.document.title} (${summary})\n`);
      return 0;
    }
    const target = resolve(io.cwd, out);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, result.markdown);
    io.stdout(`ingest: wrote ${relative(io.cwd, target) || target} — ${result.document.title} (${summary})\n`);
    if (result.knowledgeJson !== undefined) writeKnowledgeCopy(knowledgePath(target), result.knowledgeJson, io);
    return 0;
  } catch (error) {
    if (error instanceof CorpusError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** Puts the page's knowledge file beside the output, unless one with other content is already there (edits are kept). */
function writeKnowledgeCopy(target: string, json: string, io: IngestCliIo): void {
  const shown = relative(io.cwd, target) || target;
  if (existsSync(target) && readFileSync(target, 'utf8') !== json) {
    io.stderr(`ingest: kept ${shown}: it differs from the page's knowledge file; merge them by hand\n`);
    return;
  }
  writeFileSync(target, json);
  io.stdout(`ingest: wrote ${shown}\n`);
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = runIngestCli(process.argv.slice(2));
}
