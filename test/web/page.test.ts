import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { renderMarkdown, renderPlainText, renderShortText } from '../../src/render/text.js';
import { launchChromium } from '../helpers/web-browser.js';
import { startTestDesk, type TestDesk } from '../helpers/web-server.js';

// The page in a real headless Chromium: type, read the cited passage, copy, follow the citation, try to inject HTML.

const COVERED = 'How long do you keep my data?';
const NOT_COVERED = 'What is the best recipe for sourdough bread?';

let t: TestDesk;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Problems the page reported: console errors (CSP violations show up there), page errors, foreign requests, dialogs. */
let problems: string[] = [];

beforeAll(async () => {
  t = await startTestDesk();
  browser = await launchChromium();
  // One context and page for the file: a new page costs a renderer process (a second or two on two cores), and every
  // test starts with its own navigation anyway.
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.desk.url });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(t.desk.url)) problems.push(`foreign request: ${request.url()}`);
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await t?.desk.close();
});

beforeEach(() => {
  problems = [];
});

async function askWithKeyboard(question: string): Promise<void> {
  await page.goto(t.desk.url);
  // autofocus puts the cursor in the search box: typing and Enter is all it takes.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('q');
  await page.keyboard.type(question);
  await page.keyboard.press('Enter');
  await page.locator('#results:not([hidden])').waitFor();
}

