import { mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/load.js';
import { LiveAnswerer } from '../../src/live-answerer.js';
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

function errorsLogged(): string[] {
  return logger.records.filter((r) => r.level === 'error').map((r) => r.message);
}

describe('LiveAnswerer', () => {
  it('answers from the files it was given', () => {
    live = new LiveAnswerer({ paths: [dir], logger, watch: false });
    expect(live.documents.map((d) => d.title)).toEqual(['Acme Privacy Policy']);
    const answer = live.answer(RETENTION_QUESTION);
    expect(answer.answered).toBe(true);
    expect(answer.passages[0]!.text).toContain('seven years');
  });

  it('serves new text after the file is edited', async () => {
    live = new LiveAnswerer({ paths: [dir], logger });
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

  for (const [name, content] of [
    ['empty', ''],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0xff, 0x00, 0x12])],
    ['front matter only', '---\ntitle: Acme Privacy Policy\n---\n'],
  ] as const) {
    it(`keeps the last good index when the edit leaves the file ${name}, and logs an error naming the file`, async () => {
      live = new LiveAnswerer({ paths: [dir], logger });
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
    live = new LiveAnswerer({ paths: [dir], logger });
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
    live = new LiveAnswerer({ paths: [file], logger });
    const reloaded = live.nextReload();
    // Editors often save to a temporary file and rename it over the original.
    const temp = join(dir, '.acme.md.swp');
    writeFileSync(temp, policy(PARROT_SECTION));
    renameSync(temp, file);
    expect((await reloaded).ok).toBe(true);
    expect(live.answer(PARROT_QUESTION).answered).toBe(true);
  });

  it('reload() reports success or failure without watching', () => {
    live = new LiveAnswerer({ paths: [dir], logger, watch: false });
    writeFileSync(file, policy(PARROT_SECTION));
    expect(live.reload()).toBe(true);
    expect(live.answer(PARROT_QUESTION).answered).toBe(true);
    writeFileSync(file, '');
    expect(live.reload()).toBe(false);
    expect(live.answer(PARROT_QUESTION).answered).toBe(true);
    expect(errorsLogged()).toEqual([expect.stringContaining(file)]);
  });

  it('feeds the support desk: an edit shows up in the API without a restart', async () => {
    live = new LiveAnswerer({ paths: [dir], logger });
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

  it('refuses to start on a broken corpus, naming the file', () => {
    writeFileSync(file, '');
    expect(() => new LiveAnswerer({ paths: [dir], logger, watch: false })).toThrow(CorpusError);
    expect(() => new LiveAnswerer({ paths: [dir], logger, watch: false })).toThrow(file);
  });
});
