// The popup's verdict, built with DOM calls and textContent only: nothing the server or the page
// sends is ever parsed as HTML (a test renders an article full of markup and finds none of it).

const PHRASES_SHOWN = 6;
const SENTENCES_SHOWN = 3;

export function pct(p) {
  return (Math.round(p * 1000) / 10).toFixed(1) + '%';
}

export function signed(w) {
  return (w > 0 ? '+' : '\u2212') + Math.abs(w).toFixed(2);
}

export function el(doc, tag, cls, text) {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** The badge for a verdict: the mark and the probability, in the verdict's colour. */
export function badgeFor(v) {
  const fake = v.label === 'fake';
  return {
    text: (fake ? '\u2716' : '\u2714') + Math.round(v.probability_fake * 100),
    color: fake ? '#b93815' : '#0b7264',
    title: `Vera: likely ${fake ? 'fake' : 'credible'} (${pct(v.probability_fake)} probability of fake)`
  };
}

/** A half-circle gauge: the coloured arc is P(fake), the tick the threshold. */
export function gauge(doc, p, threshold, fake) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 120 70');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'gauge-svg');
  const cx = 60, cy = 62, r = 48;
  const point = (f) => {
    const a = Math.PI * (1 - f);
    return [cx + r * Math.cos(a), cy - r * Math.sin(a)];
  };
  const arc = (f) => {
    const s = point(0), e = point(Math.max(0.0001, Math.min(1, f)));
    return `M ${s[0].toFixed(2)} ${s[1].toFixed(2)} A ${r} ${r} 0 0 1 ${e[0].toFixed(2)} ${e[1].toFixed(2)}`;
  };
  const path = (d, cls) => {
    const x = doc.createElementNS(ns, 'path');
    x.setAttribute('d', d);
    x.setAttribute('class', cls);
    svg.appendChild(x);
  };
  path(arc(1), 'track');
  path(arc(p), 'value ' + (fake ? 'fake' : 'real'));
  const a = Math.PI * (1 - threshold);
  const tick = doc.createElementNS(ns, 'line');
  tick.setAttribute('x1', (cx + (r - 9) * Math.cos(a)).toFixed(2));
  tick.setAttribute('y1', (cy - (r - 9) * Math.sin(a)).toFixed(2));
  tick.setAttribute('x2', (cx + (r + 9) * Math.cos(a)).toFixed(2));
  tick.setAttribute('y2', (cy - (r + 9) * Math.sin(a)).toFixed(2));
  tick.setAttribute('class', 'tick');
  svg.appendChild(tick);
  const label = doc.createElementNS(ns, 'text');
  label.setAttribute('x', String(cx));
  label.setAttribute('y', String(cy - 6));
  label.setAttribute('class', 'pct');
  label.textContent = pct(p);
  svg.appendChild(label);
  return svg;
}

function section(doc, title, cls) {
  const s = el(doc, 'section', 'part' + (cls ? ' ' + cls : ''));
  s.appendChild(el(doc, 'h2', null, title));
  return s;
}

function phraseList(doc, items, dir) {
  const box = el(doc, 'div', 'phrases ' + dir);
  box.appendChild(el(doc, 'h3', null, dir === 'fake' ? 'Toward fake' : 'Toward credible'));
  const ul = el(doc, 'ul');
  if (!items.length) ul.appendChild(el(doc, 'li', 'muted', 'none'));
  items.slice(0, PHRASES_SHOWN).forEach((p) => {
    const li = el(doc, 'li');
    li.appendChild(el(doc, 'span', 'chip chip-' + dir, p.text));
    li.appendChild(el(doc, 'span', 'w', signed(p.weight)));
    if (p.part === 'title') li.appendChild(el(doc, 'span', 'ph-part', 'headline'));
    ul.appendChild(li);
  });
  if (items.length > PHRASES_SHOWN) ul.appendChild(el(doc, 'li', 'muted more', `and ${items.length - PHRASES_SHOWN} more`));
  box.appendChild(ul);
  return box;
}

