import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadDocument, parseDocument } from '../../src/corpus/load.js';
import { cleanRstInline, parseRst } from '../../src/corpus/rst.js';
import { projectRoot } from '../../src/paths.js';
import { sectionText } from '../helpers/corpus-files.js';

const fixtures = join(projectRoot, 'test', 'fixtures', 'ingest');

describe('reStructuredText ingestion', () => {
  const lantern = loadDocument(join(fixtures, 'lantern-maps-privacy.rst'));
  const text = (id: string): string => sectionText(lantern, id);

  it('nests sections by adornment style in order of first use, an overlined title apart', () => {
    expect(lantern).toMatchObject({ id: 'lantern-maps-privacy', title: 'Lantern Maps Privacy', updated: '2024-04-03' });
    expect(lantern.sections.map((section) => [section.id, section.path.join(' › ')])).toEqual([
      ['introduction', 'Introduction'],
      ['what-we-collect', 'What we collect'],
      ['account-data', 'What we collect › Account data'],
      ['location-data', 'What we collect › Location data'],
      ['how-we-use-data', 'How we use data'],
      ['cookie-rules', 'Cookies'],
      ['exports', 'Cookies › Exports'],
      ['contact', 'Contact'],
    ]);
  });

  it('drops comments, hyperlink targets and other directives, keeps the body of a note', () => {
    expect(text('introduction')).toBe('Lantern Maps is a hiking map app. This policy covers the app and the website lanternmaps.example.');
    expect(text('location-data').split('\n\n')).toEqual([
      'The app reads your position only while you record a route.',
      'You can turn off location access at any time in your phone settings.',
    ]);
    expect(JSON.stringify(lantern)).not.toMatch(/site editors|On this page|location\.png|Location settings screen|\.\. |:ref:|``|`_|\*\*|https:\/\/lanternmaps\.example\/support|Last updated/);
  });

  it('reads bullet, enumerated, definition and line-block lists, tables and literal blocks', () => {
    expect(text('account-data').split('\n\n')).toEqual(['Your e-mail address, so you can sign in.', 'Your display name, if you choose one; it is shown on routes you publish.']);
    expect(text('how-we-use-data').split('\n\n')).toEqual([
      'Recorded routes — Stored on your phone and, if you sync them, on our servers.',
      'Published routes — Visible to anyone who opens the route link.',
      'To show your routes on the map.',
      'To send you sign-in links.',
      'See our cookie rules and the Supporter page for more. We use localStorage only for settings.',
    ]);
    expect(text('cookie-rules').split('\n\n')).toEqual(['Cookie — Purpose — Lifetime', 'session — Sign-in — 2 weeks', 'prefs — Settings — 1 year']);
    expect(text('exports')).toBe('You can download everything we hold about you as a file like this:\n\nroute_id,name,length_km\n17,Ridge loop,12.4');
    expect(text('contact')).toBe('Lantern Maps Ltd\n8 Mill Lane\nLeeds LS1 4AB\n\nE-mail privacy@lanternmaps.example with any question.');
    expect(lantern.contactSectionId).toBe('contact');
  });

  it('reads field lists and grid tables', () => {
    const parsed = parseRst(
      ['Acme Policy', '===========', '', 'Retention', '---------', '', ':Scope: all accounts', ':Owner: the data team', '', '+--------+---------+', '| Data   | Kept    |', '+========+=========+', '| Logs   | 10 days |', '+--------+---------+'].join('\n'),
    );
    expect(parsed.title).toBe('Acme Policy');
    expect(parsed.sections).toEqual([{ path: ['Retention'], text: 'Scope: all accounts\n\nOwner: the data team\n\nData — Kept\n\nLogs — 10 days' }]);
  });

  it('cleans inline markup', () => {
    expect(cleanRstInline('See our `Terms <https://example.com/terms>`_ and **do not** copy ``code``.')).toBe('See our Terms and do not copy code.');
    expect(cleanRstInline('Read :doc:`advertising/ad-details` and :ref:`vendors <privacy:vendors>`, or `Support`_ [#]_.')).toBe('Read ad details and vendors, or Support.');
    expect(cleanRstInline('Escaped \\*stars\\* and a snake_case_name stay.')).toBe('Escaped *stars* and a snake_case_name stay.');
  });

  it('is picked up from a folder and by extension', () => {
    const documents = loadCorpus([join(fixtures, 'lantern-maps-privacy.rst')]);
    expect(documents.map((document) => document.id)).toEqual(['lantern-maps-privacy']);
    expect(parseDocument('Only text, no headings at all, about how we keep your data.\n', { format: 'rst', source: 'note.rst' }).sections).toEqual([
      { id: 'note', path: ['Note'], text: 'Only text, no headings at all, about how we keep your data.' },
    ]);
  });
});
