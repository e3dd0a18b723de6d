import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/corpus/load.js';
import { projectRoot } from '../../src/paths.js';
import type { PolicyDocument } from '../../src/types.js';

const open = join(projectRoot, 'eval', 'policies', 'open');

interface Expected {
  title: string;
  updated?: string;
  /** The section askers are pointed to when the policy does not answer them (none when the policy gives no contact). */
  contact?: string;
  /** The section tree as indented headings. */
  tree: string;
}

// What each open policy must ingest to: its own headings (kramdown ids, closing hashes and emphasis gone), nested as
// the page nests them; tables of contents dropped; the policy date; the contact section.
const EXPECTED: Record<string, Expected> = {
  'automattic-privacy-policy.md': {
    title: 'Privacy Policy',
    contact: 'how-to-reach-us',
    tree: `
Introduction
Who We Are and What This Policy Covers
Creative Commons Sharealike License
Information We Collect
  Information You Provide to Us
  Information We Collect Automatically
  Information We Collect from Other Sources
How and Why We Use Information
  Purposes for Using Information
  Legal Bases for Collecting and Using Information
Sharing Information
  How We Share Information
  Information Shared Publicly
How Long We Keep Information
Security
Choices
Your Rights
  European General Data Protection Regulation (GDPR)
  US Privacy Laws
  Contacting Us About These Rights
  Appeals Process for Rights Requests Denials
Controllers and Responsible Companies
How to Reach Us
Other Things You Should Know (Keep Reading!)
  Transferring Information
  Ads and Analytics Services Provided by Others
  Third-Party Software and Services
  Visitors to Our Users' Websites
Privacy Policy Changes
Other Information and Resources
Translation`,
  },
  'basecamp-privacy-policy.md': {
    title: 'Privacy policy',
    updated: '2023-04-20',
    contact: 'changes-and-questions',
    tree: `
Introduction
What we collect and why
  Identity and access
  Billing information
  Product interactions
  General Geolocation data
  Website interactions
  Anti-bot assessments
  Advertising and Cookies
  Voluntary correspondence
  How we approach mobile app permissions
When we access or disclose your information
Your rights with respect to your information
How we secure your data
What happens when you delete content in your product accounts
Data retention
Location of site and data
When transferring personal data from the EU
Changes and questions`,
  },
  'corona-warn-app-privacy_en.html': {
    title: 'Notice on the termination of the processing of personal data',
    contact: '13-data-protection-officer-and-contact',
    tree: `
Introduction
1. Termination of data processing
2. Who will receive your data?
3. How can you withdraw your consent?
4. Your rights under data protection law
5. Data protection officer and contact
Privacy notice
  1. Who is the Corona-Warn-App published by?
  2. Is using the app voluntary?
  3. On what legal basis is your data processed?
  4. Who is the app aimed at?
  5. What data is processed?
    a. Access data
    b. Exposure data
    c. Rapid test data
    d. Rapid test profile
    e. Event data
    f. Health data
    g. Entries in the contact journal
    h. Data about your COVID vaccination (data in the COVID vaccination certificate)
    i. Data about your recovery (data in the COVID recovery certificate)
    j. Data in the COVID test certificate
    k. Booking information
    l. Usage Data (data sharing)
    m. Participation in a survey
    n. Contents of the error reports
    o. Authentication by the operating system
  6. Why is your data processed?
    a. Exposure logging
    b. Retrieving a test result
    c. Proof of a rapid test result
    d. Rapid test profile
    e. Warning others
    f. Using the app for information purposes only
    g. Contact journal
    h. Digital COVID certificates
    i. Revocation of digital COVID certificates
    j. Data sharing
    k. Verifications of certificates for ticket bookings
    l. Error reports
    m. Surveys
    n. Confirmation of the authenticity of your app
    o. Update feature for COVID certificates
  7. What permissions does the app require?
    a. Technical requirements (all smartphones)
    b. Android smartphones
    c. iPhones (Apple iOS)
  8. When will your data be deleted?
    a. Data on your smartphone
    b. Data on server systems
    c. Data sharing
    d. Error reports
    e. Authentication by the operating system
  9. Who will receive your data?
  10. Is your data transferred to countries outside the EU?
  11. How can you withdraw your consent?
    a. Consent to "exposure logging"
    b. Consent to “retrieving a test result”
    c. Consent to “warning others”
    d. Consent to “event check-in”
    e. Consent to “data sharing”
    f. Consent to “error reports”
    g. Consent to “survey participation”
    h. Consent to “confirmation of the authenticity of your app”
    i. Consent to “COVID certificate updates”
  12. What other rights do you have under data protection law?
  13. Data protection officer and contact`,
  },
  'github-cookies.md': {
    title: 'GitHub Cookies',
    tree: `
GitHub Cookies`,
  },
  'github-general-privacy-statement.md': {
    title: 'GitHub General Privacy Statement',
    updated: '2024-02-01',
    contact: 'contact-us',
    tree: `
GitHub Privacy Statement
  End User Notice: Organization-Provided GitHub Accounts
  Third Party Access and Data Protection
Personal Data We Collect
  From You
  Automatically
  From Third Parties
Processing Purposes: How We Use Your Personal Data
Sharing of Personal Data
Private repositories: GitHub Access
Lawful Bases for Processing Personal Data (Applicable to EEA and UK End Users)
Your Privacy Rights
International data transfers
Data Privacy Framework (DPF)
  Dispute resolution process
  Government Enforcement
Security and Retention
Security
Contact Us
Information for Minors
Changes to Our Privacy Statement
Translations
  French
  Other translations
Our use of cookies and tracking technologies
  Cookies and tracking technologies
    What are cookies and similar technologies?
    How do we and our partners use cookies and similar technologies?
    What are your cookie choices and controls?
US State Specific Information
  Privacy Rights
  Notice of Collection of Personal Information
  Exercising your Privacy Rights
  California
    Mandatory Disclosures
    Shine the Light Act
    Removal of Content
  Colorado/Connecticut/Virginia
  Nevada`,
  },
  'letsencrypt-privacy.md': {
    title: 'Let’s Encrypt Privacy Policy',
    updated: '2026-07-06',
    contact: 'what-rights-do-european-economic-area-relying-parties-subscribers-and-visitors-have-under-gdpr-and-how-can-i-exercise-them',
    tree: `
Introduction
Relying Party
Subscriber
Visitor
We Do Not Sell Your Data or Information
Use of Third-Party Analytics and Email Marketing Tools
Law Enforcement Requests and Extenuating Circumstances
What rights do European Economic Area relying parties, subscribers, and visitors have under GDPR, and how can I exercise them?`,
  },
  'lobsters-privacy.html': {
    title: 'Lobsters Privacy',
    tree: `
Lobsters Privacy`,
  },
  'logingov-privacy-act-statement.md': {
    title: 'Privacy & security: Our privacy act statement',
    tree: `
Our privacy act statement
  The Authority - Who authorizes the collection of this data?
  The Purpose - Why do we need your information?
    What information do we need?
  Routine Uses - With whom is the information routinely shared?
    What happens to the information you share?
  Consent - How can you control what information is shared?
  Fraud mitigation - How do we stop bad actors?
  Records - Where can you find more information?
  Website Analytics – Other data we collect
  Privacy Impact Assessment`,
  },
  'mozilla-privacy-policy.md': {
    title: 'Mozilla Privacy Policy',
    updated: '2020-09-09',
    tree: `
Introduction
What do we mean by "personal information?"
How do we learn information about you?
What do we do with your information once we have it?
When do we share your information with others?
How do we store and protect your personal information?
What if we change this privacy policy or any of our privacy notices?`,
  },
  'readthedocs-privacy-policy.rst': {
    title: 'Privacy Policy',
    updated: '2023-02-21',
    contact: 'contacting-read-the-docs',
    tree: `
Introduction
The short version
Our services
What information Read the Docs collects and why
  Information from website browsers
    Why do we collect this?
  Information from users with accounts
    Why do we collect this information?
What information Read the Docs does not collect
How we share the information we collect
  Third party vendors
    Payment processing
    Site monitoring
    Analytics
    Support desk
    Email newsletter
  Public information on Read the Docs
Our use of cookies and tracking
  Do Not Track
  Cookies
  Plausible
How Read the Docs secures your information
Read the Docs' global privacy practices
Resolving complaints
How we respond to compelled disclosure
How you can access and control the information we collect
  Data retention and deletion
Changes to our Privacy Policy
Contacting Read the Docs`,
  },
  'whereby-cookie-policy.md': {
    title: 'Cookie Policy',
    tree: `
General
What is a cookie?
What is local storage?
Managing cookies and local storage
How we use cookies and local storage
Cookies and local storage that we use
Integrations`,
  },
  'whereby-privacy-policy.md': {
    title: 'Privacy Policy',
    updated: '2022-07-04',
    contact: 'data-protection-officer',
    tree: `
Introduction
How we collect, process and store information
How we process media (audio/video)
  Security
Providing your personal data to others
  Business Transfers
International transfers of your personal data
Retaining and deleting personal data
Children
Changes to this policy
Managing and deleting your personal information
Your rights
Data protection officer`,
  },
};

