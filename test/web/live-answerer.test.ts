import { mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer, PolicyDocument } from '../../src/types.js';
import { CorpusError, loadCorpus } from '../../src/corpus/load.js';
import { LiveAnswerer } from '../../src/live-answerer.js';
import { bundledCorpusDir } from '../../src/paths.js';
import { generateCorpus, writeCorpus } from '../../scripts/generate-corpus.js';
import { rawRequest, recordingLogger, startTestDesk, type RecordingLogger } from '../helpers/web-server.js';

// Hot reload on real files in a temporary folder, with the real loader and answerer; fs.watch drives every reload
// except the ones that call reload() by hand.

const RETENTION_QUESTION = 'How long do you keep invoices?';
const PARROT_QUESTION = 'Do you share data with the parrot sanctuary?';

function policy(extraSection = ''): string {
  return `---
title: Acme Privacy Policy
url: https://acme.example/privacy
updated: 2024-01-02
---

# Acme Privacy Policy

## Data retention

We keep invoices for seven years because tax law requires it. We delete support tickets after two years.

## Contact us

Write to the Acme privacy team at the postal address on our website.
${extraSection}`;
}

const PARROT_SECTION = `
## Sharing with the parrot sanctuary

We share donor names with the parrot sanctuary only when you ask us to.
`;

let dir: string;
let file: string;
let logger: RecordingLogger;
let live: LiveAnswerer | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'live-answerer-'));
  file = join(dir, 'acme.md');
  writeFileSync(file, policy());
  logger = recordingLogger();
});

afterEach(() => {
  live?.close();
  live = undefined;
  rmSync(dir, { recursive: true, force: true });
});

let generated: PolicyDocument[] | undefined;

/** About 3,000 passages of generated policies (generated once per file): a rebuild that takes a good part of a second. */
function generatedPolicies(): PolicyDocument[] {
  generated ??= generateCorpus(loadCorpus([bundledCorpusDir]), { targetPassages: 3_000 });
  return generated;
}

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('test: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function errorsLogged(): string[] {
  return logger.records.filter((r) => r.level === 'error').map((r) => r.message);
}

