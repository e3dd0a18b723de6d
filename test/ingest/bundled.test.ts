import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/corpus/ingest.js';
import { loadCorpus, loadDocument } from '../../src/corpus/load.js';
import { projectRoot } from '../../src/paths.js';
import type { PolicyDocument } from '../../src/types.js';

const rawPage = join(projectRoot, 'corpus', 'raw', 'datarobot-privacy-page.txt');
const committed = join(projectRoot, 'corpus', 'datarobot-privacy-policy.md');

// The section tree of CONTEXT.md, as indented lines.
const EXPECTED_TREE = `
Introduction
Privacy policy applicability
Privacy policy updates
How we collect
What we collect
  Personal data we may collect from you
  Personal data you may provide to us
    User metrics
    Metadata
  Personal data we may receive from third parties
  Personal data required by contract
How we use your data and legal basis for processing
  To provide and support the solution and websites
    Legal basis for processing
  To provide an individualized experience on the solution and websites
    Legal basis for processing
  To understand and manage our relationship with you
    Legal basis for processing
  To communicate with you
    Legal basis for processing
  To create anonymous data for use in product development
    Legal basis for processing
  For security, compliance, fraud prevention and safety
    Legal basis for processing
  For compliance with law or to investigate legal claims
    Legal basis for processing
  With your consent
How we share your data
  With affiliates
  With business partners
  With third party agents and service providers
  With social media widgets
  By linking to third party sites
  With law enforcement, government entities, and other companies and organizations
  Through business transfers
Our products
Data retention
Data security
Payment information
Children’s data
Your data rights
  View, correct and delete your account information
  Opt out of communications
  Deactivate your account
  Turn off cookies
International transfers of data
European residents
California residents
Contact us
`.trim();

function tree(document: PolicyDocument): string {
  return document.sections.map((section) => `${'  '.repeat(section.path.length - 1)}${section.path[section.path.length - 1]}`).join('\n');
}

function allText(document: PolicyDocument): string {
  return [document.title, ...document.sections.flatMap((section) => [...section.path, section.text])].join('\n');
}

function section(document: PolicyDocument, ...path: string[]): string {
  const found = document.sections.find((candidate) => candidate.path.join(' › ') === path.join(' › '));
  if (!found) throw new Error(`no section ${path.join(' › ')}`);
  return found.text;
}

const fromRaw = loadDocument(rawPage);
const fromMarkdown = loadDocument(committed);

