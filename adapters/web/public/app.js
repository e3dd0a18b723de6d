// Support desk page. Everything the user or the policy supplies is inserted with textContent or as attribute values
// of elements built with createElement, never as HTML, so a question like <img onerror=…> stays text.

const form = document.getElementById('ask-form');
const input = document.getElementById('q');
const topSelect = document.getElementById('top');
const statusLine = document.getElementById('status');
const results = document.getElementById('results');
const answerTitle = document.getElementById('answer-title');
const answerNote = document.getElementById('answer-note');
const asked = document.getElementById('asked');
const passageList = document.getElementById('passages');
const copySentenceButton = document.getElementById('copy-sentence');
const copyTextButton = document.getElementById('copy-text');
const copyMarkdownButton = document.getElementById('copy-markdown');

const defaultTop = topSelect.querySelector('option[selected]')?.value ?? '3';
const pageTitle = document.title;

/** The last answer shown: `{ answer, text, markdown, short, local }` from /api/render. */
let current = null;
// Only the newest request may update the page when answers arrive out of order.
let requestSeq = 0;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function isHttpUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url);
}

function link(href, text, external) {
  const a = element('a', external ? 'external' : undefined, text);
  a.href = href;
  if (external) a.rel = 'noopener noreferrer';
  return a;
}

/** Valid highlight ranges of a passage, in text order, without overlaps. */
function highlightRanges(passage) {
  const ranges = (Array.isArray(passage.highlights) ? passage.highlights : [])
    .filter((h) => h && Number.isInteger(h.start) && Number.isInteger(h.end) && h.start >= 0 && h.end > h.start && h.end <= passage.text.length)
    .sort((a, b) => a.start - b.start);
  const kept = [];
  for (const range of ranges) if (kept.length === 0 || range.start >= kept[kept.length - 1].end) kept.push(range);
  return kept;
}

/** One paragraph of a passage, `text.slice(start, end)`, with its highlighted sentences in <mark> elements. */
function paragraph(text, start, end, ranges) {
  const p = element('p');
  let at = start;
  for (const range of ranges) {
    const from = Math.max(range.start, start);
    const to = Math.min(range.end, end);
    if (to <= from) continue;
    if (from > at) p.appendChild(document.createTextNode(text.slice(at, from)));
    p.appendChild(element('mark', undefined, text.slice(from, to)));
    at = to;
  }
  if (at < end) p.appendChild(document.createTextNode(text.slice(at, end)));
  return p;
}

function renderPassage(passage, localHref, role) {
  const weaker = role !== 'contact' && passage.confidence === 'low';
  const item = element('li', role === 'contact' ? 'passage contact' : weaker ? 'passage weaker' : 'passage');
  item.appendChild(element('p', 'section-path', passage.section.join(' › ')));
  if (weaker) item.appendChild(element('p', 'weaker-note', 'Weaker match: it shares some of the question’s words; the copy buttons leave it out.'));
  const quote = element('blockquote');
  // A list item is quoted with the sentence that introduces its list.
  if (typeof passage.intro === 'string') quote.appendChild(element('p', 'list-intro', `${passage.intro} […]`));
  const ranges = highlightRanges(passage);
  // Paragraphs are separated by blank lines; each keeps its offsets into the text, so highlights land exactly.
  const breaks = /\n{2,}/g;
  let start = 0;
  for (;;) {
    const found = breaks.exec(passage.text);
    const end = found ? found.index : passage.text.length;
    const slice = passage.text.slice(start, end);
    if (slice.trim()) {
      const lead = slice.length - slice.trimStart().length;
      quote.appendChild(paragraph(passage.text, start + lead, start + slice.trimEnd().length, ranges));
    }
    if (!found) break;
    start = found.index + found[0].length;
  }
  item.appendChild(quote);
  item.appendChild(element('p', 'citation', passage.citation));
  const links = element('p', 'links');
  if (typeof localHref === 'string' && localHref.startsWith('/documents/')) {
    links.appendChild(link(localHref, 'Open this section in the policy'));
  }
  if (isHttpUrl(passage.url)) {
    if (links.childNodes.length > 0) links.appendChild(document.createTextNode(' · Public page: '));
    links.appendChild(link(passage.url, passage.url, true));
  }
  if (links.childNodes.length > 0) item.appendChild(links);
  return item;
}