describe('LiveAnswerer', () => {
  it('answers from the files it was given', async () => {
    live = await LiveAnswerer.start({ paths: [dir], logger, watch: false });
    expect(live.documents.map((d) => d.title)).toEqual(['Acme Privacy Policy']);
    const answer = live.answer(RETENTION_QUESTION);
    expect(answer.answered).toBe(true);
    expect(answer.passages[0]!.text).toContain('seven years');
  });

  it('serves new text after the file is edited', async () => {
    live = await LiveAnswerer.start({ paths: [dir], logger });
    expect(live.answer(PARROT_QUESTION).answered).toBe(false);

    const reloaded = live.nextReload();
    writeFileSync(file, policy(PARROT_SECTION));
    const result = await reloaded;

    expect(result).toMatchObject({ ok: true, documents: 1 });
    expect(result.changed).toContain(file);
    const answer = live.answer(PARROT_QUESTION);
    expect(answer.answered).toBe(true);
    expect(answer.passages[0]!.text).toContain('parrot sanctuary');
    expect(errorsLogged()).toEqual([]);
  });

  it('reloads when the policy’s knowledge file changes, and reads reStructuredText policies added to the folder', async () => {
    live = await LiveAnswerer.start({ paths: [dir], logger });
    // The company's own word for invoices, which the policy never uses, until its knowledge file says so.
    const question = 'how long do you keep zorblax?';
    expect(live.answer(question).answered).toBe(false);
    const knowledge = live.nextReload();
    writeFileSync(join(dir, 'acme.knowledge.json'), JSON.stringify({ synonyms: [{ when: ['zorblax'], add: ['invoices'] }] }));
    expect((await knowledge).changed).toContain(join(dir, 'acme.knowledge.json'));
    expect(live.answer(question).passages[0]?.text).toContain('seven years');

    const added = live.nextReload();
    writeFileSync(join(dir, 'cookies.rst'), 'Cookie notice\n=============\n\nWe set one cookie, named crumb, to keep you signed in.\n');
    expect((await added).documents).toBe(2);
    expect(live.answer('what is the crumb cookie for?').passages[0]?.document).toBe('Cookie notice');
  });

  for (const [name, content] of [
    ['empty', ''],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0xff, 0x00, 0x12])],
    ['front matter only', '---\ntitle: Acme Privacy Policy\n---\n'],
  ] as const) {
    it(`keeps the last good index when the edit leaves the file ${name}, and logs an error naming the file`, async () => {
      live = await LiveAnswerer.start({ paths: [dir], logger });
      const before = live.answer(RETENTION_QUESTION);

      const reloaded = live.nextReload();
      writeFileSync(file, content);
      const result = await reloaded;

      expect(result.ok).toBe(false);
      expect(result.error).toBeInstanceOf(Error);
      expect(live.answer(RETENTION_QUESTION)).toEqual(before);
      expect(live.documents).toHaveLength(1);
      const errors = errorsLogged();
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(file);
      expect(errors[0]).toMatch(/^live-answerer: reload failed, still serving the previous corpus: /);

      // Fixing the file brings the new content in.
      const fixed = live.nextReload();
      writeFileSync(file, policy(PARROT_SECTION));
      expect((await fixed).ok).toBe(true);
      expect(live.answer(PARROT_QUESTION).answered).toBe(true);
    });
  }

  it('picks up files added to and removed from a watched folder', async () => {
    live = await LiveAnswerer.start({ paths: [dir], logger });
    const second = join(dir, 'zoo.md');

    const added = live.nextReload();
    writeFileSync(second, `---\ntitle: Zoo Privacy Policy\n---\n\n## Parrots\n\nWe share donor names with the parrot sanctuary when you ask us to.\n`);
    expect((await added).ok).toBe(true);
    expect(live.documents.map((d) => d.title).sort()).toEqual(['Acme Privacy Policy', 'Zoo Privacy Policy']);
    expect(live.answer(PARROT_QUESTION).passages[0]!.document).toBe('Zoo Privacy Policy');

    const removed = live.nextReload();
    unlinkSync(second);
    expect((await removed).ok).toBe(true);
    expect(live.documents.map((d) => d.title)).toEqual(['Acme Privacy Policy']);
  });

  it('watches a single file given by path, including a save that replaces the file', async () => {
    live = await LiveAnswerer.start({ paths: [file], logger });
    const reloaded = live.nextReload();
    // Editors often save to a temporary file and rename it over the original.
    const temp = join(dir, '.acme.md.swp');
    writeFileSync(temp, policy(PARROT_SECTION));
    renameSync(temp, file);
    expect((await reloaded).ok).toBe(true);
    expect(live.answer(PARROT_QUESTION).answered).toBe(true);
  });

  it('reload() reports success or failure without watching', async () => {
    live = await LiveAnswerer.start({ paths: [dir], logger, watch: false });
    writeFileSync(file, policy(PARROT_SECTION));
    expect((await live.reload()).ok).toBe(true);
    expect(live.answer(PARROT_QUESTION).answered).toBe(true);
    writeFileSync(file, '');
    expect((await live.reload()).ok).toBe(false);
    expect(live.answer(PARROT_QUESTION).answered).toBe(true);
    expect(errorsLogged()).toEqual([expect.stringContaining(file)]);
  });

  it('feeds the support desk: an edit shows up in the API without a restart', async () => {
    live = await LiveAnswerer.start({ paths: [dir], logger });
    const { desk } = await startTestDesk({ answerer: live });
    try {
      const ask = async () => JSON.parse((await rawRequest(desk.url, `/api/answer?q=${encodeURIComponent(PARROT_QUESTION)}`)).body) as { answered: boolean };
      expect((await ask()).answered).toBe(false);
      const reloaded = live.nextReload();
      writeFileSync(file, policy(PARROT_SECTION));
      expect((await reloaded).ok).toBe(true);
      expect((await ask()).answered).toBe(true);
      const page = await rawRequest(desk.url, `/documents/${live.documents[0]!.id}`);
      expect(page.body).toContain('id="sharing-with-the-parrot-sanctuary"');
    } finally {
      await desk.close();
    }
  });

  it('rebuilds off the serving thread: the desk answers from the last good index all through a slow rebuild', async () => {
    live = await LiveAnswerer.start({ paths: [dir], logger });
    const { desk } = await startTestDesk({ answerer: live, rateLimit: { limit: 1_000_000, windowMs: 60_000 } });
    try {
      const reloaded = live.nextReload();
      writeCorpus(generatedPolicies(), dir);
      let done = false;
      void reloaded.then(() => (done = true));
      const seenRebuilding: Array<{ documents: number; answered: boolean }> = [];
      while (!done) {
        const health = JSON.parse((await rawRequest(desk.url, '/healthz')).body) as { documents: number; rebuilding: boolean };
        const answer = JSON.parse((await rawRequest(desk.url, `/api/answer?q=${encodeURIComponent(RETENTION_QUESTION)}`)).body) as Answer;
        if (health.rebuilding) seenRebuilding.push({ documents: health.documents, answered: answer.passages[0]?.text.includes('seven years') ?? false });
      }
      expect((await reloaded).ok).toBe(true);
      // Served while the new index was being built, from the old one (one document, which answers about invoices).
      expect(seenRebuilding.length).toBeGreaterThan(3);
      expect(seenRebuilding.every((seen) => seen.documents === 1 && seen.answered)).toBe(true);
      const after = JSON.parse((await rawRequest(desk.url, '/healthz')).body) as { documents: number; passages: number; rebuilding: boolean };
      expect(after).toMatchObject({ rebuilding: false });
      expect(after.documents).toBeGreaterThan(10);
      expect(after.passages).toBeGreaterThan(2_000);
    } finally {
      await desk.close();
    }
  });

  it('restarts a rebuild when a file changes during it, so the newest files win', async () => {
    live = await LiveAnswerer.start({ paths: [dir], logger });
    const results: boolean[] = [];
    live.onReload((result) => results.push(result.ok));
    writeCorpus(generatedPolicies(), dir);
    await waitUntil(() => live!.rebuilding);
    const reloaded = live.nextReload();
    writeFileSync(file, policy(PARROT_SECTION));
    const result = await reloaded;
    expect(result.ok).toBe(true);
    expect(result.changed).toContain(file);
    // The rebuild under way was abandoned, not completed and then replaced.
    expect(results).toEqual([true]);
    expect(live.answer(PARROT_QUESTION).passages[0]!.document).toBe('Acme Privacy Policy');
    expect(live.documents.length).toBeGreaterThan(10);
  });

  it('abandons a rebuild that takes too long, naming the changed file, and keeps serving', async () => {
    live = await LiveAnswerer.start({ paths: [dir], logger, rebuildTimeoutMs: 20 });
    const before = live.answer(RETENTION_QUESTION);
    const reloaded = live.nextReload();
    const big = writeCorpus(generatedPolicies().slice(0, 10), dir);
    const result = await reloaded;
    expect(result.ok).toBe(false);
    expect(result.error?.message).toMatch(/^live-answerer: the rebuild took longer than 20 ms and was abandoned$/);
    expect(live.answer(RETENTION_QUESTION)).toEqual(before);
    expect(live.rebuilding).toBe(false);
    const errors = errorsLogged();
    expect(errors).toHaveLength(1);
    expect(big.some((path) => errors[0]!.includes(path))).toBe(true);
  });

  it('replaces a serving thread that dies, from the documents it served rather than the files on disk', async () => {
    live = await LiveAnswerer.start({ paths: [dir], logger, watch: false });
    const before = live.answer(RETENTION_QUESTION);
    // The files change (broken), but no rebuild is asked for: the replacement must not read them.
    writeFileSync(file, '');
    const replaced = live.nextReload();
    // Nothing outside can kill the thread on demand (out of memory is the real cause): end it through the internals.
    (live as unknown as { serving: { terminate(): void } }).serving.terminate();
    expect(() => live!.answer(RETENTION_QUESTION)).toThrow(/^live-answerer: the index thread has stopped/);
    expect((await replaced).ok).toBe(true);
    expect(live.answer(RETENTION_QUESTION)).toEqual(before);
    expect(errorsLogged()).toEqual([expect.stringMatching(/^live-answerer: the index thread stopped \(exit code \d+\); rebuilding it from the documents it served$/)]);
  });

  it('hands the documents over intact, however many sections (they cross threads in pieces)', async () => {
    const lines = ['# Many Sections Policy', ''];
    for (let i = 0; i < 2_500; i++) lines.push(`## Section ${i}`, '', `We keep record ${i} for ${i + 1} days.`, '');
    writeFileSync(join(dir, 'many.md'), lines.join('\n'));
    live = await LiveAnswerer.start({ paths: [dir], logger, watch: false });
    expect(live.documents).toEqual(loadCorpus([dir]));
    expect(live.documents.find((d) => d.title === 'Many Sections Policy')!.sections).toHaveLength(2_500);
  });

  it('refuses to start on a broken corpus, naming the file', async () => {
    writeFileSync(file, '');
    await expect(LiveAnswerer.start({ paths: [dir], logger, watch: false })).rejects.toThrow(CorpusError);
    await expect(LiveAnswerer.start({ paths: [dir], logger, watch: false })).rejects.toThrow(file);
  });
});
