import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, renderDocumentPage } from '../../adapters/web/html.js';
import { isLoopbackHost, securityHeaders, type RenderedAnswer } from '../../adapters/web/server.js';
import { projectRoot } from '../../src/paths.js';
import { renderMarkdown, renderPlainText, renderShortText } from '../../src/render/text.js';
import type { Answer, Answerer, PolicyDocument } from '../../src/types.js';
import { rawRequest, requireBuilt, startTestDesk, type RawResponse, type TestDesk } from '../helpers/web-server.js';

const COVERED = 'How long do you keep my data?';
const NOT_COVERED = 'What is the best recipe for sourdough bread?';

let t: TestDesk;

beforeAll(async () => {
  t = await startTestDesk();
});

afterAll(async () => {
  await t?.desk.close();
});

async function getJson(path: string): Promise<{ res: RawResponse; body: unknown }> {
  const res = await rawRequest(t.desk.url, path);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return { res, body: JSON.parse(res.body) as unknown };
}

/** What the answerer returns, as it looks after a JSON round trip (undefined fields dropped). */
function asJson(answer: Answer): unknown {
  return JSON.parse(JSON.stringify(answer));
}

function expectSecurityHeaders(res: RawResponse): void {
  for (const [name, value] of Object.entries(securityHeaders)) expect(res.headers[name.toLowerCase()], name).toBe(value);
}

describe('GET /api/answer', () => {
  it('returns the Answer exactly as the answerer gives it', async () => {
    const { res, body } = await getJson(`/api/answer?q=${encodeURIComponent(COVERED)}`);
    expect(res.status).toBe(200);
    const expected = t.answerer.answer(COVERED);
    expect(expected.answered).toBe(true);
    expect(body).toEqual(asJson(expected));
    expect(Object.keys(body as object).sort()).toEqual(['answered', 'passages', 'question']);
    const first = (body as Answer).passages[0]!;
    expect(Object.keys(first).sort()).toEqual(['citation', 'confidence', 'document', 'documentId', 'highlights', 'score', 'section', 'sectionId', 'text', 'updated', 'url']);
    expect(first.url.endsWith(`#${first.sectionId}`)).toBe(true);
    expect(first.highlights.length).toBeGreaterThan(0);
    for (const h of first.highlights) expect(first.text.slice(h.start, h.end)).toMatch(/^\S.*[.!?:;]$/);
  });

  it('passes top through', async () => {
    const { body } = await getJson(`/api/answer?q=${encodeURIComponent(COVERED)}&top=1`);
    expect(body).toEqual(asJson(t.answerer.answer(COVERED, { top: 1 })));
    expect((body as Answer).passages).toHaveLength(1);
  });

  it('answers "not covered" with the contact section', async () => {
    const { body } = await getJson(`/api/answer?q=${encodeURIComponent(NOT_COVERED)}`);
    const answer = body as Answer;
    expect(answer.answered).toBe(false);
    expect(answer.passages).toEqual([]);
    expect(answer.contact?.section).toEqual(['Contact us']);
    expect(body).toEqual(asJson(t.answerer.answer(NOT_COVERED)));
  });

  it('is the same JSON as `ask --json` for the same question', async () => {
    const askJs = requireBuilt('src/cli/ask.ts');
    for (const question of [COVERED, NOT_COVERED]) {
      const { stdout } = await promisify(execFile)(process.execPath, [askJs, '--json', question], { cwd: projectRoot });
      const { body } = await getJson(`/api/answer?q=${encodeURIComponent(question)}`);
      expect(body).toEqual(JSON.parse(stdout));
    }
  });

  it('accepts a question of exactly 1,000 characters', async () => {
    const res = await rawRequest(t.desk.url, `/api/answer?q=${encodeURIComponent('é'.repeat(1000))}`);
    expect(res.status).toBe(200);
  });
});

