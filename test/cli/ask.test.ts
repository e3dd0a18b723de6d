import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answerer.js';
import { projectRoot } from '../../src/paths.js';
import { renderShortText } from '../../src/render/text.js';
import { loadBundled } from '../core/helpers.js';

const cli = join(projectRoot, 'dist', 'src', 'cli', 'ask.js');

function ask(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { input: input ?? '', encoding: 'utf8', timeout: 15_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let tempDir: string;

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`test/cli: ${cli} is missing; run "npm run build" first (npm test does)`);
  tempDir = mkdtempSync(join(tmpdir(), 'ask-cli-'));
  writeFileSync(
    join(tempDir, 'acme.md'),
    '---\ntitle: Acme Privacy Policy\n---\n\n# Acme Privacy Policy\n\n## Data retention\n\nWe keep your order records for seven years. Then we delete them.\n\n## Contact us\n\nWrite to the Acme privacy team.\n',
  );
});

afterAll(() => {
  rmSync(tempDir, { recursive: true, force: true });
});

describe('ask CLI', () => {
  it('answers a question given as arguments with quotes and citations', () => {
    const { status, stdout, stderr } = ask(['do', 'you', 'sell', 'my', 'data']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('— DataRobot Privacy Policy, § How we share your data (updated March 17, 2022) https://www.datarobot.com/privacy/#how-we-share-your-data');
    expect(stdout).toMatch(/^“/);
  });

  it('prints one JSON object per line with --json', () => {
    const { status, stdout } = ask(['--json', 'how long do you keep my data']);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!);
    expect(answer).toMatchObject({ question: 'how long do you keep my data', answered: true });
    expect(Object.keys(answer.passages[0])).toEqual(['document', 'documentId', 'sectionId', 'section', 'text', 'highlights', 'score', 'url', 'citation', 'confidence', 'updated']);
    const [first] = answer.passages[0].highlights as Array<{ start: number; end: number }>;
    expect(answer.passages[0].text.slice(first!.start, first!.end)).toBe('We will retain your personal data as needed to fulfill the purposes for which it was collected.');
    expect(answer.passages[0]).toMatchObject({ documentId: 'datarobot-privacy-policy', updated: '2022-03-17' });
    expect(answer.passages[0].section).toEqual(['Data retention']);
  });

  it('answers stdin questions one per line, in order, skipping blank lines', () => {
    const { status, stdout, stderr } = ask(['--json'], 'how long do you keep my data\n\n   \nwhen is payday?\ngdpr?\n');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const answers = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(answers.map((a) => a.question)).toEqual(['how long do you keep my data', 'when is payday?', 'gdpr?']);
    expect(answers.map((a) => a.answered)).toEqual([true, false, true]);
    expect(answers[1].passages).toEqual([]);
    expect(answers[1].contact.section).toEqual(['Contact us']);
    expect('contact' in answers[0]).toBe(false);
  });

  it('prints only the answer sentence with its citation with --short, as the desk copies it', () => {
    const answerer = createAnswerer(loadBundled());
    const { status, stdout, stderr } = ask(['--short', 'do', 'you', 'sell', 'my', 'data']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe(`${renderShortText(answerer.answer('do you sell my data'))}\n`);
    expect(stdout).toBe('“We will not sell or rent your personal data as part of a customer list or similar transaction.”\n— DataRobot Privacy Policy, § How we share your data (updated March 17, 2022) https://www.datarobot.com/privacy/#how-we-share-your-data\n');
    const lines = ask(['--short'], 'do you sell my data\nwhen is payday?\n').stdout;
    expect(lines).toBe(`${renderShortText(answerer.answer('do you sell my data'))}\n\n${renderShortText(answerer.answer('when is payday?'))}\n`);
  });

  it('prints the not-covered message in plain text mode', () => {
    const { status, stdout } = ask(['when', 'is', 'payday?']);
    expect(status).toBe(0);
    expect(stdout).toContain("The policy doesn't cover this question.");
    expect(stdout).toContain('§ Contact us');
  });

  it('limits passages with --top', () => {
    const { stdout } = ask(['--json', '--top', '1', 'what personal data do you collect']);
    expect(JSON.parse(stdout).passages).toHaveLength(1);
  });

  it('reads another corpus with --corpus', () => {
    const { status, stdout } = ask(['--json', '--corpus', join(tempDir, 'acme.md'), 'how long do you keep my order records']);
    expect(status).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer.answered).toBe(true);
    expect(answer.passages[0]).toMatchObject({ document: 'Acme Privacy Policy', section: ['Data retention'], url: '#data-retention' });
    expect(answer.passages[0].citation).toBe('— Acme Privacy Policy, § Data retention #data-retention');
  });

  it.each([
    [['--top', '0', 'x'], /--top must be a positive integer/],
    [['--top', 'abc', 'x'], /--top must be a positive integer/],
    [['--top'], /--top needs a value/],
    [['--bogus', 'x'], /unknown option --bogus/],
    [['--json', '--short', 'x'], /--json and --short cannot be combined/],
    [['--corpus', '/definitely/not/here', 'x'], /not\/here/],
  ])('rejects %j with exit code 2 and a clear message', (args, message) => {
    const { status, stdout, stderr } = ask(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a folder without policy files', () => {
    const empty = mkdtempSync(join(tmpdir(), 'ask-empty-'));
    try {
      const { status, stderr } = ask(['--corpus', empty, 'x']);
      expect(status).toBe(2);
      expect(stderr).toContain(empty);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('prints help', () => {
    const { status, stdout } = ask(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: npm run --silent ask');
  });
});
