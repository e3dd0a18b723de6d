import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSystemError } from '../../src/corpus/errors.js';
import { ingestFile } from '../../src/corpus/ingest.js';
import { listPolicyFiles, loadCorpus, loadDocument, parseDocument, readPolicyFile } from '../../src/corpus/load.js';
import { projectRoot } from '../../src/paths.js';
import { corpusError, tempCorpus } from '../helpers/corpus-files.js';

const { dir, file: write, remove } = tempCorpus('ingest-load-');
afterAll(remove);
// Takes absolute paths under `dir`, as the layouts below are built with join().
const file = (path: string, content: string): string => write(path.slice(dir.length + 1), content);

const POLICY = '# Acme Notice\n\n## Retention\n\nWe keep order records for seven years.\n';

describe('a folder of symbolic links (a Kubernetes ConfigMap mount)', () => {
  // The layout kubelet writes: files in a timestamped hidden folder, `..data` linking to it, and one link per key.
  const mount = join(dir, 'configmap');
  const version = join(mount, '..2024_05_01_10_00_00.123');
  file(join(version, 'privacy.md'), POLICY);
  file(join(version, 'cookies.html'), '<h1>Acme Cookies</h1><h2>Cookies</h2><p>We set one cookie to keep you signed in.</p>');
  symlinkSync('..2024_05_01_10_00_00.123', join(mount, '..data'));
  symlinkSync('..data/privacy.md', join(mount, 'privacy.md'));
  symlinkSync('..data/cookies.html', join(mount, 'cookies.html'));

  it('loads each linked policy once and never reads the hidden entries', () => {
    expect(listPolicyFiles(mount)).toEqual([join(mount, 'cookies.html'), join(mount, 'privacy.md')]);
    const documents = loadCorpus([mount, join(mount, 'privacy.md'), join(version, 'privacy.md')]);
    expect(documents.map((document) => [document.id, document.source])).toEqual([
      ['cookies', join(mount, 'cookies.html')],
      ['privacy', join(mount, 'privacy.md')],
    ]);
  });

  it('follows a linked corpus folder, and names a broken or looping link', () => {
    const linkedFolder = join(dir, 'linked-corpus');
    symlinkSync(mount, linkedFolder);
    expect(loadCorpus([linkedFolder]).map((document) => document.id)).toEqual(['cookies', 'privacy']);

    const broken = join(dir, 'broken');
    file(join(broken, 'ok.md'), POLICY);
    symlinkSync(join(broken, 'gone.md'), join(broken, 'dangling.md'));
    expect(corpusError(() => loadCorpus([broken])).message).toBe(`corpus: ${join(broken, 'dangling.md')} does not exist`);

    const looping = join(dir, 'looping');
    mkdirSync(looping);
    symlinkSync(join(looping, 'b.md'), join(looping, 'a.md'));
    symlinkSync(join(looping, 'a.md'), join(looping, 'b.md'));
    expect(corpusError(() => loadCorpus([looping])).message).toBe(`corpus: ${join(looping, 'a.md')} is a symbolic link that loops back on itself`);
  });
});

describe('unreadable files are corpus errors naming the file', () => {
  it('a folder named like a policy, a file that vanished, and errno codes in plain words', () => {
    const folder = join(dir, 'folder.md');
    mkdirSync(folder);
    expect(corpusError(() => loadDocument(folder)).message).toBe(`corpus: ${folder} is a folder, not a file`);
    expect(corpusError(() => readPolicyFile(folder)).message).toBe(`corpus: ${folder} is a folder, not a file`);
    // Listed, then removed before it is read (a hot-reload race).
    const racing = join(dir, 'race');
    file(join(racing, 'policy.md'), POLICY);
    const [listed] = listPolicyFiles(racing);
    rmSync(join(racing, 'policy.md'));
    expect(corpusError(() => readPolicyFile(listed ?? '')).message).toBe(`corpus: ${listed} does not exist`);
    expect(fileSystemError('x.md', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })).message).toBe('corpus: x.md cannot be read: permission denied');
    expect(fileSystemError('x.md', Object.assign(new Error('boom'), { code: 'EXDEV' })).message).toBe('corpus: x.md cannot be read (EXDEV)');
  });

  it('a policy without read permission makes `ask` exit 2 with a message naming it', () => {
    const secret = file(join(dir, 'perm', 'secret.md'), POLICY);
    // The folders stay open to everyone: only the file itself is unreadable.
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'perm'), 0o755);
    chmodSync(secret, 0o000);
    const askJs = join(projectRoot, 'dist', 'src', 'cli', 'ask.js');
    // root reads anything: drop to an unprivileged user for this check.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const result = spawnSync(process.execPath, [askJs, '--corpus', secret, 'how long do you keep orders'], { encoding: 'utf8', ...asUser });
    expect(result.stderr).toBe(`corpus: ${secret} cannot be read: permission denied\n`);
    expect(result.status).toBe(2);
  });
});

