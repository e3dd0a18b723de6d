import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/corpus/dates.js';
import { extendLexicon } from '../../src/corpus/lexicon.js';
import { loadDocument, parseDocument } from '../../src/corpus/load.js';
import { SlugRegistry, slugify } from '../../src/corpus/slug.js';
import { parseText } from '../../src/corpus/text.js';
import { createTruecaser } from '../../src/corpus/truecase.js';
import { projectRoot } from '../../src/paths.js';
import { sectionText } from '../helpers/corpus-files.js';

const fixtures = join(projectRoot, 'test', 'fixtures', 'ingest');

describe('plain-text ingestion of another lower-cased scrape', () => {
  const content = readFileSync(join(fixtures, 'contoso-privacy-scrape.txt'), 'utf8');
  const document = parseDocument(content, {
    format: 'text',
    source: 'contoso-privacy-scrape.txt',
    text: { terms: extendLexicon(['Contoso', 'Contoso Cloud', 'Dublin', 'Main Street', 'FAQ']) },
  });

  it('finds the TOC, its glued children, free sub-headings and a repeated heading nesting under its predecessor', () => {
    expect(document.sections.map((section) => section.path.join(' › '))).toEqual([
      'Introduction',
      'Information we collect',
      'Information we collect › Account information',
      'Information we collect › Usage information',
      'How we use information',
      'How we use information › Billing',
      'How we use information › Billing › Legal basis',
      'How we use information › Support',
      'How we use information › Support › Legal basis',
      'Your choices',
      'Contact',
    ]);
  });

  it('takes the title and date from around the TOC and drops menus, banner and footer', () => {
    expect(document.title).toBe('Privacy Notice');
    expect(document.updated).toBe('2021-06-01');
    const all = document.sections.map((section) => section.text).join('\n').toLowerCase();
    for (const phrase of ['products', 'pricing', 'sign in', 'accept all cookies', 'best browsing experience', 'all rights reserved', 'last updated']) {
      expect(all, phrase).not.toContain(phrase);
    }
  });

  it('rejoins abbreviations, domains and split "e.g." and applies an extended lexicon', () => {
    const text = (id: string): string => document.sections.find((section) => section.id === id)?.text ?? '';
    expect(text('introduction')).toBe('This privacy notice explains how Contoso Ltd. handles personal data when you use Contoso Cloud.');
    expect(text('billing')).toBe('We use your account information to send invoices and to process payments through Stripe, Inc. We never see your full card number.');
    expect(text('support')).toBe('We use your messages to answer your questions and to improve our help pages (e.g. the FAQ).');
    expect(text('your-choices')).toContain('Stop marketing emails.\n\nTo make a request, email privacy at contoso.com or use the form');
    expect(text('contact')).toBe('Contoso Ltd., 1 Main Street, Dublin, Ireland.');
  });
});

describe('plain-text ingestion with a parent heading directly followed by its first child', () => {
  it('still finds the TOC and nests the children', () => {
    const parsed = parseText(
      [
        'acme.',
        'home.',
        'privacy policy.',
        'our data practicescollectionsharing.',
        'collection.',
        'sharing.',
        'your rights.',
        'our data practices.',
        'collection.',
        'we collect the name and email address you give us when you sign up.',
        'sharing.',
        'we share your data only with the payment processor that handles your order.',
        'your rights.',
        'you can ask us for a copy of your data or ask us to delete it at any time.',
        'home.',
      ].join('\n'),
    );
    expect(parsed.title).toBe('Privacy Policy');
    expect(parsed.sections.map((section) => section.path.join(' › '))).toEqual([
      'Our data practices',
      'Our data practices › Collection',
      'Our data practices › Sharing',
      'Your rights',
    ]);
    expect(parsed.sections.at(-1)?.text).toBe('You can ask us for a copy of your data or ask us to delete it at any time.');
  });
});

describe('plain-text ingestion of a clean, mixed-case text', () => {
  const fabrikam = loadDocument(join(fixtures, 'fabrikam-privacy-policy.txt'));

  it('uses the first line as title, blank lines as paragraph breaks and undoes hard wraps', () => {
    expect(fabrikam).toMatchObject({ title: 'Fabrikam Privacy Policy', updated: '2024-02-02' });
    expect(fabrikam.sections.map((section) => [section.path.join(' › '), section.text])).toEqual([
      ['Introduction', 'Fabrikam Inc. builds scheduling software. This policy explains how we handle personal data.'],
      [
        'Information we collect',
        'We collect the details you enter in your account, such as your name and work e-mail address.\n\nCalendar entries you choose to sync.\n\nSupport messages you send us.',
      ],
      ['How long we keep data', 'We keep account data while your account is open and delete it within 30 days after you close it.'],
      ['Contact', 'You can reach our privacy team at privacy@fabrikam.example at any time.'],
    ]);
  });

  it('makes a text without headings one section named after the document', () => {
    const initech = loadDocument(join(fixtures, 'initech-statement.txt'));
    expect(initech.sections).toEqual([
      {
        id: 'initech-privacy-statement',
        path: ['Initech Privacy Statement'],
        text: 'We only keep the e-mail address you give us, and only for as long as you are a customer. We never sell it.',
      },
    ]);
    const untitled = parseDocument('we keep your data safe.\nwe never sell it.\n', { format: 'text', source: 'notes/short-note.txt' });
    expect(untitled.sections.map((section) => [section.path, section.text])).toEqual([[['Short Note'], 'We keep your data safe. We never sell it.']]);
  });

  it('does not take list items or address lines for headings', () => {
    const parsed = parseText(
      [
        'your rights.',
        'you may ask us to.',
        'access your personal information.',
        'delete your personal information that we hold about you today.',
        'and.',
        'object to processing of your personal information for direct marketing.',
        'write to us at.',
        '10 downing road.',
        'springfield.',
        'usa.',
      ].join('\n'),
    );
    expect(parsed.sections.map((section) => section.path)).toEqual([[]]);
    expect(parsed.sections[0]?.text.split('\n\n')).toEqual([
      'Your rights.',
      'You may ask us to.',
      'Access your personal information.',
      'Delete your personal information that we hold about you today.',
      'And object to processing of your personal information for direct marketing.',
      'Write to us at.',
      '10 downing road. Springfield. USA.',
    ]);
  });
});

