// Vera's page: sends the article to /api/v1/check and shows the verdict and its reasons.
// Everything is built with DOM calls and textContent, never innerHTML, so article text is inert.
(function () {
  'use strict';

  var MAX_ARTICLE_BYTES = 1000000;
  var SENTENCES_MARKED = 3;
  var MIN_MARKED_WEIGHT = 0.08;
  var MARKED_SHARE = 0.2;
  var encoder = new TextEncoder();

  var form = document.getElementById('check-form');
  var titleIn = document.getElementById('title');
  var textIn = document.getElementById('text');
  var sourceIn = document.getElementById('source');
  var urlIn = document.getElementById('url');
  var useSource = document.getElementById('use-source');
  var baseRateIn = document.getElementById('base-rate');
  // The base rate the last request gave, so that the verdict says whose rate it uses.
  var sentBaseRate = null;
  var submit = document.getElementById('submit');
  var message = document.getElementById('message');
  var sizeOut = document.getElementById('size');
  var result = document.getElementById('result');

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function mode() {
    return form.querySelector('input[name=mode]:checked').value;
  }

  function describeBytes(n) {
    if (n < 1000) return n + (n === 1 ? ' byte' : ' bytes');
    if (n < 1000000) return (n / 1000).toFixed(1) + ' kB';
    return (n / 1000000).toFixed(2) + ' MB';
  }

  function articleBytes() {
    return encoder.encode(titleIn.value).length + encoder.encode(textIn.value).length;
  }

  function updateSize() {
    var n = articleBytes();
    sizeOut.textContent = describeBytes(n);
    sizeOut.classList.toggle('over', n > MAX_ARTICLE_BYTES);
  }

  function showIn(box, title, detail) {
    clear(box);
    box.appendChild(el('strong', null, title));
    if (detail) box.appendChild(el('span', null, detail));
    box.hidden = false;
  }

  function showMessage(title, detail) {
    showIn(message, title, detail);
  }

  // The analyst's token, when the server asks for one (/api/v1/health says for which requests):
  // kept in this tab's sessionStorage only, never in a URL, and sent as Authorization: Bearer.
  var TOKEN_KEY = 'vera.token';
  var tokenNeededFor = { check: false, feedback: false };
  var tokenInMemory = ''; // where the browser refuses sessionStorage
  var afterToken = null; // what to do again once a token is given
  var tokenCard = document.getElementById('token-card');
  var tokenForm = document.getElementById('token-form');
  var tokenIn = document.getElementById('token');
  var tokenMessage = document.getElementById('token-message');
  var tokenState = document.getElementById('token-state');

  function token() {
    try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch (e) { return tokenInMemory; }
  }

  function setToken(t) {
    try {
      if (t) sessionStorage.setItem(TOKEN_KEY, t); else sessionStorage.removeItem(TOKEN_KEY);
    } catch (e) {
      tokenInMemory = t;
    }
    tokenState.hidden = !t;
  }

  function askToken(title, detail, then) {
    afterToken = then || null;
    tokenCard.hidden = false;
    if (title) showIn(tokenMessage, title, detail); else tokenMessage.hidden = true;
    tokenCard.scrollIntoView({ block: 'start' });
    tokenIn.focus();
  }

  function saveToken(event) {
    event.preventDefault();
    var t = tokenIn.value.trim();
    if (!t || /\s/.test(t)) {
      showIn(tokenMessage, 'Paste the whole token', 'It is one word starting with vera_, as vera token add printed it.');
      tokenIn.focus();
      return;
    }
    setToken(t);
    tokenIn.value = '';
    tokenCard.hidden = true;
    tokenMessage.hidden = true;
    var then = afterToken;
    afterToken = null;
    if (then) then();
  }

  // The server refused the token (mistyped, or revoked): forget it and ask again.
  function tokenRefused(problem, then) {
    setToken('');
    askToken(problem.title || 'Token not accepted', (problem.detail ? problem.detail + '. ' : '') + 'Paste your token again.', then);
  }

  function jsonHeaders(kind) {
    var h = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (tokenNeededFor[kind] && token()) h.Authorization = 'Bearer ' + token();
    return h;
  }

  function hideMessage() {
    message.hidden = true;
    clear(message);
  }

  function setMode() {
    var url = mode() === 'url';
    document.getElementById('text-fields').hidden = url;
    document.getElementById('url-fields').hidden = !url;
    hideMessage();
  }

  function looksLikeUrl(s) {
    return /^https?:\/\//i.test(s);
  }

  function request() {
    var body = { explain: true, use_source: useSource.checked };
    var rateText = baseRateIn.value.trim();
    if (rateText) {
      var rate = Number(rateText) / 100;
      if (!(rate > 0 && rate < 1)) {
        return { error: ['Share of fake out of range', 'Give the share of fake articles in your feed as a percentage between 0.1 and 99.9, or leave it empty.'], field: baseRateIn };
      }
      body.base_rate = rate;
    }
    sentBaseRate = body.base_rate === undefined ? null : body.base_rate;
    if (mode() === 'url') {
      var u = urlIn.value.trim();
      if (!u) return { error: ['Enter a link', 'Paste the address of the article page.'], field: urlIn };
      if (!looksLikeUrl(u)) u = 'https://' + u;
      body.url = u;
      return { body: body };
    }
    var title = titleIn.value.trim();
    var text = textIn.value;
    if (!title && !text.trim()) {
      return { error: ['Nothing to check', 'Paste the article text (and its headline if you have it).'], field: textIn };
    }
    var bytes = articleBytes();
    if (bytes > MAX_ARTICLE_BYTES) {
      return {
        error: ['The article is too long',
          'It is ' + describeBytes(bytes) + '; Vera reads at most ' + describeBytes(MAX_ARTICLE_BYTES) +
          ' (headline and text). Trim it to the article itself.'],
        field: textIn
      };
    }
    body.title = title;
    body.text = text;
    var src = sourceIn.value.trim();
    if (src) {
      if (looksLikeUrl(src)) body.url = src; else body.source = src;
    }
    return { body: body };
  }

  function check(event) {
    if (event) event.preventDefault();
    hideMessage();
    var r = request();
    if (r.error) {
      showMessage(r.error[0], r.error[1]);
      r.field.focus();
      return;
    }
    if (tokenNeededFor.check && !token()) {
      askToken('A token is needed to check', 'This server checks articles for its analysts only.', check);
      return;
    }
    submit.disabled = true;
    submit.textContent = mode() === 'url' ? 'Fetching…' : 'Checking…';
    form.setAttribute('aria-busy', 'true');
    fetch('/api/v1/check', {
      method: 'POST',
      headers: jsonHeaders('check'),
      body: JSON.stringify(r.body)
    }).then(function (resp) {
      return resp.text().then(function (t) {
        var data = null;
        try { data = JSON.parse(t); } catch (e) { data = null; }
        if (!resp.ok) {
          var p = data || {};
          result.hidden = true;
          showMessage(p.title || ('The server answered ' + resp.status), p.detail || '');
          if (resp.status === 401) tokenRefused(p, check);
          return;
        }
        render(data);
      });
    }).catch(function () {
      showMessage('The server could not be reached', 'Check that vera serve is still running, then try again.');
    }).then(function () {
      submit.disabled = false;
      submit.textContent = 'Check';
      form.removeAttribute('aria-busy');
    });
  }

  function pct(p) {
    return (Math.round(p * 1000) / 10).toFixed(1) + '%';
  }

  function signed(w) {
    return (w > 0 ? '+' : '\u2212') + Math.abs(w).toFixed(2);
  }

  // A half-circle gauge: the coloured arc is the probability of fake, the tick the threshold.
  function gauge(p, threshold, fake) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 170 100');
    svg.setAttribute('aria-hidden', 'true');
    var cx = 85, cy = 88, r = 70;
    function point(f) {
      var a = Math.PI * (1 - f);
      return [cx + r * Math.cos(a), cy - r * Math.sin(a)];
    }
    function arc(f) {
      var s = point(0), e = point(Math.max(0.0001, Math.min(1, f)));
      return 'M ' + s[0] + ' ' + s[1] + ' A ' + r + ' ' + r + ' 0 0 1 ' + e[0] + ' ' + e[1];
    }
    var track = document.createElementNS(ns, 'path');
    track.setAttribute('d', arc(1));
    track.setAttribute('class', 'track');
    svg.appendChild(track);
    var value = document.createElementNS(ns, 'path');
    value.setAttribute('d', arc(p));
    value.setAttribute('class', 'value ' + (fake ? 'fake' : 'real'));
    svg.appendChild(value);
    var a = Math.PI * (1 - threshold);
    var tick = document.createElementNS(ns, 'line');
    tick.setAttribute('x1', cx + (r - 11) * Math.cos(a));
    tick.setAttribute('y1', cy - (r - 11) * Math.sin(a));
    tick.setAttribute('x2', cx + (r + 11) * Math.cos(a));
    tick.setAttribute('y2', cy - (r + 11) * Math.sin(a));
    tick.setAttribute('class', 'tick');
    svg.appendChild(tick);
    var label = document.createElementNS(ns, 'text');
    label.setAttribute('x', cx);
    label.setAttribute('y', cy - 8);
    label.setAttribute('class', 'pct');
    label.textContent = pct(p);
    svg.appendChild(label);
    var thr = document.createElementNS(ns, 'text');
    thr.setAttribute('x', cx);
    thr.setAttribute('y', cy + 9);
    thr.setAttribute('class', 'thr');
    thr.textContent = 'threshold ' + pct(threshold);
    svg.appendChild(thr);
    return svg;
  }

  // Splits `text` into runs that share one phrase (the strongest covering it) and one marked
  // sentence, and builds them as <mark> and <span> elements.
  function highlighted(text, phrases, sentences, claims) {
    var n = text.length;
    var owner = new Int32Array(n).fill(-1);
    var strength = new Float64Array(n);
    phrases.forEach(function (ph, i) {
      ph.spans.forEach(function (s) {
        for (var k = Math.max(0, s[0]); k < Math.min(n, s[1]); k++) {
          if (owner[k] < 0 || Math.abs(ph.weight) > strength[k]) {
            owner[k] = i;
            strength[k] = Math.abs(ph.weight);
          }
        }
      });
    });
    var sent = new Int32Array(n).fill(-1);
    sentences.forEach(function (s, i) {
      for (var k = Math.max(0, s.start); k < Math.min(n, s.end); k++) sent[k] = i;
    });
    // Check-worthy sentences (from the claims panel) are a third, independent layer.
    var claim = new Int32Array(n).fill(-1);
    (claims || []).forEach(function (c, i) {
      for (var k = Math.max(0, c.start); k < Math.min(n, c.end); k++) claim[k] = i;
    });
    var frag = document.createDocumentFragment();
    var start = 0;
    for (var k = 1; k <= n; k++) {
      if (k < n && owner[k] === owner[start] && sent[k] === sent[start] && claim[k] === claim[start]) continue;
      var piece = text.slice(start, k);
      var node;
      if (owner[start] >= 0) {
        var ph = phrases[owner[start]];
        node = el('mark', 'ph ' + (ph.weight > 0 ? 'ph-fake' : 'ph-real'), piece);
        node.title = '\u201c' + ph.text + '\u201d ' + signed(ph.weight) + ' toward ' + (ph.weight > 0 ? 'fake' : 'credible');
      } else {
        node = document.createTextNode(piece);
      }
      if (sent[start] >= 0) {
        var wrap = el('span', 'sent');
        if (start === sentences[sent[start]].start) {
          frag.appendChild(el('sup', 'sent-no', String(sent[start] + 1)));
        }
        wrap.appendChild(node);
        node = wrap;
      }
      if (claim[start] >= 0) {
        var cw = el('span', 'claim');
        cw.setAttribute('data-claim', String(claim[start] + 1));
        if (start === claims[claim[start]].start) {
          frag.appendChild(el('sup', 'claim-no', 'C' + (claim[start] + 1)));
        }
        cw.appendChild(node);
        node = cw;
      }
      frag.appendChild(node);
      start = k;
    }
    return frag;
  }

  function phraseList(list, items) {
    clear(list);
    if (!items.length) {
      list.appendChild(el('li', 'muted', 'none'));
      return;
    }
    items.forEach(function (p) {
      var li = el('li');
      li.appendChild(el('span', 'w', signed(p.weight)));
      li.appendChild(el('span', null, p.text));
      li.appendChild(el('span', 'part', p.part));
      list.appendChild(li);
    });
  }

  // Whether the article is like what the model was trained on: shown beside the gauge.
  function applicabilityBox(a) {
    var box = document.getElementById('applicability');
    if (!a) { box.hidden = true; return; }
    box.hidden = false;
    var outside = a.outside_experience;
    box.className = 'applicability ' + (outside ? 'outside' : (a.score < 0.25 ? 'edge' : 'inside'));
    document.getElementById('applicability-label').textContent = outside
      ? 'Outside Vera\u2019s experience'
      : (a.score < 0.25 ? 'At the edge of Vera\u2019s experience' : 'Within Vera\u2019s experience');
    document.getElementById('applicability-detail').textContent =
      (outside ? 'Unlike the articles it was trained on: trust this verdict less. ' : '') +
      'Applicability ' + a.score.toFixed(2) + ': more like the training data than ' +
      Math.round(a.score * 100) + '% of the articles Vera was validated on.';
  }

  function sourceBox(s, used) {
    var box = document.getElementById('source-body');
    clear(box);
    var dl = el('dl');
    function row(k, v) { dl.appendChild(el('dt', null, k)); dl.appendChild(el('dd', null, v)); }
    row('Publisher', s.domain || 'not given');
    if (s.basis === 'training') {
      row('Known from', s.training_articles + ' training article' + (s.training_articles === 1 ? '' : 's'));
      row('Fake rate', pct(s.fake_rate));
    } else if (s.basis === 'ratings') {
      row('Known from', 'published ratings of outlets' + (s.rated_domain ? ' (' + s.rated_domain + ')' : ''));
      Object.keys(s.ratings || {}).sort().forEach(function (k) { row(k, String(s.ratings[k])); });
      row('Fake rate', pct(s.fake_rate) + ' for outlets so rated');
    } else {
      row('Known from', 'nothing: an unknown publisher');
      row('Prior', pct(s.fake_rate) + ' of training articles were fake');
    }
    row('In the verdict', used ? 'yes' : 'no, shown for reference');
    box.appendChild(dl);
    box.appendChild(el('p', 'note', used
      ? 'The probability mixes the text score with this publisher evidence.'
      : 'The verdict reads the text alone; tick the box above to let the publisher count.'));
  }

  // A training article's URL as a link: http(s) only. Corpora that store URLs without a scheme
  // (GossipCop's) get http://; any other scheme (javascript:, data:) gets no link.
  function storyHref(url) {
    if (!url) return null;
    if (/^https?:\/\//i.test(url)) return url;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || /^\/\//.test(url)) return null;
    return 'http://' + url;
  }

  // The most similar training articles from other publishers, and how far they move the verdict.
  function neighboursBox(n) {
    var box = document.getElementById('neighbours-box');
    var body = document.getElementById('neighbours-body');
    clear(body);
    box.hidden = !n;
    if (!n) return;
    body.appendChild(el('p', null, n.fake + ' of the ' + n.k + ' most similar training articles were fake (' +
      signed(n.weight) + ' log-odds toward ' + (n.weight > 0 ? 'fake' : 'credible') + ').'));
    var ol = el('ol', 'neighbours');
    (n.nearest || []).forEach(function (x) {
      var li = el('li');
      li.appendChild(el('span', 'dot dot-' + (x.label === 'fake' ? 'fake' : 'real')));
      li.appendChild(el('span', null, x.label === 'fake' ? '\u2716 ' : '\u2714 '));
      // A model that keeps no titles names the article by its id alone.
      var name = x.title || x.id || 'training article';
      var href = storyHref(x.url);
      if (href) {
        var a = el('a', 'story', name);
        a.href = href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        li.appendChild(a);
      } else {
        li.appendChild(el('span', x.title ? 'story' : null, name));
      }
      var about = [x.publisher, x.date].filter(function (v) { return v; }).join(', ');
      li.appendChild(el('span', 'muted small', (about ? ' (' + about + ')' : '') +
        ' \u00b7 similarity ' + x.similarity.toFixed(2)));
      ol.appendChild(li);
    });
    body.appendChild(ol);
    body.appendChild(el('p', 'note', 'Articles from the same publisher are never counted: they would bring its track record in by the back door.'));
  }

  // The check-worthy sentences (C1, C2 … as marked in the text) and the published fact-checks
  // closest to each; hidden when the server runs without --claims.
  function claimsBox(claims) {
    var box = document.getElementById('claims-box');
    var list = document.getElementById('claims-list');
    clear(list);
    box.hidden = !claims;
    if (!claims) return;
    if (!claims.length) list.appendChild(el('li', 'muted', 'No check-worthy sentence.'));
    claims.forEach(function (c, i) {
      var li = el('li', 'claim-item');
      var q = el('p', 'claim-sentence');
      q.appendChild(el('span', 'claim-no', 'C' + (i + 1)));
      q.appendChild(el('mark', 'claim', c.sentence));
      // A sentence under the model's cut is listed for its published fact-check alone.
      q.appendChild(el('span', 'muted small', ' ' + pct(c.check_worthy_probability) + ' check-worthy'
        + (c.check_worthy === false ? '; listed for its published fact-check' : '')));
      li.appendChild(q);
      var ul = el('ul', 'matches');
      if (!c.matches.length) ul.appendChild(el('li', 'muted', 'No published fact-check close enough.'));
      c.matches.forEach(function (m) {
        var mi = el('li', 'match');
        mi.appendChild(el('span', 'verdict-tag', m.verdict));
        mi.appendChild(el('span', null, ' ' + m.publisher + (m.date ? ', ' + m.date : '') + ': '));
        if (m.url && /^https?:\/\//.test(m.url)) {
          var a = el('a', null, m.claim);
          a.href = m.url;
          a.rel = 'noopener noreferrer';
          a.target = '_blank';
          mi.appendChild(a);
        } else {
          mi.appendChild(el('span', null, m.claim));
        }
        ul.appendChild(mi);
      });
      li.appendChild(ul);
      list.appendChild(li);
    });
  }

  // The verdict shown, for the correction button: the article as the server read it.
  var shown = null;
  var correction = document.getElementById('correction');
  var correctButton = document.getElementById('correct');
  var correctionAck = document.getElementById('correction-ack');
  var analystIn = document.getElementById('correction-analyst');
  var noteIn = document.getElementById('correction-note');

  function labelName(label) {
    return label === 'fake' ? 'fake' : 'credible';
  }

  function resetCorrection(v) {
    shown = v;
    var other = v.label === 'fake' ? 'real' : 'fake';
    correctButton.dataset.label = other;
    correctButton.textContent = 'Vera got this wrong: mark as ' + (other === 'fake' ? '\u2716 fake' : '\u2714 credible');
    correctButton.disabled = false;
    noteIn.value = '';
    correctionAck.hidden = true;
    correctionAck.textContent = '';
  }

  function sendCorrection(event) {
    if (event) event.preventDefault();
    if (!shown) return;
    if (tokenNeededFor.feedback && !token()) {
      askToken('A token is needed to store a correction', 'Paste it, and the correction is sent.', sendCorrection);
      return;
    }
    var art = shown.article || {};
    var article = {};
    ['id', 'title', 'text', 'date', 'url', 'source'].forEach(function (k) {
      if (art[k] !== undefined && art[k] !== null && art[k] !== '') article[k] = art[k];
    });
    var body = { article: article, label: correctButton.dataset.label, note: noteIn.value.trim(),
      use_source: !!shown.used_source };
    // With tokens the server takes the analyst's name from the token, never from the page.
    var who = tokenNeededFor.feedback ? '' : analystIn.value.trim();
    if (who) {
      body.analyst = who;
      try { localStorage.setItem('vera.analyst', who); } catch (e) { /* private mode: not remembered */ }
    }
    correctButton.disabled = true;
    correctionAck.className = 'ack';
    correctionAck.textContent = 'Saving\u2026';
    correctionAck.hidden = false;
    fetch('/api/v1/feedback', {
      method: 'POST',
      headers: jsonHeaders('feedback'),
      body: JSON.stringify(body)
    }).then(function (resp) {
      return resp.json().catch(function () { return {}; }).then(function (c) {
        if (resp.status !== 201) {
          correctionAck.className = 'ack err';
          correctionAck.textContent = (c.title || ('The server answered ' + resp.status)) + ': ' + (c.detail || '');
          correctButton.disabled = false;
          if (resp.status === 401) tokenRefused(c, sendCorrection);
          return;
        }
        correctionAck.className = 'ack ok';
        correctionAck.textContent = 'Thank you, ' + c.analyst + ': correction #' + c.id + ' stored. Vera said ' +
          labelName(c.model_label) + ' (' + pct(c.model_probability_fake) + ' fake), you said ' + labelName(c.label) +
          '. The next vera train --feedback learns from it.';
      });
    }).catch(function () {
      correctionAck.className = 'ack err';
      correctionAck.textContent = 'The server could not be reached; the correction was not stored.';
      correctButton.disabled = false;
    });
  }

  function render(v) {
    resetCorrection(v);
    var fake = v.label === 'fake';
    var mark = document.getElementById('mark');
    mark.textContent = fake ? '\u2716' : '\u2714';
    mark.className = 'mark ' + (fake ? 'fake' : 'real');
    var heading = document.getElementById('verdict-heading');
    heading.textContent = (fake ? '\u2716 Likely fake' : '\u2714 Likely credible');
    var detail = 'Probability of fake ' + pct(v.probability_fake) + ', threshold ' + pct(v.threshold) +
      (v.used_source ? ' (text ' + pct(v.text_probability_fake) + ' with the publisher\u2019s record)' : ', from the text alone') +
      ', for a feed where ' + pct(v.base_rate) + ' of articles are fake' +
      (sentBaseRate !== null ? '' : ' (the model\u2019s training mix; set yours above)') +
      '. Model ' + v.model_id + '.';
    document.getElementById('verdict-detail').textContent = detail;
    var g = document.getElementById('gauge');
    clear(g);
    g.appendChild(gauge(v.probability_fake, v.threshold, fake));
    g.setAttribute('aria-valuenow', String(Math.round(v.probability_fake * 100)));
    g.setAttribute('aria-valuetext', pct(v.probability_fake) + ' probability of fake');
    applicabilityBox(v.applicability);

    var phrases = (v.reasons || []).filter(function (r) { return r.kind === 'phrase'; });
    // Mark the phrases that matter in the text; weak ones (often "the", "and") would drown them.
    var strongest = phrases.reduce(function (m, p) { return Math.max(m, Math.abs(p.weight)); }, 0);
    var cutoff = Math.max(MIN_MARKED_WEIGHT, MARKED_SHARE * strongest);
    var marked = phrases.filter(function (p) { return Math.abs(p.weight) >= cutoff; });
    var sentences = (v.sentences || []).slice(0, SENTENCES_MARKED);
    var art = v.article || { title: '', text: '' };
    var t = document.getElementById('article-title');
    clear(t);
    t.appendChild(highlighted(art.title || '', marked.filter(function (p) { return p.part === 'title'; }), []));
    var meta = [];
    if (art.source) meta.push(art.source);
    if (art.date) meta.push(art.date);
    if (art.fetched && art.url) meta.push('fetched from ' + art.url);
    document.getElementById('article-meta').textContent = meta.join(' \u00b7 ');
    var body = document.getElementById('article-body');
    clear(body);
    body.appendChild(highlighted(art.text || '', marked.filter(function (p) { return p.part === 'body'; }), sentences, v.claims));
    claimsBox(v.claims);

    phraseList(document.getElementById('fake-list'), phrases.filter(function (p) { return p.weight > 0; }));
    phraseList(document.getElementById('real-list'), phrases.filter(function (p) { return p.weight < 0; }));
    sourceBox(v.source, v.used_source);
    neighboursBox((v.reasons || []).filter(function (r) { return r.kind === 'neighbours'; })[0]);

    var tbody = document.querySelector('#style-table tbody');
    clear(tbody);
    (v.style || []).slice(0, 5).forEach(function (s) {
      var tr = el('tr');
      tr.appendChild(el('td', null, s.feature.replace(/_/g, ' ')));
      tr.appendChild(el('td', 'num', String(Math.round(s.value * 1000) / 1000)));
      tr.appendChild(el('td', 'num', signed(s.weight)));
      tbody.appendChild(tr);
    });

    var list = document.getElementById('sentence-list');
    clear(list);
    (v.sentences || []).slice(0, SENTENCES_MARKED).forEach(function (s) {
      var li = el('li', null, s.text);
      var d = s.delta_probability_fake;
      var pts = Math.abs(d) * 100;
      li.appendChild(el('span', 'delta ' + (d > 0 ? 'fake' : 'real'),
        (pts < 0.01 ? '< 0.01' : (d > 0 ? '+' : '\u2212') + (pts < 1 ? pts.toFixed(2) : pts.toFixed(1))) +
        ' points toward ' + (d > 0 ? 'fake' : 'credible')));
      list.appendChild(li);
    });
    if (!list.firstChild) list.appendChild(el('li', 'muted', 'The body is too short to weigh sentences.'));

    result.hidden = false;
    heading.focus();
    result.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  // Whether this server asks a token, and for what; asks for it at once if it does.
  function loadAccess() {
    fetch('/api/v1/health').then(function (r) { return r.json(); }).then(function (h) {
      var needs = (h.auth && h.auth.token_required_for) || [];
      tokenNeededFor.check = needs.indexOf('POST /api/v1/check') >= 0;
      tokenNeededFor.feedback = needs.indexOf('POST /api/v1/feedback') >= 0;
      if (!needs.length) return;
      analystIn.hidden = true;
      document.getElementById('token-uses').textContent = tokenNeededFor.check ? 'checks and corrections' : 'corrections';
      if (token()) tokenState.hidden = false; else askToken();
    }).catch(function () { /* the first request that needs a token will ask for it */ });
  }

  function loadModel() {
    fetch('/api/v1/model').then(function (r) { return r.json(); }).then(function (c) {
      var box = document.getElementById('model-body');
      clear(box);
      var dl = el('dl');
      function row(k, v) { if (v !== undefined && v !== null) { dl.appendChild(el('dt', null, k)); dl.appendChild(el('dd', null, String(v))); } }
      row('Model', c.model_id);
      row('Created', c.created_at);
      var d = c.training_data || {};
      row('Trained on', (d.train_articles || '?') + ' articles (' + (d.train_fake || '?') + ' fake), ' + (d.valid_articles || '?') + ' for validation');
      var p = c.parameters || {};
      row('Classifier', (p.solver || '') + ', C = ' + p.c + ', ' + (p.calibration || '') + ' calibration');
      row('Threshold', p.threshold !== undefined ? p.threshold.toFixed(3) : null);
      if (c.test) {
        row('Test set', c.test.n + ' articles: accuracy ' + c.test.accuracy.toFixed(3) + ', macro-F1 ' +
          c.test.macro_f1.toFixed(3) + ', ROC-AUC ' + (c.test.roc_auc || 0).toFixed(3) + ', ECE ' + c.test.ece.toFixed(3));
      }
      box.appendChild(dl);
      var raw = el('details');
      raw.appendChild(el('summary', null, 'The whole card (JSON)'));
      raw.appendChild(el('pre', null, JSON.stringify(c, null, 2)));
      box.appendChild(raw);
    }).catch(function () {
      var box = document.getElementById('model-body');
      clear(box);
      box.appendChild(el('p', 'muted', 'The model card could not be loaded.'));
    });
  }

  form.addEventListener('submit', check);
  correction.addEventListener('submit', sendCorrection);
  tokenForm.addEventListener('submit', saveToken);
  document.getElementById('token-forget').addEventListener('click', function () {
    setToken('');
    askToken();
  });
  try { analystIn.value = localStorage.getItem('vera.analyst') || ''; } catch (e) { /* not remembered */ }
  form.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) check(e);
  });
  form.querySelectorAll('input[name=mode]').forEach(function (r) { r.addEventListener('change', setMode); });
  textIn.addEventListener('input', updateSize);
  titleIn.addEventListener('input', updateSize);
  setMode();
  updateSize();
  loadAccess();
  loadModel();
})();
