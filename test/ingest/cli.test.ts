import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIngestCli, type IngestCliIo } from '../../src/cli/ingest.js';
import { projectRoot } from '../../src/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(argv: string[], cwd = projectRoot): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: IngestCliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd };
  const code = runIngestCli(argv, io);
  return { code, stdout, stderr };
}

describe('ingest command', () => {
  it('writes corpus/<id>.md under the current directory by default and reports the path', () => {
    const page = join(dir, 'acme.html');
    writeFileSync(page, '<title>Acme Privacy Policy</title><main><h1>Acme Privacy Policy</h1><h2>Data</h2><p>We keep little.</p></main>');
    const result = run([page], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wrote corpus/acme-privacy-policy.md');
    const written = readFileSync(join(dir, 'corpus', 'acme-privacy-policy.md'), 'utf8');
    expect(written).toBe('---\ntitle: Acme Privacy Policy\nsource: acme.html\n---\n\n# Acme Privacy Policy\n\n## Data\n\nWe keep little.\n');
  });

  it('regenerates the bundled file on stdout, sidecar applied', () => {
    const result = run(['corpus/raw/datarobot-privacy-page.txt', '--stdout']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(projectRoot, 'corpus', 'datarobot-privacy-policy.md'), 'utf8'));
    expect(result.stderr).toContain('DataRobot Privacy Policy (49 sections, updated 2022-03-17)');
  });

  it('lets --title, --url and --out override the sidecar and default path', () => {
    const out = join(dir, 'custom.md');
    const result = run(['corpus/raw/datarobot-privacy-page.txt', '--title', 'Policy Copy', '--url', 'https://example.test/p', '--out', out]);
    expect(result.code).toBe(0);
    const written = readFileSync(out, 'utf8');
    expect(written.startsWith('---\ntitle: Policy Copy\nurl: https://example.test/p\nupdated: 2022-03-17\n')).toBe(true);
    expect(written).toContain('\n# Policy Copy\n');
  });

  it('accepts an unknown extension when --format names the format', () => {
    const page = join(dir, 'policy.page');
    writeFileSync(page, '# Globex Terms\n\n## Cookies\n\nWe set one cookie.\n');
    expect(run([page, '--stdout'], dir).stderr).toMatch(/policy\.page has an unsupported extension/);
    const result = run([page, '--format', 'markdown', '--stdout'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('## Cookies\n\nWe set one cookie.\n');
  });

  it("copies the page's knowledge file beside the output, keeping one that was edited there", () => {
    const page = join(dir, 'kb', 'acme-page.txt');
    mkdirSync(join(dir, 'kb'), { recursive: true });
    writeFileSync(page, 'Acme Privacy Notice\n\nRetention\nWe keep your acme cloud data for thirty days after you close your account.\n');
    const knowledge = '{ "names": ["Acme Cloud"] }\n';
    writeFileSync(join(dir, 'kb', 'acme-page.knowledge.json'), knowledge);
    const first = run([page], dir);
    expect(first.stdout).toContain('wrote corpus/acme-privacy-notice.knowledge.json');
    expect(readFileSync(join(dir, 'corpus', 'acme-privacy-notice.knowledge.json'), 'utf8')).toBe(knowledge);
    writeFileSync(join(dir, 'corpus', 'acme-privacy-notice.knowledge.json'), '{ "names": ["Acme Cloud", "Acme Vault"] }\n');
    const second = run([page], dir);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('kept corpus/acme-privacy-notice.knowledge.json: it differs from the page');
    expect(readFileSync(join(dir, 'corpus', 'acme-privacy-notice.knowledge.json'), 'utf8')).toContain('Acme Vault');
  });

  it('ingests reStructuredText', () => {
    const page = join(dir, 'notice.rst');
    writeFileSync(page, 'Globex Notice\n=============\n\nCookies\n-------\n\nWe set **one** cookie.\n');
    const result = run([page, '--stdout'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('---\ntitle: Globex Notice\nsource: notice.rst\n---\n\n# Globex Notice\n\n## Cookies\n\nWe set one cookie.\n');
  });

  it('reports bad input and bad usage with exit codes instead of throwing', () => {
    const missing = run(['does-not-exist.txt', '--stdout']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^corpus: .*does-not-exist\.txt does not exist/);
    expect(run([]).code).toBe(2);
    expect(run(['a.txt', '--format', 'pdf']).code).toBe(2);
    expect(run(['a.txt', '--bogus']).code).toBe(2);
    expect(run(['--help']).stdout).toContain('Usage: npm run ingest');
  });
});