describe('truecasing, dates and slugs', () => {
  const truecase = createTruecaser();

  it('restores names and acronyms but never inside domains or e-mail addresses', () => {
    const named = createTruecaser({ terms: extendLexicon(['AcmeCloud', 'AcmeCloud Community']) });
    expect(named.sentence('visit acmecloud.com or the acmecloud community.')).toBe('Visit acmecloud.com or the AcmeCloud Community.');
    expect(named.sentence('write to dpo@acmecloud.com about gdpr.')).toBe('Write to dpo@acmecloud.com about GDPR.');
    expect(truecase.sentence('rights under the ccpa/cpra and uk gdpr.')).toBe('Rights under the CCPA/CPRA and UK GDPR.');
    expect(truecase.sentence('“opt out,” as a subject line.')).toBe('“Opt out,” as a subject line.');
    expect(truecase.heading('children’s data.')).toBe('Children’s data');
  });

  it('capitalizes defined terms in parentheses, not quoted pronouns', () => {
    expect(truecase.sentence('this notice (“notice”) is by acme (“we,” “us” or “our”) for its app (the “service”).')).toBe(
      'This notice (“Notice”) is by acme (“we,” “us” or “our”) for its app (the “Service”).',
    );
  });

  it('accepts extra lexicon terms', () => {
    expect(createTruecaser({ terms: extendLexicon(['Acme Corp']) }).sentence('acme corp and linkedin.')).toBe('Acme Corp and LinkedIn.');
    expect(createTruecaser().sentence('acme corp and linkedin.')).toBe('Acme corp and LinkedIn.');
  });

  it('parses the date formats policies use', () => {
    expect(parseDate('last changes: march 17, 2022')).toBe('2022-03-17');
    expect(parseDate('Effective 30 June 2023')).toBe('2023-06-30');
    expect(parseDate('2024-01-05T10:00')).toBe('2024-01-05');
    expect(parseDate('Sept. 1st, 2021')).toBe('2021-09-01');
    expect(parseDate('February 30, 2022')).toBeUndefined();
    expect(parseDate('no date here')).toBeUndefined();
  });

  it('makes GitHub-style, de-duplicated slugs', () => {
    expect(slugify('With law enforcement, government entities, and other companies')).toBe('with-law-enforcement-government-entities-and-other-companies');
    expect(slugify('Children’s data')).toBe('childrens-data');
    const slugs = new SlugRegistry();
    expect([slugs.unique('Legal basis'), slugs.unique('Legal basis'), slugs.unique('Legal basis')]).toEqual(['legal-basis', 'legal-basis-2', 'legal-basis-3']);
    expect(slugs.unique('!!!')).toBe('section');
  });
});

describe('plain text with one sentence a line (a mobile-app policy export)', () => {
  const tidepool = loadDocument(join(fixtures, 'tidepool-app-privacy.txt'));
  const text = (id: string): string => sectionText(tidepool, id);

  it('takes short lines followed by a sentence for headings, numbered and all-caps ones included', () => {
    expect(tidepool).toMatchObject({ title: 'Privacy Policy', updated: '2024-03-01', contactSectionId: 'contact-us' });
    expect(tidepool.sections.map((section) => section.path.join(' › '))).toEqual([
      'Introduction',
      'Information We Collect',
      'Log Data',
      'Cookies',
      'Service Providers',
      "CHILDREN'S PRIVACY",
      '5. Security',
      'Changes to This Policy',
      'Contact Us',
    ]);
  });

  it('keeps ordinary sentences, list items after a lead-in and address lines in the text', () => {
    expect(text('introduction')).toContain('Your privacy matters to us.');
    expect(text('information-we-collect').split('\n\n')).toEqual([
      'Tidepool Tracker stores the walks you record on your own phone.',
      'When you choose to back up your walks, the app sends them to our cloud storage provider. We may collect:',
      'Your approximate location',
      'Crash reports',
      'The model of your device',
      'We use this information to keep the app working and to fix problems.',
    ]);
    expect(text('service-providers')).toContain('To help us understand which features people use.');
    expect(text('contact-us')).toContain('Marlow Apps Ltd 4 Quay Street Bristol BS1 4XY United Kingdom');
    expect(text('changes-to-this-policy')).not.toContain('effective');
  });

  it('drops separator-only lines and "back to top" in any text', () => {
    const parsed = parseText('Data retention\nWe keep your account data for as long as your account stays open.\n|\n• • •\nBack to top\nData | Kept for | Why\n');
    expect(parsed.sections).toEqual([
      { path: ['Data retention'], text: 'We keep your account data for as long as your account stays open.\n\nData | Kept for | Why' },
    ]);
  });
});