function applicabilityLine(doc, a) {
  const outside = a.outside_experience;
  const edge = !outside && a.score < 0.25;
  const box = el(doc, 'p', 'applicability ' + (outside ? 'outside' : edge ? 'edge' : 'inside'));
  box.appendChild(el(doc, 'strong', null, outside ? 'Outside Vera\u2019s experience'
    : edge ? 'At the edge of Vera\u2019s experience' : 'Within Vera\u2019s experience'));
  box.appendChild(el(doc, 'span', null, (outside ? ' Unlike the articles it was trained on: trust this verdict less.' : '') +
    ` Applicability ${a.score.toFixed(2)}: more like the training data than ${Math.round(a.score * 100)}% of the validation articles.`));
  return box;
}

function sourceBox(doc, s, used) {
  const box = section(doc, 'Source evidence', 'source');
  box.appendChild(el(doc, 'p', 'note', used
    ? 'Counted in the verdict (options: \u201cLet the publisher\u2019s record count\u201d).'
    : 'Kept apart: the verdict reads the text alone.'));
  const dl = el(doc, 'dl');
  const row = (k, v) => {
    dl.appendChild(el(doc, 'dt', null, k));
    dl.appendChild(el(doc, 'dd', null, v));
  };
  row('Publisher', (s && s.domain) || 'not given');
  if (s && s.basis === 'training') {
    row('Known from', `${s.training_articles} training article${s.training_articles === 1 ? '' : 's'}`);
    row('Fake rate', pct(s.fake_rate));
  } else if (s && s.basis === 'ratings') {
    row('Known from', 'published ratings of outlets' + (s.rated_domain ? ` (${s.rated_domain})` : ''));
    Object.keys(s.ratings || {}).sort().forEach((k) => row(k, String(s.ratings[k])));
    row('Fake rate', pct(s.fake_rate) + ' for outlets so rated');
  } else {
    row('Known from', 'nothing: an unknown publisher');
    if (s && typeof s.fake_rate === 'number') row('Prior', pct(s.fake_rate) + ' of training articles were fake');
  }
  box.appendChild(dl);
  return box;
}

function claimsBox(doc, claims) {
  const box = section(doc, 'Fact-checks', 'claims');
  const matched = claims.filter((c) => c.matches && c.matches.length);
  if (!matched.length) {
    box.appendChild(el(doc, 'p', 'muted', claims.length
      ? `No published fact-check is close to the ${claims.length} check-worthy sentence${claims.length === 1 ? '' : 's'}.`
      : 'No check-worthy sentence in this article.'));
    return box;
  }
  const ol = el(doc, 'ol', 'claim-list');
  matched.forEach((c) => {
    const li = el(doc, 'li');
    li.appendChild(el(doc, 'q', 'claim-sentence', c.sentence));
    const ul = el(doc, 'ul', 'matches');
    c.matches.forEach((m) => {
      const mi = el(doc, 'li', 'match');
      mi.appendChild(el(doc, 'span', 'verdict-tag', m.verdict));
      mi.appendChild(el(doc, 'span', 'muted', ` ${m.publisher}${m.date ? ', ' + m.date : ''}: `));
      if (m.url && /^https?:\/\//i.test(m.url)) {
        const a = el(doc, 'a', null, m.claim);
        a.href = m.url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        mi.appendChild(a);
      } else {
        mi.appendChild(el(doc, 'span', null, m.claim));
      }
      ul.appendChild(mi);
    });
    li.appendChild(ul);
    ol.appendChild(li);
  });
  box.appendChild(ol);
  return box;
}

function hostOf(url) {
  try {
    return new URL(url).host;
  } catch (e) {
    return url;
  }
}

/**
 * Builds the verdict into container (emptied first).
 *
 * @param doc the popup's document
 * @param container where the verdict goes
 * @param r {verdict, article, server, checkedAt, highlighted, site, autoCheck, automatic}
 * @returns the controls popup.js wires: {heading, showInPage, recheck, wrong, correction, note,
 *     send, ack, auto}
 */
