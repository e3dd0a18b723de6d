import { describe, expect, it } from 'vitest';
import { findContactSection } from '../../src/corpus/contact.js';
import { parseDocument } from '../../src/corpus/load.js';
import type { PolicySection } from '../../src/types.js';

function sections(...entries: [string, string][]): PolicySection[] {
  return entries.map(([heading, text]) => ({ id: heading.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''), path: heading.split(' › '), text }));
}

describe('the contact section', () => {
  it('prefers a heading about contact, however it is worded', () => {
    for (const heading of ['Contact us', 'How to contact us', 'Questions?', '12. Data protection officer and contact', 'Get in touch', 'Contacting Acme', 'How can you reach us?']) {
      const found = findContactSection(
        sections(['Your rights', 'Write to rights@acme.example to use your rights.'], [heading, 'We are happy to help: use the form on our site.'], ['Changes', 'We may change this policy.']),
      );
      expect(found?.path, heading).toEqual([heading]);
    }
  });

  it('does not take a contact journal, contact data or an FAQ for the contact section', () => {
    const found = findContactSection(
      sections(
        ['Contact journal', 'The app keeps a journal of the people you met.'],
        ['Contact data we collect', 'We store the phone numbers you import.'],
        ['Frequently asked questions', 'Can I delete my account? Yes.'],
        ['Retention', 'We keep data for 30 days.'],
      ),
    );
    expect(found).toBeUndefined();
  });

  it('needs evidence under a heading that only mentions contact, and then weighs it', () => {
    const found = findContactSection(
      sections(
        ['Questions about cookies', 'See the cookie banner.'],
        ['Data protection officer', 'Our officer is Dr. Rivera, Harbour Road 4, 24103 Kiel, dpo@acme.example.'],
      ),
    );
    expect(found?.id).toBe('data-protection-officer');
  });

  it('falls back to the section whose text gives an e-mail or postal address', () => {
    expect(findContactSection(sections(['Retention', 'We keep data for 30 days.'], ['Rights', 'You can write to privacy@acme.example at any time.']))?.id).toBe('rights');
    expect(findContactSection(sections(['About', 'Acme Ltd, 4 Quay Street, Bristol BS1 4XY, runs this site.'], ['Retention', 'We keep data.']))?.id).toBe('about');
    expect(findContactSection(sections(['Retention', 'We keep data for 30 days.']))).toBeUndefined();
  });

  it('hands a heading without text over to its first sub-section with text', () => {
    const found = findContactSection(sections(['Contact', ''], ['Contact › By e-mail', 'privacy@acme.example'], ['Contact › By post', '4 Quay Street']));
    expect(found?.path).toEqual(['Contact', 'By e-mail']);
  });

  it('is set on every document in one place, whatever the format', () => {
    const formats = {
      markdown: '# Acme\n\n## Retention\n\nWe keep data.\n\n## Contact us\n\nprivacy@acme.example\n',
      html: '<h1>Acme</h1><h2>Retention</h2><p>We keep data.</p><h2>Contact us</h2><p>privacy@acme.example</p>',
      rst: 'Acme\n====\n\nRetention\n---------\n\nWe keep data.\n\nContact us\n----------\n\nprivacy@acme.example\n',
      text: 'Acme Privacy Policy\n\nRetention\nWe keep your data for thirty days after you close your account.\n\nContact us\nYou can write to us at privacy@acme.example about anything in this policy.\n',
    } as const;
    for (const [format, content] of Object.entries(formats)) {
      expect(parseDocument(content, { format: format as keyof typeof formats, source: `acme.${format}` }).contactSectionId, format).toBe('contact-us');
    }
  });
});
