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

describe('flat HTML keeps its structure', () => {
  const harbor = loadDocument(join(fixtures, 'harbor-bikes-flat.html'));
  const all = JSON.stringify(harbor);

  it('reads bold lines outside paragraphs as headings and <br><br> as paragraph breaks', () => {
    expect(harbor).toMatchObject({ title: 'Harbor Bikes Privacy Policy', url: 'https://harborbikes.example/privacy', updated: '2024-01-12' });
    expect(harbor.sections.map((section) => [section.path.join(' › '), section.text])).toEqual([
      ['Introduction', 'Harbor Bikes rents bicycles from three harbour stations. This policy says what we learn about you when you rent one.'],
      ['What we collect', 'When you rent a bike we record your name, your phone number and the station where you took it. We also keep the time you returned it.'],
      ['Sharing', 'We share your phone number with our payment partner only to confirm a rental.'],
      ['Keeping your data', 'We delete rental records two years after your last ride.'],
      ['Contact', 'Questions go to privacy@harborbikes.example.'],
    ]);
    expect(harbor.contactSectionId).toBe('contact');
  });

  it('leaves no separator, back-to-top or menu artefact in the text', () => {
    for (const artefact of ['|', '•', '»', '\u00a0', 'Back to top', 'Rentals', 'Effective']) expect(all, artefact).not.toContain(artefact);
  });

  it('turns short title lines followed by prose into headings on a page without any other headings', () => {
    const quill = loadDocument(join(fixtures, 'quill-journal-privacy.html'));
    expect(quill.sections.map((section) => [section.path.join(' › '), section.text])).toEqual([
      ['Introduction', 'Quill Journal keeps a diary on your phone. This page explains the little data it handles.'],
      ['Data on your phone', 'Your entries never leave your phone unless you export them yourself.'],
      ['Backups', 'If you turn on backups, an encrypted copy of your entries is stored with your cloud provider.'],
      ['Reach us', 'Send questions to hello@quill.example and we will reply within a week.\n\nQuill Labs 21 Rope Walk Cardiff CF10 1AA'],
    ]);
    expect(quill.contactSectionId).toBe('reach-us');
    // With real headings, the same short lines stay text.
    const structured = parseHtml('<h2>One</h2><p>Text of one that goes on for a while.</p><h2>Two</h2><p>Backups</p><p>If you turn on backups, a copy is stored with your provider.</p><h2>Three</h2><p>Done.</p>');
    expect(structured.sections.map((section) => section.path.join(' › '))).toEqual(['One', 'Two', 'Three']);
  });

  it('does not take bold words inside a sentence, bold list items or bold text left open across paragraphs for headings', () => {
    const parsed = parseHtml(
      '<h2>Rights</h2><p>You may <b>object</b> at any time.</p><ul><li><strong>Access</strong></li><li>Deletion</li></ul><p>Intro <b>never closed.<p>Later paragraph</p><p>Another</p>',
    );
    expect(parsed.sections).toEqual([{ path: ['Rights'], text: 'You may object at any time.\n\nAccess\n\nDeletion\n\nIntro never closed.\n\nLater paragraph\n\nAnother' }]);
  });

  it('drops a run of bold headings that only lists the headings found later (a table of contents)', () => {
    const parsed = parseHtml(
      '<h1>Notice</h1><p><strong>1. Who we are</strong></p><p><strong>2. What we collect</strong></p><p><strong>3. Your rights</strong></p>' +
        '<h2>1. Who we are</h2><p>We run the app.</p><h2>2. What we collect</h2><p>Your e-mail.</p><h2>3. Your rights</h2><p>Ask us.</p>',
    );
    expect(parsed.sections.map((section) => section.path.join(' › '))).toEqual(['1. Who we are', '2. What we collect', '3. Your rights']);
  });

  it("keeps a heading's own id as the section anchor", () => {
    const document = parseDocument('<h2 id="keep-data">Retention</h2><p>Thirty days.</p><h2><a name="rights"></a>Your rights</h2><p>Ask.</p>', { format: 'html', title: 'A' });
    expect(document.sections.map((section) => section.id)).toEqual(['keep-data', 'rights']);
  });
});

describe('deeply nested HTML', () => {
  it('reads 2,500 unclosed <b> and 5,000 nested <div> without overflowing the stack', () => {
    const unclosed = parseDocument(`<h2>Retention</h2><p>Intro.</p>${'<b>'.repeat(2500)}We keep data for 30 days.`, { format: 'html', source: 'unclosed.html' });
    expect(unclosed.sections.map((section) => [section.path, section.text])).toEqual([[['Retention'], 'Intro.\n\nWe keep data for 30 days.']]);
    const nested = parseDocument(`${'<div>'.repeat(5000)}<h2>Sharing</h2><p>We share nothing.</p>${'</div>'.repeat(5000)}`, { format: 'html', source: 'nested.html' });
    expect(nested.sections.map((section) => [section.path, section.text])).toEqual([[['Sharing'], 'We share nothing.']]);
  });

  it('refuses nesting deeper than the parser handles in reasonable time, naming the file', () => {
    const hostile = `<p>${'<span>'.repeat(20_000)}text`;
    expect(() => parseDocument(hostile, { format: 'html', source: 'hostile.html' })).toThrow(
      'corpus: hostile.html nests HTML elements about 20,000 levels deep (limit 10,000); close its tags or save the page again',
    );
    expect(() => parseDocument(`## A\n\n<div>\n${'<i>'.repeat(20_000)}x\n</div>\n`, { format: 'markdown', source: 'inline-html.md' })).toThrow(/inline-html\.md nests HTML/);
  });
});