describe('bundled DataRobot policy', () => {
  it('recovers exactly the section tree of the team context from the raw scrape', () => {
    expect(tree(fromRaw)).toBe(EXPECTED_TREE);
  });

  it('loads the committed Markdown to the same tree, text and metadata', () => {
    expect(tree(fromMarkdown)).toBe(EXPECTED_TREE);
    expect(fromMarkdown.sections).toEqual(fromRaw.sections);
    expect(fromMarkdown).toMatchObject({
      id: 'datarobot-privacy-policy',
      title: 'DataRobot Privacy Policy',
      url: 'https://www.datarobot.com/privacy/',
      updated: '2022-03-17',
    });
  });

  it('regenerates the committed file byte for byte', () => {
    const { markdown, defaultOutPath } = ingestFile(rawPage, { cwd: projectRoot });
    expect(defaultOutPath).toBe(committed);
    expect(markdown).toBe(readFileSync(committed, 'utf8'));
  });

  it('keeps no menu, footer, banner, newsletter or badge text', () => {
    for (const text of [allText(fromRaw).toLowerCase(), allText(fromMarkdown).toLowerCase()]) expectNoChrome(text);
  });

  it('points askers to "Contact us" and carries the knowledge of its page', () => {
    expect(fromRaw.contactSectionId).toBe('contact-us');
    expect(fromMarkdown.contactSectionId).toBe('contact-us');
    expect(fromMarkdown.knowledge).toEqual(fromRaw.knowledge);
    expect(fromMarkdown.knowledge?.names).toContain('DataRobot');
    // The company's own names come from that file, not from the general lexicon.
    const withoutKnowledge = allText(loadDocument(rawPage, { knowledge: false }));
    expect(withoutKnowledge).toContain('This privacy policy (“Policy”) describes how datarobot (“we,” “us” or “our”)');
    expect(withoutKnowledge).toContain('225 franklin street');
  });

  function expectNoChrome(text: string): void {
    for (const phrase of [
      'tour the ai platform',
      'gartner',
      'subscribe to more intelligent tomorrow',
      'more intelligent tomorrow',
      'read policy',
      'by continuing you confirm',
      'we’ve updated the terms',
      'partner portal',
      'support portal',
      'insights on the future',
      'all rights reserved',
      'leadership team',
      'ai for good',
      'applicant privacy policy.\n',
      'last changes to privacy policy',
    ]) {
      expect(text, phrase).not.toContain(phrase);
    }
  }

  it('recovers the policy date and keeps it out of the text', () => {
    expect(fromRaw.updated).toBe('2022-03-17');
    expect(allText(fromRaw).toLowerCase()).not.toContain('march 17, 2022');
  });

  it('rejoins sentences the scrape broke after periods', () => {
    expect(section(fromRaw, 'Privacy policy applicability')).toContain(
      'This policy is applicable to data collected through datarobot.com, DataRobot Community, and other websites managed by DataRobot (collectively, the “Websites”)',
    );
    const payment = section(fromRaw, 'Payment information');
    expect(payment).toContain('directly by our payment processor, Stripe, Inc. We will never receive or store your full payment card information.');
    expect(section(fromRaw, 'Contact us')).toContain('225 Franklin Street, floor 13. Boston, Massachusetts 02110. USA. Attn. Data Protection Officer.');
  });

  it('restores capitalization of names, acronyms and defined terms', () => {
    const text = allText(fromRaw);
    for (const sample of [
      'This privacy policy (“Policy”) describes how DataRobot (“we,” “us” or “our”) collects',
      'our software products (the “Solution”)',
      'DataRobot’s Master Subscription Agreement (“MSA”)',
      '(“Customer Data”)',
      '(collectively “User Metrics”)',
      '(collectively “Metadata”)',
      'the EU General Data Protection Regulation (“GDPR”) or UK General Data Protection Regulation (“UK GDPR”)',
      'When you use the SaaS version of the solution',
      'including IP address',
      'B2B intelligence platforms',
      'such as Facebook, Twitter, Instagram and Tumblr widgets',
      'headquartered in the United States',
      'by the European Commission and the British Information Commissioner’s Office',
      'located in the European Economic Area, Switzerland, or United Kingdom',
      'California Consumer Privacy Act (“CCPA”) and California Privacy Rights Act (“CPRA”)',
      'You should review Stripe’s privacy policy',
      'with the subject line “opt out,”',
    ]) {
      expect(text, sample).toContain(sample);
    }
    expect(section(fromRaw, 'Children’s data')).toMatch(/^The services and websites are not directed/);
  });

  it('keeps list lead-ins verbatim and list items as their own paragraphs', () => {
    const paragraphs = section(fromRaw, 'How we collect').split('\n\n');
    expect(paragraphs[0]).toBe('We may collect your personal data when you.');
    expect(paragraphs).toContain('Use our websites or solution.');
    expect(paragraphs).toHaveLength(7);
    expect(section(fromRaw, 'European residents')).toContain('\n\nAnd make a complaint to a data protection authority');
  });

  it('starts every sentence and heading with a capital letter or digit', () => {
    for (const { path, text } of fromRaw.sections) {
      for (const heading of path) expect(heading, heading).toMatch(/^[\p{Lu}\d]/u);
      for (const paragraph of text.split('\n\n')) {
        for (const sentence of paragraph.split(/(?<=[.!?][”)]?)\s+/)) {
          expect(sentence, `${path.join(' › ')}: ${sentence}`).toMatch(/^[“(]?[\p{Lu}\d]/u);
        }
      }
    }
  });

  it('gives every section a unique GitHub-style id', () => {
    const ids = fromRaw.sections.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('data-retention');
    expect(ids).toContain('childrens-data');
    expect(ids).toContain('legal-basis-for-processing');
    expect(ids).toContain('legal-basis-for-processing-7');
    expect(ids).toContain('with-affiliates');
  });

  it('loads the bundled corpus folder without reading corpus/raw', () => {
    const documents = loadCorpus([join(projectRoot, 'corpus')]);
    expect(documents.map((document) => document.id)).toEqual(['datarobot-privacy-policy']);
    expect(documents[0]?.source).toBe(committed);
  });
});