export function renderVerdict(doc, container, r) {
  clear(container);
  const v = r.verdict;
  const art = r.article || {};
  const fake = v.label === 'fake';

  const head = el(doc, 'div', 'verdict ' + (fake ? 'fake' : 'real'));
  head.appendChild(el(doc, 'span', 'mark', fake ? '\u2716' : '\u2714'));
  const words = el(doc, 'div', 'verdict-text');
  const heading = el(doc, 'h1', null, fake ? 'Likely fake' : 'Likely credible');
  heading.tabIndex = -1;
  heading.id = 'verdict-heading';
  words.appendChild(heading);
  const sub = el(doc, 'p', 'sub');
  sub.appendChild(el(doc, 'span', null, `P(fake) ${pct(v.probability_fake)}`));
  sub.appendChild(doc.createTextNode(' \u00b7 '));
  sub.appendChild(el(doc, 'span', null, `threshold ${pct(v.threshold)}`));
  if (v.used_source) {
    sub.appendChild(doc.createTextNode(' \u00b7 '));
    sub.appendChild(el(doc, 'span', null, `text alone ${pct(v.text_probability_fake)}`));
  }
  words.appendChild(sub);
  head.appendChild(words);
  const g = el(doc, 'figure', 'gauge');
  g.setAttribute('role', 'meter');
  g.setAttribute('aria-label', 'Probability of fake');
  g.setAttribute('aria-valuemin', '0');
  g.setAttribute('aria-valuemax', '100');
  g.setAttribute('aria-valuenow', String(Math.round(v.probability_fake * 100)));
  g.setAttribute('aria-valuetext', `${pct(v.probability_fake)} probability of fake, threshold ${pct(v.threshold)}`);
  g.appendChild(gauge(doc, v.probability_fake, v.threshold, fake));
  head.appendChild(g);
  container.appendChild(head);

  if (typeof v.base_rate === 'number') {
    container.appendChild(el(doc, 'p', 'base-rate',
      `For a feed where ${pct(v.base_rate)} of articles are fake (the model\u2019s training mix).`));
  }
  if (v.applicability && typeof v.applicability.score === 'number') {
    container.appendChild(applicabilityLine(doc, v.applicability));
  }

  const actions = el(doc, 'div', 'actions');
  const showInPage = el(doc, 'button', 'primary', r.highlighted ? 'Hide in page' : 'Show in page');
  showInPage.id = 'show-in-page';
  showInPage.type = 'button';
  showInPage.setAttribute('aria-pressed', r.highlighted ? 'true' : 'false');
  const recheck = el(doc, 'button', 'secondary', 'Check again');
  recheck.id = 'recheck';
  recheck.type = 'button';
  actions.appendChild(showInPage);
  actions.appendChild(recheck);
  container.appendChild(actions);
  const legend = el(doc, 'p', 'legend');
  legend.appendChild(el(doc, 'span', 'swatch swatch-fake', 'toward fake'));
  legend.appendChild(el(doc, 'span', 'swatch swatch-real', 'toward credible'));
  legend.appendChild(el(doc, 'span', 'swatch swatch-sent', 'sentence that matters'));
  container.appendChild(legend);

  const read = section(doc, 'Read from this page', 'article');
  read.appendChild(el(doc, 'p', 'article-title', art.title || '(no headline)'));
  const meta = [art.publisher || art.domain, art.date, art.url ? hostOf(art.url) : ''].filter(Boolean);
  if (meta.length) read.appendChild(el(doc, 'p', 'muted small', meta.join(' \u00b7 ')));
  read.appendChild(el(doc, 'p', 'muted small',
    `Sent to ${hostOf(r.server)}${r.automatic ? ' automatically' : ''}: headline, ${(art.text || '').length.toLocaleString('en-US')} characters of text` +
    `${art.date ? ', date' : ''}${art.url ? ', link' : ''}.`));
  container.appendChild(read);

  const phrases = (v.reasons || []).filter((x) => x.kind === 'phrase');
  const ph = section(doc, 'Phrases that weigh', 'phrases-part');
  const cols = el(doc, 'div', 'columns');
  cols.appendChild(phraseList(doc, phrases.filter((p) => p.weight > 0), 'fake'));
  cols.appendChild(phraseList(doc, phrases.filter((p) => p.weight < 0), 'real'));
  ph.appendChild(cols);
  container.appendChild(ph);

  const sents = section(doc, 'Sentences that matter', 'sentences');
  const ol = el(doc, 'ol');
  (v.sentences || []).slice(0, SENTENCES_SHOWN).forEach((s) => {
    const li = el(doc, 'li', null, s.text);
    const d = s.delta_probability_fake;
    const pts = Math.abs(d) * 100;
    li.appendChild(el(doc, 'span', 'delta ' + (d > 0 ? 'fake' : 'real'),
      ` ${pts < 0.01 ? '< 0.01' : (d > 0 ? '+' : '\u2212') + (pts < 1 ? pts.toFixed(2) : pts.toFixed(1))} points toward ${d > 0 ? 'fake' : 'credible'}`));
    ol.appendChild(li);
  });
  if (!ol.firstChild) ol.appendChild(el(doc, 'li', 'muted', 'The text is too short to weigh sentences.'));
  sents.appendChild(ol);
  container.appendChild(sents);

  container.appendChild(sourceBox(doc, v.source, v.used_source));
  if (Array.isArray(v.claims)) container.appendChild(claimsBox(doc, v.claims));

  // The analyst's correction.
  const other = fake ? 'real' : 'fake';
  const fix = section(doc, 'Is Vera wrong?', 'correction');
  const wrong = el(doc, 'button', 'secondary', 'Vera got this wrong\u2026');
  wrong.type = 'button';
  wrong.id = 'wrong';
  wrong.setAttribute('aria-expanded', 'false');
  wrong.setAttribute('aria-controls', 'correction-form');
  fix.appendChild(wrong);
  const form = el(doc, 'form', 'correction-form');
  form.id = 'correction-form';
  form.hidden = true;
  const label = el(doc, 'label', null, 'Why (optional)');
  label.htmlFor = 'correction-note';
  const note = el(doc, 'textarea');
  note.id = 'correction-note';
  note.rows = 2;
  note.maxLength = 10000;
  form.appendChild(label);
  form.appendChild(note);
  const send = el(doc, 'button', 'primary', `Store correction: ${other === 'fake' ? '\u2716 fake' : '\u2714 credible'}`);
  send.type = 'submit';
  send.id = 'send-correction';
  send.dataset.label = other;
  form.appendChild(send);
  fix.appendChild(form);
  const ack = el(doc, 'p', 'ack');
  ack.id = 'correction-ack';
  ack.setAttribute('role', 'status');
  ack.hidden = true;
  fix.appendChild(ack);
  container.appendChild(fix);

  let auto = null;
  if (r.site) {
    const autoBox = el(doc, 'label', 'auto');
    auto = el(doc, 'input');
    auto.type = 'checkbox';
    auto.id = 'auto-check';
    auto.checked = !!r.autoCheck;
    autoBox.appendChild(auto);
    autoBox.appendChild(el(doc, 'span', null, `Check pages of ${r.site} automatically`));
    container.appendChild(autoBox);
  }

  const foot = el(doc, 'p', 'foot muted small',
    `Model ${v.model_id || '?'}` + (r.checkedAt ? ` \u00b7 checked ${new Date(r.checkedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}` : ''));
  container.appendChild(foot);

  return { heading, showInPage, recheck, wrong, correction: form, note, send, ack, auto };
}