describe('support desk page', () => {
  it('answers a typed question with the cited passage and puts the question in the URL', async () => {
    await askWithKeyboard(COVERED);
    const answer = t.answerer.answer(COVERED);
    expect(answer.answered).toBe(true);

    expect(new URL(page.url()).searchParams.get('q')).toBe(COVERED);
    const passages = page.locator('#passages > li');
    await expect.poll(() => passages.count()).toBe(answer.passages.length);
    const first = passages.first();
    expect(await first.locator('.citation').textContent()).toBe(answer.passages[0]!.citation);
    expect(await first.locator('.section-path').textContent()).toBe(answer.passages[0]!.section.join(' › '));
    const quoted = (await first.locator('blockquote').innerText()).replace(/\s+/g, ' ').trim();
    expect(quoted).toBe(answer.passages[0]!.text.replace(/\s+/g, ' ').trim());
    expect(await first.locator('a.external').getAttribute('href')).toBe(answer.passages[0]!.url);
    expect(problems).toEqual([]);
  });

  it('reloads a linked question from the URL', async () => {
    await page.goto(`${t.desk.url}/?q=${encodeURIComponent(COVERED)}&top=1`);
    await page.locator('#results:not([hidden])').waitFor();
    expect(await page.locator('#passages > li').count()).toBe(1);
    expect(await page.inputValue('#q')).toBe(COVERED);
    expect(await page.inputValue('#top')).toBe('1');
    expect(await page.locator('#passages .citation').textContent()).toBe(t.answerer.answer(COVERED, { top: 1 }).passages[0]!.citation);
  });

  it('copies the answer as plain text and as Markdown, identical to the renderers', async () => {
    await askWithKeyboard(COVERED);
    const answer = t.answerer.answer(COVERED);

    await page.getByRole('button', { name: 'Copy as text' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(renderPlainText(answer));

    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(renderMarkdown(answer));
    expect(problems).toEqual([]);
  });

  it('marks the answering sentences and copies exactly what ask --short prints', async () => {
    await askWithKeyboard(COVERED);
    const answer = t.answerer.answer(COVERED);
    const first = answer.passages[0]!;
    expect(first.highlights.length).toBeGreaterThan(0);
    const expected = [...first.highlights].sort((a, b) => a.start - b.start).map((h) => first.text.slice(h.start, h.end));
    const marks = page.locator('#passages > li').first().locator('blockquote mark');
    expect(await marks.allTextContents()).toEqual(expected);
    // The quote still reads as the whole passage, word for word.
    const quoted = (await page.locator('#passages > li').first().locator('blockquote').innerText()).replace(/\s+/g, ' ').trim();
    expect(quoted).toBe(first.text.replace(/\s+/g, ' ').trim());

    await page.getByRole('button', { name: 'Copy answer sentence' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('answer sentence');
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    const cli = spawnSync(process.execPath, [join(projectRoot, 'dist', 'src', 'cli', 'ask.js'), '--short', COVERED], { encoding: 'utf8', timeout: 15_000 });
    expect(cli.status).toBe(0);
    expect(clipboard).toBe(cli.stdout.replace(/\n$/, ''));
    expect(clipboard).toBe(renderShortText(answer));
    expect(clipboard).not.toBe(renderPlainText(answer));
    expect(problems).toEqual([]);
  });

  it('follows a citation link to the section anchor in the local policy view', async () => {
    await askWithKeyboard(COVERED);
    const answer = t.answerer.answer(COVERED);
    const sectionId = new URL(answer.passages[0]!.url).hash.slice(1);
    const policy = t.answerer.documents[0]!;

    await page.locator('#passages > li').first().getByRole('link', { name: 'Open this section in the policy' }).click();
    await page.waitForURL((url) => url.pathname === `/documents/${policy.id}`);
    const url = new URL(page.url());
    expect(url.hash).toBe(`#${sectionId}`);
    const target = await page.evaluate(() => {
      const element = document.querySelector(':target');
      return element ? { id: element.id, tag: element.tagName } : null;
    });
    expect(target).toEqual({ id: sectionId, tag: expect.stringMatching(/^H[2-6]$/) });
    await expect.poll(() => page.locator(`[id="${sectionId}"]`).isVisible()).toBe(true);
    expect(await page.locator(`[id="${sectionId}"]`).textContent()).toBe(answer.passages[0]!.section.at(-1));
    expect(problems).toEqual([]);
  });

  it('shows "not covered" with the contact section', async () => {
    await askWithKeyboard(NOT_COVERED);
    expect(await page.locator('#answer-title').textContent()).toBe('Not covered by the policy');
    const contact = t.answerer.answer(NOT_COVERED).contact!;
    expect(await page.locator('#passages .citation').textContent()).toBe(contact.citation);
    expect(await page.locator('#passages a', { hasText: 'Open this section' }).getAttribute('href')).toMatch(/#contact-us$/);
    await page.getByRole('button', { name: 'Copy as text' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(renderPlainText(t.answerer.answer(NOT_COVERED)));
  });

  it('renders HTML in the question as text: no element, no script, no dialog', async () => {
    const attacks = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', '"><svg onload=alert(3)>'];
    for (const attack of attacks) {
      await page.goto(`${t.desk.url}/?q=${encodeURIComponent(attack)}`);
      await page.locator('#results:not([hidden])').waitFor();
      expect(await page.locator('#asked').textContent()).toBe(`Question: ${attack}`);
      await askWithKeyboard(attack);
      expect(await page.locator('#asked').textContent()).toBe(`Question: ${attack}`);
      const injected = await page.evaluate(() => ({
        images: document.querySelectorAll('img').length,
        svgs: document.querySelectorAll('svg').length,
        scripts: Array.from(document.querySelectorAll('script')).map((s) => s.getAttribute('src')),
      }));
      expect(injected).toEqual({ images: 0, svgs: 0, scripts: ['/app.js'] });
    }
    expect(problems.filter((p) => p.startsWith('dialog'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('is usable from the keyboard: tab order, real buttons, visible focus', async () => {
    await askWithKeyboard(COVERED);
    await page.focus('#q');
    const order: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? `${el.tagName.toLowerCase()}:${el.tagName === 'SELECT' ? el.id : el.textContent?.trim()}` : '';
      }));
    }
    expect(order).toEqual(['select:top', 'button:Search', 'button:Copy as text', 'button:Copy as Markdown', 'button:Copy answer sentence', expect.stringMatching(/^a:/)]);
    // A visible focus indicator: the focused button has an outline.
    await page.focus('#copy-text');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
  });
});