function tree(document: PolicyDocument): string {
  return document.sections.map((section) => `${'  '.repeat(section.path.length - 1)}${section.path[section.path.length - 1]}`).join('\n');
}

// Markup and page furniture that must never reach quoted text or headings.
const ARTEFACTS: [string, RegExp][] = [
  ['kramdown attribute', /\{[#:.][^}]*\}/],
  ['closing hashes', /\s#{2,}(\s|$)/],
  ['HTML tag', /<\/?[a-z][a-z0-9]*(\s[^>]*)?>/i],
  ['Markdown emphasis or link', /\*\*|\]\(|\]\[/],
  ['rst role or reference', /:(?:ref|doc|term):|`_|``/],
  ['HTML entity', /&(?:[a-z]+|#\d+);/i],
  ['separator line', /(?:^|\n)[ \t\u00a0]*[|•·»—–-][|•·»—–\- \t\u00a0]*(?=\n|$)/],
  ['back to top', /back to top/i],
];

describe('the open-licence policies in eval/policies/open', () => {
  const files = readdirSync(open).filter((file) => file !== 'README.md');

  it('are all expected here, and all load', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    const document = loadDocument(join(open, file));

    it('has the expected title, date and section tree', () => {
      expect({ title: document.title, updated: document.updated }).toEqual({ title: expected.title, updated: expected.updated });
      expect(tree(document)).toBe(expected.tree.trim());
    });

    it('points to the expected contact section', () => {
      expect(document.contactSectionId).toBe(expected.contact);
      if (expected.contact) expect(document.sections.find((section) => section.id === expected.contact)?.text).not.toBe('');
    });

    it('keeps no markup or page furniture in headings or text', () => {
      for (const section of document.sections) {
        for (const [name, pattern] of ARTEFACTS) {
          for (const value of [...section.path, section.text]) expect(pattern.test(value), `${name} in ${section.path.join(' › ')}: ${value.slice(0, 120)}`).toBe(false);
        }
      }
    });
  });
});