/** A failure's message, built like the verdict (text only); returns its controls. */
export function renderMessage(doc, container, m) {
  clear(container);
  container.className = 'message ' + (m.kind || '');
  const h = el(doc, 'h1', null, m.title);
  h.tabIndex = -1;
  h.id = 'message-heading';
  container.appendChild(h);
  if (m.detail) container.appendChild(el(doc, 'p', null, m.detail));
  let copy = null;
  if (m.command) {
    const row = el(doc, 'div', 'command');
    const code = el(doc, 'code', null, m.command);
    code.id = 'message-command';
    row.appendChild(code);
    copy = el(doc, 'button', 'secondary small', 'Copy');
    copy.type = 'button';
    copy.id = 'copy-command';
    row.appendChild(copy);
    container.appendChild(row);
  }
  const actions = el(doc, 'div', 'actions');
  const retry = el(doc, 'button', 'primary', 'Try again');
  retry.type = 'button';
  retry.id = 'retry';
  actions.appendChild(retry);
  let options = null;
  if (m.options) {
    options = el(doc, 'button', 'secondary', 'Open options');
    options.type = 'button';
    options.id = 'message-options';
    actions.appendChild(options);
  }
  container.appendChild(actions);
  container.hidden = false;
  return { heading: h, copy, retry, options };
}
