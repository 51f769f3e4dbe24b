// "Show in page": marks the phrases and sentences of a verdict in the article itself, and takes
// the marks away again. Only <mark> elements are added around existing text (split where a
// phrase starts and ends); clear() removes them and joins the text back, so the page is as it was.

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION',
  'BUTTON', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD', 'TITLE']);
const BLOCK = /^(P|DIV|SECTION|ARTICLE|MAIN|ASIDE|HEADER|FOOTER|NAV|H[1-6]|LI|UL|OL|DL|DT|DD|BLOCKQUOTE|PRE|FIGURE|FIGCAPTION|TABLE|TR|TD|TH|BR|HR)$/;
export const ATTR = 'data-vera-highlight';

/** As in Vera's page: the three sentences that move the probability most, and strong phrases. */
export const SENTENCES_MARKED = 3;
const MIN_MARKED_WEIGHT = 0.08;
const MARKED_SHARE = 0.2;

const squash = (s) => String(s || '').replace(/\s+/g, ' ').trim();

/**
 * What to mark, from a verdict and the article that was sent: each phrase as the very characters
 * its spans cover (deduplicated, strongest first), the sentences, and two probes (the start of
 * the first and of the last paragraph) that find the article's container in the page.
 */
export function highlightPlan(verdict, article) {
  const phrases = (verdict.reasons || []).filter((r) => r.kind === 'phrase');
  const strongest = phrases.reduce((m, p) => Math.max(m, Math.abs(p.weight)), 0);
  const cutoff = Math.max(MIN_MARKED_WEIGHT, MARKED_SHARE * strongest);
  const seen = new Set();
  const marks = [];
  phrases
    .filter((p) => Math.abs(p.weight) >= cutoff)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .forEach((p) => {
      const source = p.part === 'title' ? article.title || '' : article.text || '';
      for (const [s, e] of p.spans || []) {
        const needle = squash(source.slice(s, e));
        const key = p.part + '\u0000' + needle;
        if (!needle || seen.has(key)) continue;
        seen.add(key);
        marks.push({
          needle,
          part: p.part === 'title' ? 'title' : 'body',
          dir: p.weight > 0 ? 'fake' : 'real',
          tip: `\u201c${p.text}\u201d ${p.weight > 0 ? '+' : '\u2212'}${Math.abs(p.weight).toFixed(2)} toward ${p.weight > 0 ? 'fake' : 'credible'}`
        });
      }
    });
  const text = article.text || '';
  const sentences = (verdict.sentences || []).slice(0, SENTENCES_MARKED).map((s, i) => ({
    needle: squash(text.slice(s.start, s.end) || s.text),
    n: i + 1,
    dir: s.delta_probability_fake > 0 ? 'fake' : 'real'
  })).filter((s) => s.needle);
  const paragraphs = text.split(/\n\s*\n/).map(squash).filter((p) => p.length >= 20);
  const probe = (p) => (p ? p.slice(0, 60) : '');
  return {
    title: squash(article.title),
    phrases: marks,
    sentences,
    probes: [probe(paragraphs[0]), probe(paragraphs[paragraphs.length - 1])].filter(Boolean)
  };
}

/**
 * The text under root as one string with whitespace runs squashed, and for each of its characters
 * the text node and offset it came from (null for a space standing for a block boundary).
 */
export function textIndex(root) {
  const chars = [];
  const where = [];
  let lastSpace = true;
  const push = (c, node, off) => {
    if (/\s/.test(c)) {
      if (lastSpace) return;
      chars.push(' ');
      where.push(node ? [node, off] : null);
      lastSpace = true;
    } else {
      chars.push(c);
      where.push([node, off]);
      lastSpace = false;
    }
  };
  const walk = (el) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const v = n.nodeValue;
        for (let i = 0; i < v.length; i++) push(v[i], n, i);
      } else if (n.nodeType === 1) {
        const tag = n.tagName.toUpperCase();
        if (SKIP.has(tag) || n.hidden) continue;
        const block = BLOCK.test(tag);
        if (block) push(' ', null, 0);
        walk(n);
        if (block) push(' ', null, 0);
      }
    }
  };
  walk(root);
  return { text: chars.join(''), where };
}

const WORD = /[\p{L}\p{N}_]/u;

/** Start offsets of needle in hay; whole words only when words is set. */
export function occurrences(hay, needle, words) {
  const found = [];
  if (!needle) return found;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    if (words) {
      const before = i > 0 ? hay[i - 1] : ' ';
      const after = i + needle.length < hay.length ? hay[i + needle.length] : ' ';
      if ((WORD.test(needle[0]) && WORD.test(before)) || (WORD.test(needle[needle.length - 1]) && WORD.test(after))) {
        continue;
      }
    }
    found.push(i);
  }
  return found;
}

/** The smallest element holding all the probes, or the body when they are not found. */
export function articleRoot(doc, probes) {
  const body = doc.body;
  if (!body || !probes.length) return body;
  const index = textIndex(body);
  const nodes = [];
  for (const p of probes) {
    const at = index.text.indexOf(p);
    if (at < 0) return body;
    const w = index.where[at];
    if (w) nodes.push(w[0]);
  }
  if (!nodes.length) return body;
  const range = doc.createRange();
  range.setStartBefore(nodes[0]);
  range.setEndAfter(nodes[nodes.length - 1]);
  let root = range.commonAncestorContainer;
  while (root && root.nodeType !== 1) root = root.parentNode;
  return root || body;
}

