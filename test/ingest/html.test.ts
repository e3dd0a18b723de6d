import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/corpus/html.js';
import { CorpusError, loadDocument, parseDocument } from '../../src/corpus/load.js';
import { projectRoot } from '../../src/paths.js';

const fixtures = join(projectRoot, 'test', 'fixtures', 'ingest');

describe('HTML ingestion', () => {
  const acme = loadDocument(join(fixtures, 'acme-cookie-policy.html'));
  const text = acme.sections.map((section) => `${section.path.join(' › ')}\n${section.text}`).join('\n');

  it('reads title, canonical URL and date from the page', () => {
    expect(acme).toMatchObject({
      id: 'acme-cookie-policy',
      title: 'Acme Cookie Policy',
      url: 'https://acme.example/legal/cookies/',
      updated: '2024-01-05',
    });
  });

  it('uses h2/h3 and bold-only paragraphs as headings', () => {
    expect(acme.sections.map((section) => section.path.join(' › '))).toEqual([
      'Introduction',
      'What are cookies?',
      'Cookies we use',
      'Cookies we use › Strictly necessary cookies',
      'Cookies we use › Analytics cookies',
      'Cookies we use › Third-party analytics',
      'How to control cookies',
      'Contact us',
    ]);
  });

  it('keeps paragraphs, list items and table rows as separate paragraphs, entities decoded', () => {
    const necessary = acme.sections.find((section) => section.id === 'strictly-necessary-cookies');
    expect(necessary?.text.split('\n\n')).toEqual([
      'These cookies are needed for the website to work and cannot be switched off.',
      'Keeping you signed in.',
      'Remembering the items in your shopping cart.',
    ]);
    const analytics = acme.sections.find((section) => section.id === 'analytics-cookies');
    expect(analytics?.text.split('\n\n')).toContain('_ga — Google Analytics visitor id — 2 years');
    expect(text).toContain('(“Acme”, “we”) uses cookies & similar technologies');
    expect(text).toContain('see Google’s policy');
    expect(text).toContain('your actions and preferences over time.');
  });

  it('drops navigation, header, cookie banner, scripts, styles, newsletter box and footer', () => {
    for (const phrase of ['Shop all widgets', 'Partner portal', 'Accept all cookies', 'By continuing', 'dataLayer', 'inline tracking', 'font-family', 'Subscribe', 'All rights reserved', 'Terms']) {
      expect(text, phrase).not.toContain(phrase);
    }
    expect(text).not.toContain('Last updated');
  });

  it('falls back to og:url, <time datetime> and bold-only <p>/<div> headings without <main>', () => {
    const globex = loadDocument(join(fixtures, 'globex-privacy-notice.htm'));
    expect(globex).toMatchObject({ title: 'Globex Privacy Notice', url: 'https://globex.example/privacy', updated: '2023-06-30' });
    expect(globex.sections.map((section) => section.path.join(' › '))).toEqual(['Who we are', 'What we collect', 'Your rights']);
    const all = globex.sections.map((section) => section.text).join(' ');
    expect(all).not.toContain('Careers');
    expect(all).not.toContain('weekly digest');
  });

  it('takes the title from <title> when there is no <h1>, minus the site name', () => {
    const parsed = parseHtml('<html><head><title>Contoso Privacy – Contoso</title></head><body><h2>Data</h2><p>We keep little.</p></body></html>');
    expect(parsed.title).toBe('Contoso Privacy');
    expect(parsed.sections).toEqual([{ path: ['Data'], text: 'We keep little.' }]);
  });

  it('drops by class only what is not the bulk of the page', () => {
    const parsed = parseHtml(
      '<body><div class="sidebar"><p>Related links and other furniture.</p></div>' +
        '<div class="sidebar-layout main-content"><h2>Consent</h2><p>We ask for your consent before we set analytics cookies on your device.</p>' +
        '<section id="social-media-widgets"><h2>Social media widgets</h2><p>Share buttons load only after you click them once.</p></section></div></body>',
    );
    expect(parsed.sections.map((section) => section.path[0])).toEqual(['Consent', 'Social media widgets']);
    expect(JSON.stringify(parsed)).not.toContain('furniture');
  });

  it('survives malformed markup', () => {
    const document = parseDocument('<div><h2>Retention</h3><p>We keep logs for <b>30 days</i>.<p>Second<li>Unclosed item</ul></span>', {
      format: 'html',
      title: 'Broken',
    });
    expect(document.sections[0]?.path).toEqual(['Retention']);
    expect(document.sections[0]?.text.split('\n\n')).toEqual(['We keep logs for 30 days.', 'Second', 'Unclosed item']);
  });

  it('rejects a page that is all site chrome, naming it', () => {
    expect(() =>
      parseDocument('<html><body><nav><a>Home</a></nav><footer>© Acme</footer></body></html>', { format: 'html', source: 'chrome-only.html' }),
    ).toThrow(CorpusError);
    expect(() => parseDocument('<nav>Home</nav>', { format: 'html', source: 'chrome-only.html' })).toThrow(/chrome-only\.html/);
  });
});