describe('GET /api/render', () => {
  it('returns the answer with renderPlainText, renderMarkdown and renderShortText output and local section links', async () => {
    const { res, body } = await getJson(`/api/render?q=${encodeURIComponent(COVERED)}&top=2`);
    expect(res.status).toBe(200);
    const rendered = body as RenderedAnswer;
    const answer = t.answerer.answer(COVERED, { top: 2 });
    expect(rendered.answer).toEqual(asJson(answer));
    expect(rendered.text).toBe(renderPlainText(answer));
    expect(rendered.markdown).toBe(renderMarkdown(answer));
    expect(rendered.short).toBe(renderShortText(answer));
    expect(rendered.short).not.toBe(renderPlainText({ ...answer, passages: answer.passages.slice(0, 1) }));
    expect(rendered.local.passages).toHaveLength(answer.passages.length);
    const document = t.answerer.documents[0]!;
    answer.passages.forEach((passage, i) => {
      const section = document.sections.find((s) => s.path.join('/') === passage.section.join('/'))!;
      expect(rendered.local.passages[i]).toBe(`/documents/${document.id}#${section.id}`);
    });
  });

  it('links the contact section of a "not covered" answer', async () => {
    const { body } = await getJson(`/api/render?q=${encodeURIComponent(NOT_COVERED)}`);
    const rendered = body as RenderedAnswer;
    expect(rendered.answer.answered).toBe(false);
    expect(rendered.local.contact).toMatch(/^\/documents\/[^#]+#contact-us$/);
    expect(rendered.text).toBe(renderPlainText(t.answerer.answer(NOT_COVERED)));
    expect(rendered.short).toBe(rendered.text);
  });
});

describe('documents and health', () => {
  it('lists documents with their sections', async () => {
    const { res, body } = await getJson('/api/documents');
    expect(res.status).toBe(200);
    const { documents } = body as { documents: { id: string; title: string; url: string | null; updated: string | null; sections: { id: string; path: string[]; level: number }[] }[] };
    expect(documents).toHaveLength(t.answerer.documents.length);
    const [listed] = documents;
    const source = t.answerer.documents[0]!;
    expect(listed).toMatchObject({ id: source.id, title: 'DataRobot Privacy Policy', url: 'https://www.datarobot.com/privacy/', updated: '2022-03-17' });
    expect(listed!.sections).toEqual(source.sections.map((s) => ({ id: s.id, path: s.path, level: s.path.length })));
    expect(listed!.sections.find((s) => s.id === 'data-retention')).toEqual({ id: 'data-retention', path: ['Data retention'], level: 1 });
  });

  it('returns one document with its text, and 404 JSON for an unknown id', async () => {
    const source = t.answerer.documents[0]!;
    const { res, body } = await getJson(`/api/documents/${source.id}`);
    expect(res.status).toBe(200);
    const document = body as { id: string; sections: { id: string; text: string; level: number }[] };
    expect(document.id).toBe(source.id);
    expect(document.sections.map((s) => s.text)).toEqual(source.sections.map((s) => s.text));

    const missing = await getJson('/api/documents/no-such-policy');
    expect(missing.res.status).toBe(404);
    expect((missing.body as { error: string }).error).toContain('no-such-policy');
  });

  it('answers /healthz', async () => {
    const { res, body } = await getJson('/healthz');
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', documents: t.answerer.documents.length, passages: expect.any(Number) });
    expect((body as { passages: number }).passages).toBeGreaterThan(t.answerer.documents[0]!.sections.length / 2);
  });
});

describe('bad input', () => {
  const long = 'a'.repeat(1001);
  const badQueries: [string, string][] = [
    ['missing q', ''],
    ['empty q', '?q='],
    ['blank q', '?q=%20%20%09'],
    ['q over 1,000 characters', `?q=${long}`],
    ['q over 1,000 characters (multibyte)', `?q=${encodeURIComponent('é'.repeat(1001))}`],
    ['q given twice', '?q=a&q=b'],
    ['q as an array', '?q[]=data'],
    ['top 0', '?q=data&top=0'],
    ['top 11', '?q=data&top=11'],
    ['top negative', '?q=data&top=-1'],
    ['top fractional', '?q=data&top=2.5'],
    ['top a word', '?q=data&top=three'],
    ['top empty', '?q=data&top='],
    ['top huge', '?q=data&top=99999999999999999999'],
    ['top given twice', '?q=data&top=1&top=2'],
    ['unknown parameter', '?q=data&format=text'],
  ];

  for (const endpoint of ['/api/answer', '/api/render']) {
    for (const [name, query] of badQueries) {
      it(`${endpoint}: ${name} → 400 JSON`, async () => {
        const { res, body } = await getJson(`${endpoint}${query}`);
        expect(res.status).toBe(400);
        expect((body as { error: unknown }).error).toEqual(expect.stringMatching(/^web: /));
        expectSecurityHeaders(res);
      });
    }
  }

  it('gives 404 JSON for unknown routes and documents', async () => {
    for (const path of ['/api/nope', '/nope', '/documents/nope', '/api/answer/extra', '/index.php']) {
      const { res, body } = await getJson(path);
      expect(res.status, path).toBe(404);
      expect(typeof (body as { error: unknown }).error).toBe('string');
    }
  });

  it('gives 405 JSON with Allow for a wrong method', async () => {
    for (const [method, path] of [['POST', '/api/answer?q=data'], ['DELETE', '/'], ['PUT', '/api/documents'], ['POST', '/healthz']] as const) {
      const res = await rawRequest(t.desk.url, path, method, '{}');
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
      expect(JSON.parse(res.body)).toEqual({ error: expect.stringContaining('not allowed') });
    }
  });

  it('never answers odd input with a 500', async () => {
    const odd = ['/api/answer?q=%E0%A4%A', '/api/answer?q=%00%01%02', '/api/answer?q=%F0%9F%98%80', '/api/answer?q=%ZZ', '/%', '/%E0%A4%A', '/documents/%E0%A4%A', '/api/documents/%', '//api/answer?q=x', '/api/answer?q=' + '%'.repeat(500)];
    for (const path of odd) {
      const res = await rawRequest(t.desk.url, path);
      expect(res.status, path).toBeLessThan(500);
      expect(() => JSON.parse(res.body) as unknown, path).not.toThrow();
    }
  });

  it('turns an internal error into a generic 500 and logs it without the question', async () => {
    const failing: Answerer = {
      documents: t.answerer.documents,
      answer: () => {
        throw new Error('index corrupted');
      },
    };
    const broken = await startTestDesk({ answerer: failing });
    try {
      const res = await rawRequest(broken.desk.url, '/api/answer?q=my+email+is+jane%40example.com');
      expect(res.status).toBe(500);
      expect(JSON.parse(res.body)).toEqual({ error: 'web: internal error; see the server log' });
      expectSecurityHeaders(res);
      const errors = broken.logger.records.filter((r) => r.level === 'error');
      expect(errors).toHaveLength(1);
      expect(broken.logger.text()).toContain('index corrupted');
      expect(broken.logger.text()).not.toContain('jane');
    } finally {
      await broken.desk.close();
    }
  });
});

describe('page, static files and security', () => {
  it('serves the page and its assets with the right content types', async () => {
    const expected: [string, string][] = [
      ['/', 'text/html; charset=utf-8'],
      ['/?q=data', 'text/html; charset=utf-8'],
      ['/index.html', 'text/html; charset=utf-8'],
      ['/app.js', 'text/javascript; charset=utf-8'],
      ['/style.css', 'text/css; charset=utf-8'],
      ['/favicon.svg', 'image/svg+xml'],
    ];
    for (const [path, type] of expected) {
      const res = await rawRequest(t.desk.url, path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toBe(type);
    }
    const html = (await rawRequest(t.desk.url, '/')).body;
    // The CSP forbids inline code, so the page must not have any, and must load nothing from elsewhere.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/i);
    expect(html).not.toMatch(/<style|\sstyle=|\son\w+=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });

  it('answers HEAD with headers only', async () => {
    const res = await rawRequest(t.desk.url, '/healthz', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
  });

  it('sends the security headers on every kind of response', async () => {
    for (const path of ['/', '/app.js', '/api/answer?q=data', '/api/answer', '/nope', '/healthz', '/documents', '/policy', '/api/documents']) {
      expectSecurityHeaders(await rawRequest(t.desk.url, path));
    }
    expectSecurityHeaders(await rawRequest(t.desk.url, '/api/answer', 'POST'));
  });

  it('never serves files outside the public folder', async () => {
    const attempts = [
      '/../package.json',
      '/../../package.json',
      '/..%2fpackage.json',
      '/..%2f..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%5c..%5c..%5cpackage.json',
      '/app.js/../../../../package.json',
      '/%2e%2e%2f%2e%2e%2fserver.ts',
      '/..%2fserver.ts',
      '/%252e%252e%252fpackage.json',
      '/index.html%00.js',
      '/.%2e/.%2e/.%2e/package.json',
      '//etc/passwd',
      '/%2fetc%2fpasswd',
      '/.env',
    ];
    for (const path of attempts) {
      const res = await rawRequest(t.desk.url, path);
      expect([400, 404], path).toContain(res.status);
      expect(res.body, path).not.toContain('privacy-assistant');
      expect(res.body, path).not.toContain('startWebServer');
      expect(res.body, path).not.toContain('root:');
    }
  });

  it('redirects /policy to the document page, whose headings carry the section ids', async () => {
    const res = await rawRequest(t.desk.url, '/policy');
    expect(res.status).toBe(302);
    const document = t.answerer.documents[0]!;
    expect(res.headers.location).toBe(`/documents/${document.id}`);
    const page = await rawRequest(t.desk.url, res.headers.location!);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const section of document.sections) expect(page.body).toMatch(new RegExp(`<h[2-6] id="${section.id}">`));
    expect(page.body).toContain('<h2 id="data-retention">');
    expect(page.body).toMatch(/<h3 id="with-affiliates">/);
  });

  it('escapes document text in the server-rendered policy page', () => {
    const hostile: PolicyDocument = {
      id: 'x',
      title: '<script>alert(1)</script>',
      url: 'javascript:alert(1)',
      sections: [{ id: 'a"><img src=x onerror=alert(1)>', path: ['<b>bold</b>'], text: '<img src=x onerror=alert(1)>\n\nfine & "quoted"' }],
    };
    const html = renderDocumentPage(hostile);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('fine &amp; &quot;quoted&quot;');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('hands mounted routes to their listener, still with the security headers', async () => {
    const mounted = await startTestDesk({
      routes: {
        '/slack/events': (req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.end(`mounted ${req.method}`);
        },
        '/boom': () => {
          throw new Error('listener bug');
        },
      },
    });
    try {
      const res = await rawRequest(mounted.desk.url, '/slack/events', 'POST', '{}');
      expect(res.status).toBe(200);
      expect(res.body).toBe('mounted POST');
      expectSecurityHeaders(res);
      const boom = await rawRequest(mounted.desk.url, '/boom');
      expect(boom.status).toBe(500);
      expect(mounted.logger.text()).toContain('listener bug');
      expect((await rawRequest(mounted.desk.url, '/__proto__')).status).toBe(404);
    } finally {
      await mounted.desk.close();
    }
  });

  it('treats only loopback hosts as loopback', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', '128.0.0.1']) expect(isLoopbackHost(host), host).toBe(false);
  });
});