function render(data) {
  current = data;
  const answer = data.answer;
  passageList.replaceChildren();
  asked.textContent = `Question: ${answer.question}`;
  if (answer.answered) {
    const count = answer.passages.length;
    answerTitle.textContent = count === 1 ? 'Answer: 1 passage' : `Answer: ${count} passages`;
    answerNote.textContent = 'Quoted word for word from the policy, best match first. Check the cited section before relying on it.';
    answer.passages.forEach((passage, i) => passageList.appendChild(renderPassage(passage, data.local.passages[i], 'passage')));
    statusLine.textContent = `Found ${count === 1 ? '1 passage' : `${count} passages`}.`;
  } else {
    answerTitle.textContent = 'Not covered by the policy';
    if (answer.contact) {
      answerNote.textContent = 'The policy does not answer this question. Its contact section says where to ask:';
      passageList.appendChild(renderPassage(answer.contact, data.local.contact, 'contact'));
    } else {
      answerNote.textContent = 'The policy does not answer this question.';
    }
    statusLine.textContent = 'The policy does not cover this question.';
  }
  results.hidden = false;
  document.title = `${answer.question} – ${pageTitle}`;
}

function showError(message) {
  current = null;
  results.hidden = true;
  passageList.replaceChildren();
  statusLine.textContent = message;
}

async function ask(question, top) {
  const seq = ++requestSeq;
  statusLine.textContent = 'Searching…';
  const params = new URLSearchParams({ q: question });
  if (top) params.set('top', top);
  let response;
  let body;
  try {
    response = await fetch(`/api/render?${params}`, { headers: { Accept: 'application/json' } });
    body = await response.json();
  } catch {
    if (seq === requestSeq) showError('The support desk did not answer. Is the server still running?');
    return;
  }
  if (seq !== requestSeq) return;
  if (!response.ok) {
    showError(body && typeof body.error === 'string' ? body.error.replace(/^web: /, 'Cannot search: ') : `Cannot search (error ${response.status}).`);
    return;
  }
  render(body);
}

function readQueryFromUrl() {
  const params = new URLSearchParams(location.search);
  const question = (params.get('q') ?? '').trim();
  const top = params.get('top');
  input.value = question;
  topSelect.value = top && topSelect.querySelector(`option[value="${top.replace(/[^0-9]/g, '')}"]`) ? top : defaultTop;
  if (question) {
    ask(question, top ?? undefined);
  } else {
    current = null;
    results.hidden = true;
    statusLine.textContent = '';
    document.title = pageTitle;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question) {
    statusLine.textContent = 'Type a question first.';
    input.focus();
    return;
  }
  const params = new URLSearchParams({ q: question });
  const top = topSelect.value !== defaultTop ? topSelect.value : undefined;
  if (top) params.set('top', top);
  const target = `${location.pathname}?${params}`;
  // The question goes into the URL so the result can be linked and survives a reload.
  if (`${location.pathname}${location.search}` !== target) history.pushState(null, '', target);
  ask(question, top);
});

window.addEventListener('popstate', readQueryFromUrl);

async function copyToClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Plain http on a non-loopback address is not a secure context, so the async clipboard is missing there.
    const area = element('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.appendChild(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    area.remove();
    return copied;
  }
}

const COPIES = {
  short: { field: 'short', done: 'Copied the answer sentence with its citation.' },
  text: { field: 'text', done: 'Copied the answer as plain text.' },
  markdown: { field: 'markdown', done: 'Copied the answer as Markdown.' },
};

function wireCopy(button, kind) {
  const label = button.textContent;
  let resetTimer;
  button.addEventListener('click', async () => {
    if (!current) return;
    const copied = await copyToClipboard(current[COPIES[kind].field]);
    button.textContent = copied ? 'Copied ✓' : 'Copy failed';
    statusLine.textContent = copied ? COPIES[kind].done : 'The browser refused the clipboard; select the passages and copy them by hand.';
    clearTimeout(resetTimer);
    resetTimer = setTimeout(() => {
      button.textContent = label;
    }, 2000);
  });
}

wireCopy(copySentenceButton, 'short');
wireCopy(copyTextButton, 'text');
wireCopy(copyMarkdownButton, 'markdown');
readQueryFromUrl();
