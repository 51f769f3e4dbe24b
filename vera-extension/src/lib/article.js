// The article in a page, as Vera's API takes it: title, body text, publication date, canonical
// URL and publisher. Runs in the page (a content script) on a copy of the document, so the page
// itself is never changed; the unit tests run it on saved pages in jsdom.
import { Readability } from '@mozilla/readability';
export { MAX_ARTICLE_BYTES } from './limits.js';

/** Below this many characters of body text a page holds no article Vera can judge. */
export const MIN_TEXT_CHARS = 400;

/** Below this many, what Readability found is no article at all (a list of links, a form). */
export const NO_ARTICLE_CHARS = 150;

/** Advertising slots that Readability can take for a paragraph. */
const ADS = '[aria-label="Advertisement" i], [aria-label="Ad" i], .ad, .ads, .ad-slot, .advert, ' +
  '.advertisement, [id^="google_ads"], [data-ad-slot]';


const BLOCKS = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'DD', 'DT',
  'TD', 'TH', 'CAPTION', 'SUMMARY'
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'BUTTON', 'SELECT', 'TEXTAREA']);

/** Whitespace runs as one space, trimmed. */
export function squash(s) {
  return String(s || '').replace(/\s+/g, ' ').trim();
}

/**
 * The text of an element with one blank line between paragraphs: the leaf blocks (p, li,
 * headings…) each become a paragraph, and text outside any block is a paragraph of its own.
 */
export function blockText(root) {
  const out = [];
  let line = '';
  const flush = () => {
    const t = squash(line);
    if (t) out.push(t);
    line = '';
  };
  const walk = (node) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        line += n.nodeValue;
      } else if (n.nodeType === 1) {
        const tag = n.tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        if (tag === 'BR') {
          line += ' ';
          continue;
        }
        const block = BLOCKS.has(tag) || tag === 'DIV' || tag === 'SECTION' || tag === 'ARTICLE' ||
          tag === 'UL' || tag === 'OL' || tag === 'TABLE' || tag === 'TR' || tag === 'FIGURE' || tag === 'HEADER';
        if (block) flush();
        walk(n);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return out.join('\n\n');
}

function meta(doc, names) {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const v = el && squash(el.getAttribute('content'));
    if (v) return v;
  }
  return '';
}

/** Every JSON-LD object of the page, nested @graph and arrays flattened. */
function jsonLd(doc) {
  const found = [];
  const add = (x) => {
    if (Array.isArray(x)) x.forEach(add);
    else if (x && typeof x === 'object') {
      found.push(x);
      if (x['@graph']) add(x['@graph']);
    }
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      add(JSON.parse(s.textContent));
    } catch (e) {
      // A broken block says nothing.
    }
  }
  return found;
}

function isArticleType(t) {
  const types = Array.isArray(t) ? t : [t];
  return types.some((x) => typeof x === 'string' && /(Article|BlogPosting|Report)$/.test(x));
}

/** YYYY-MM-DD from an ISO date or timestamp (or a date the JS parser reads), else ''. */
export function isoDate(value) {
  const s = squash(value);
  if (!s) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? `${m[1]}-${m[2]}-${m[3]}` : '';
  }
  const t = Date.parse(s);
  if (Number.isNaN(t)) return '';
  const d = new Date(t);
  if (d.getFullYear() < 1900 || d.getFullYear() > 2200) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function publishedDate(doc, ld, readabilityTime) {
  const candidates = [
    ...ld.filter((x) => isArticleType(x['@type'])).map((x) => x.datePublished),
    readabilityTime,
    meta(doc, ['article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publish-date',
      'date', 'DC.date.issued', 'dc.date', 'sailthru.date', 'parsely-pub-date']),
    ...ld.map((x) => x.datePublished),
    doc.querySelector('article time[datetime], time[datetime][itemprop="datePublished"], time[datetime]')
      ?.getAttribute('datetime')
  ];
  for (const c of candidates) {
    const d = isoDate(typeof c === 'string' ? c : '');
    if (d) return d;
  }
  return '';
}

function httpUrl(href, base) {
  try {
    const u = new URL(href, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return '';
    u.hash = '';
    // Tracking parameters name the link's sharer, not the article.
    for (const k of [...u.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$)/.test(k)) u.searchParams.delete(k);
    }
    u.username = '';
    u.password = '';
    return u.href;
  } catch (e) {
    return '';
  }
}

function canonicalUrl(doc, location) {
  const link = doc.querySelector('link[rel~="canonical"][href]');
  return (link && httpUrl(link.getAttribute('href'), location)) ||
    httpUrl(meta(doc, ['og:url']), location) ||
    httpUrl(location, location);
}

function publisherName(doc, ld, siteName) {
  for (const x of ld) {
    if (!isArticleType(x['@type'])) continue;
    const p = Array.isArray(x.publisher) ? x.publisher[0] : x.publisher;
    const name = p && (typeof p === 'string' ? p : p.name);
    if (name && typeof name === 'string') return squash(name);
  }
  return squash(siteName) || meta(doc, ['og:site_name', 'application-name', 'publisher']);
}

/** The article's title and text in UTF-8 bytes, as the server counts them. */
export function articleBytes(article) {
  const enc = new TextEncoder();
  return enc.encode(article.title || '').length + enc.encode(article.text || '').length;
}

/**
 * The article of a document, or why there is none.
 *
 * @param doc the page's document (read, never changed: Readability works on a copy)
 * @param location the page's address, for relative links and when it names no canonical URL
 * @returns {{ok: true, article: {title, text, date, url, publisher, domain}, bytes: number}
 *   | {ok: false, reason: 'no-article' | 'too-short', chars?: number, title?: string}}
 */
export function extractArticle(doc, location) {
  const ld = jsonLd(doc);
  const copy = doc.cloneNode(true);
  copy.querySelectorAll(ADS).forEach((el) => el.remove());
  let parsed = null;
  try {
    parsed = new Readability(copy, { serializer: (el) => el, charThreshold: 250 }).parse();
  } catch (e) {
    parsed = null;
  }
  const text = parsed && parsed.content ? blockText(parsed.content) : '';
  const title = squash(parsed && parsed.title) || squash(doc.title);
  if (!parsed || text.length < NO_ARTICLE_CHARS) {
    return { ok: false, reason: 'no-article', title };
  }
  if (text.length < MIN_TEXT_CHARS) {
    return { ok: false, reason: 'too-short', chars: text.length, title };
  }
  const url = canonicalUrl(doc, location);
  let domain = '';
  try {
    domain = url ? new URL(url).hostname.replace(/^www\./, '') : '';
  } catch (e) {
    domain = '';
  }
  const article = {
    title,
    text,
    date: publishedDate(doc, ld, parsed.publishedTime),
    url,
    publisher: publisherName(doc, ld, parsed.siteName),
    domain
  };
  return { ok: true, article, bytes: articleBytes(article) };
}