/** The page's heading that shows the article's title, if any. */
function titleElement(doc, title) {
  if (!title) return null;
  for (const h of doc.querySelectorAll('h1, h2, [itemprop="headline"]')) {
    const t = squash(h.textContent);
    if (t && (t === title || title.includes(t) || t.includes(title))) return h;
  }
  return null;
}

/** Wraps [start, end) of the index's text in marks: one per text node it crosses. */
function segments(index, start, end) {
  const byNode = new Map();
  for (let k = start; k < end; k++) {
    const w = index.where[k];
    if (!w) continue;
    const [node, off] = w;
    const seg = byNode.get(node);
    if (seg) seg[1] = off + 1;
    else byNode.set(node, [off, off + 1]);
  }
  return byNode;
}

function markAll(doc, pieces) {
  // Per text node, from the last piece to the first, so that earlier offsets stay valid.
  const perNode = new Map();
  for (const p of pieces) {
    if (!perNode.has(p.node)) perNode.set(p.node, []);
    perNode.get(p.node).push(p);
  }
  let count = 0;
  for (const [node, list] of perNode) {
    list.sort((a, b) => b.start - a.start);
    let lastStart = Infinity;
    for (const p of list) {
      if (p.end > lastStart) continue; // overlaps a piece already marked
      if (p.end < node.nodeValue.length) node.splitText(p.end);
      const mid = p.start > 0 ? node.splitText(p.start) : node;
      const mark = doc.createElement('mark');
      mark.setAttribute(ATTR, p.kind);
      mark.className = p.cls;
      if (p.tip) mark.title = p.tip;
      mid.parentNode.insertBefore(mark, mid);
      mark.appendChild(mid);
      lastStart = p.start;
      count++;
      if (mid === node) break; // the node itself is now inside the mark: nothing left before it
    }
  }
  return count;
}

function pieces(index, start, end, kind, cls, tip) {
  const out = [];
  for (const [node, [s, e]] of segments(index, start, end)) {
    out.push({ node, start: s, end: e, kind, cls, tip });
  }
  return out;
}

/**
 * Marks a plan's sentences and phrases in doc: sentences first, then phrases inside them. Returns
 * how many of each were found.
 */
export function applyHighlights(doc, plan) {
  clearHighlights(doc);
  const root = articleRoot(doc, plan.probes || []);
  const found = { sentences: 0, phrases: 0, marks: 0 };
  let index = textIndex(root);
  const sentencePieces = [];
  for (const s of plan.sentences || []) {
    const at = occurrences(index.text, s.needle, false)[0];
    if (at === undefined) continue;
    found.sentences++;
    sentencePieces.push(...pieces(index, at, at + s.needle.length, 'sentence', `vera-ext-sent vera-ext-sent-${s.dir}`,
      `Sentence ${s.n}: moves the verdict toward ${s.dir === 'fake' ? 'fake' : 'credible'}`));
  }
  found.marks += markAll(doc, sentencePieces);

  const parts = { body: root, title: titleElement(doc, plan.title) };
  for (const part of ['title', 'body']) {
    const el = parts[part];
    if (!el) continue;
    index = textIndex(el);
    const taken = new Uint8Array(index.text.length);
    const phrasePieces = [];
    for (const p of (plan.phrases || []).filter((x) => x.part === part)) {
      let any = false;
      for (const at of occurrences(index.text, p.needle, true)) {
        const end = at + p.needle.length;
        if (taken.subarray(at, end).some((x) => x)) continue;
        taken.fill(1, at, end);
        any = true;
        phrasePieces.push(...pieces(index, at, end, 'phrase', `vera-ext-ph vera-ext-ph-${p.dir}`, p.tip));
      }
      if (any) found.phrases++;
    }
    found.marks += markAll(doc, phrasePieces);
  }
  return found;
}

/** Whether doc shows marks. */
export function hasHighlights(doc) {
  return !!doc.querySelector(`mark[${ATTR}]`);
}

/** Removes every mark and joins the text nodes they split. */
export function clearHighlights(doc) {
  const marks = [...doc.querySelectorAll(`mark[${ATTR}]`)];
  const parents = new Set();
  for (const m of marks) {
    const parent = m.parentNode;
    if (!parent) continue;
    while (m.firstChild) parent.insertBefore(m.firstChild, m);
    parent.removeChild(m);
    parents.add(parent);
  }
  for (const p of parents) {
    if (p.isConnected) p.normalize();
  }
  return marks.length;
}

/** The page's stylesheet for the marks (inserted with the user origin, so the page cannot hide them). */
export const HIGHLIGHT_CSS = `
mark.vera-ext-ph, mark.vera-ext-sent { color: inherit !important; font: inherit !important; }
mark.vera-ext-ph { border-radius: 3px !important; padding: 0 1px !important; }
mark.vera-ext-ph-fake { background: #fde4d8 !important; box-shadow: inset 0 -2px 0 #b93815 !important; }
mark.vera-ext-ph-real { background: #d3f1ec !important; box-shadow: inset 0 -2px 0 #0b7264 !important; }
mark.vera-ext-sent { background: #efeaff !important; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.vera-ext-sent-fake { box-shadow: inset 0 -1px 0 #b93815 !important; }
mark.vera-ext-sent-real { box-shadow: inset 0 -1px 0 #0b7264 !important; }
`;
