import { formatPolicyDate } from '../../src/answerer.js';
import type { PolicyDocument } from '../../src/types.js';

/**
 * Server-rendered pages of the support desk: the whole policy, section by section, so that citation links
 * (`/documents/<id>#<section-id>`) resolve even when no public URL is configured. Every piece of document text goes
 * through {@link escapeHtml}; the pages carry no inline script or style, as the Content-Security-Policy forbids both.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for use in HTML element content and in quoted attribute values.
 *
 * @example
 * escapeHtml('<img src=x onerror=alert(1)>') // => '&lt;img src=x onerror=alert(1)&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Local path of a document's page, e.g. `/documents/datarobot-privacy-policy`. */
export function documentPath(documentId: string): string {
  return `/documents/${encodeURIComponent(documentId)}`;
}

/**
 * Local link to one section of a document: the page of the whole document with the section's anchor.
 *
 * @example
 * sectionPath('datarobot-privacy-policy', 'data-retention') // => '/documents/datarobot-privacy-policy#data-retention'
 */
export function sectionPath(documentId: string, sectionId: string): string {
  return `${documentPath(documentId)}#${encodeURIComponent(sectionId)}`;
}

/** Only http(s) links are rendered as links: a document's URL comes from a file anyone could edit. */
function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/style.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body class="policy-page">
<a class="skip-link" href="#policy-text">Skip to the policy text</a>
${body}
</body>
</html>
`;
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

/**
 * The whole document, section by section: each heading carries the section id as its `id`, and sections nest by level
 * (`<section>` inside `<section>`), with a table of contents linking to every anchor.
 *
 * @example
 * const html = renderDocumentPage(answerer.documents[0]);
 */
export function renderDocumentPage(document: PolicyDocument): string {
  const publicUrl = safeHttpUrl(document.url);
  const meta: string[] = [];
  if (document.updated) meta.push(`Updated <time datetime="${escapeHtml(document.updated)}">${escapeHtml(formatPolicyDate(document.updated))}</time>`);
  if (publicUrl) meta.push(`Public page: <a href="${escapeHtml(publicUrl)}" rel="noopener noreferrer">${escapeHtml(publicUrl)}</a>`);

  const toc: string[] = [];
  const body: string[] = [];
  let tocDepth = 0;
  const openSections: number[] = [];
  for (const section of document.sections) {
    const level = Math.max(1, section.path.length);
    const title = section.path[section.path.length - 1] ?? section.id;
    while (openSections.length > 0 && openSections[openSections.length - 1]! >= level) {
      openSections.pop();
      body.push('</section>');
    }
    openSections.push(level);
    const headingLevel = Math.min(6, level + 1);
    body.push(
      `<section class="level-${level}">`,
      `<h${headingLevel} id="${escapeHtml(section.id)}"><a class="anchor" href="#${escapeHtml(encodeURIComponent(section.id))}">${escapeHtml(title)}</a></h${headingLevel}>`,
      paragraphs(section.text),
    );

    // The table of contents is a nested list; depth changes open and close list levels.
    if (level > tocDepth) {
      for (; tocDepth < level; tocDepth += 1) toc.push('<ol>');
    } else {
      toc.push('</li>');
      for (; tocDepth > level; tocDepth -= 1) toc.push('</ol></li>');
    }
    toc.push(`<li><a href="#${escapeHtml(encodeURIComponent(section.id))}">${escapeHtml(title)}</a>`);
  }
  body.push('</section>'.repeat(openSections.length));
  if (tocDepth > 0) {
    toc.push('</li>');
    for (; tocDepth > 1; tocDepth -= 1) toc.push('</ol></li>');
    toc.push('</ol>');
  }

  return page(
    document.title,
    `<header class="site-header">
<p class="back"><a href="/">← Support desk</a> · <a href="/documents">All documents</a></p>
<h1>${escapeHtml(document.title)}</h1>
${meta.length > 0 ? `<p class="doc-meta">${meta.join(' · ')}</p>` : ''}
</header>
<nav class="toc" aria-label="Contents">
<h2>Contents</h2>
${toc.join('\n')}
</nav>
<main id="policy-text" class="policy-text" tabindex="-1">
${body.join('\n')}
</main>`,
  );
}

/**
 * A list of every document with a link to its page.
 *
 * @example
 * const html = renderDocumentListPage(answerer.documents);
 */
export function renderDocumentListPage(documents: readonly PolicyDocument[]): string {
  const items = documents
    .map((d) => {
      const updated = d.updated ? ` <span class="doc-meta">(updated ${escapeHtml(formatPolicyDate(d.updated))})</span>` : '';
      return `<li><a href="${escapeHtml(documentPath(d.id))}">${escapeHtml(d.title)}</a>${updated}</li>`;
    })
    .join('\n');
  return page(
    'Policies',
    `<header class="site-header">
<p class="back"><a href="/">← Support desk</a></p>
<h1>Policies</h1>
</header>
<main id="policy-text" class="policy-text" tabindex="-1">
<ul class="doc-list">
${items}
</ul>
</main>`,
  );
}