describe('size cap per policy file', () => {
  it('refuses a 50 MB file from its size alone, naming the file and the limit', () => {
    const huge = join(dir, 'huge.txt');
    // Sparse: 50 MB long without writing 50 MB. The message gives the size from stat, so it was refused unread.
    spawnSync('truncate', ['-s', '50M', huge]);
    expect(corpusError(() => loadCorpus([huge])).message).toBe(`corpus: ${huge} is 50 MB, over the limit of 5 MB for a policy file; split it or raise the limit`);
  });

  it('takes the limit as a loader option and applies it to ingestion too', () => {
    const page = file(join(dir, 'cap', 'policy.md'), POLICY);
    expect(corpusError(() => loadDocument(page, { maxFileBytes: 20 })).message).toBe(
      `corpus: ${page} is ${POLICY.length} bytes, over the limit of 20 bytes for a policy file; split it or raise the limit`,
    );
    expect(loadDocument(page, { maxFileBytes: POLICY.length }).sections[0]?.text).toBe('We keep order records for seven years.');
    expect(() => ingestFile(page, { cwd: dir, maxFileBytes: 10 })).toThrow(/over the limit of 10 bytes/);
  });
});

describe('document URLs are absolute http(s) URLs only', () => {
  it('accepts http and https from front matter, sidecar, page and options', () => {
    expect(parseDocument('---\nurl: http://acme.example/p\n---\n## A\n\nText.\n', { format: 'markdown' }).url).toBe('http://acme.example/p');
    expect(parseDocument('<link rel="canonical" href="https://acme.example/privacy"><h2>A</h2><p>Text.</p>', { format: 'html' }).url).toBe('https://acme.example/privacy');
  });

  it.each([
    ['front matter', 'javascript:alert(1)'],
    ['front matter', 'data:text/html,<b>x</b>'],
    ['front matter', '/privacy'],
    ['front matter', 'ftp://acme.example/p'],
    ['front matter', 'https://acme.example/a b'],
  ])('refuses %s url %j, naming the file', (_origin, url) => {
    const message = corpusError(() => parseDocument(`---\nurl: "${url}"\n---\n## A\n\nText.\n`, { format: 'markdown', source: 'corpus/acme.md' })).message;
    expect(message).toContain(`corpus: corpus/acme.md: the page URL ${JSON.stringify(url)} is not an absolute http(s) URL`);
  });

  it('refuses a relative canonical link, a bad sidecar url and a bad --url', () => {
    expect(() => parseDocument('<link rel="canonical" href="privacy.html"><h2>A</h2><p>Text.</p>', { format: 'html', source: 'page.html' })).toThrow(
      /page\.html: the page URL "privacy\.html" is not an absolute http\(s\) URL/,
    );
    const page = file(join(dir, 'urls', 'page.txt'), 'Acme Privacy Notice\n\nWe keep nothing at all about anyone, ever, for any reason.\n');
    const sidecar = file(join(dir, 'urls', 'page.meta.json'), '{"url": "javascript:alert(1)"}');
    expect(corpusError(() => loadDocument(page)).message).toBe(`corpus: ${sidecar}: url "javascript:alert(1)" is not an absolute http(s) URL; give the policy's public address (https://…)`);
    renameSync(sidecar, `${sidecar}.off`);
    expect(() => ingestFile(page, { cwd: dir, url: 'javascript:alert(1)' })).toThrow(/page\.txt: url "javascript:alert\(1\)" is not an absolute http\(s\) URL/);
  });
});
