import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/lib/article.js';
import { applyHighlights, clearHighlights, highlightPlan, occurrences, textIndex } from '../../src/lib/highlight.js';
import { html, page } from './dom.js';
import { article, verdict } from './fixtures.js';

const PAGE = `<!doctype html><html><head><title>Mayor</title></head><body>
<nav><a href="/">Home</a> Shocking deals! Sources say subscribe.</nav>
<main><h1>Mayor <b>denies</b> report</h1>
<div class="story"><p>The mayor denied the report on <a href="/m">Monday</a>. Sources say the deal is off.</p>
<p>Shocking claims spread online.</p></div></main>
<aside>More: Shocking video</aside></body></html>`;

describe('show in page', () => {
  it('the plan: strong phrases as the text they cover, sentences, and probes', () => {
    const plan = highlightPlan(verdict(), article());
    assert.deepEqual(plan.phrases.map((p) => [p.needle, p.part, p.dir]),
      [['Shocking', 'body', 'fake'], ['Sources say', 'body', 'fake'], ['denies', 'title', 'real']],
      'strongest first; "the" (0.01) is too weak to mark');
    assert.deepEqual(plan.sentences.map((s) => [s.n, s.dir]), [[1, 'fake'], [2, 'real']]);
    assert.equal(plan.probes.length, 2);
  });

  it('marks phrases (two colours) and sentences in the article only, and takes them away again', () => {
    const doc = html(PAGE);
    const before = doc.body.innerHTML;
    const a = article({ title: 'Mayor denies report' });
    const v = verdict();
    v.reasons[2].spans = [[6, 12]];
    const found = applyHighlights(doc, highlightPlan(v, a));
    assert.deepEqual({ s: found.sentences, p: found.phrases }, { s: 2, p: 3 });
    const marks = [...doc.querySelectorAll('mark[data-vera-highlight=phrase]')];
    assert.deepEqual(marks.map((m) => [m.textContent, m.className]), [
      ['denies', 'vera-ext-ph vera-ext-ph-real'],
      ['Sources say', 'vera-ext-ph vera-ext-ph-fake'],
      ['Shocking', 'vera-ext-ph vera-ext-ph-fake']
    ]);
    assert.equal(doc.querySelector('nav mark, aside mark'), null, 'nothing outside the article');
    const sentences = [...doc.querySelectorAll('mark[data-vera-highlight=sentence]')];
    assert.equal(sentences.map((m) => m.textContent).join('|'), 'The mayor denied the report on |Monday|.|Sources say the deal is off.',
      'a sentence across a link is marked piece by piece');
    assert.ok(sentences[3].querySelector('mark.vera-ext-ph-fake'), 'the phrase inside the sentence');
    assert.equal(clearHighlights(doc), 7);
    assert.equal(doc.body.innerHTML, before, 'the page is exactly as it was');
    assert.equal(doc.querySelectorAll('p')[0].childNodes.length, 3, 'the split text nodes are joined again');
  });

  it('marks whole words only', () => {
    assert.deepEqual(occurrences('rent current rent.', 'rent', true), [0, 13]);
    assert.deepEqual(occurrences('a b a', 'a', false), [0, 4]);
  });

  it('the text index squashes whitespace and separates blocks', () => {
    const doc = html('<div id=r><p>one\n two</p><p>three<script>x</script></p></div>');
    assert.equal(textIndex(doc.getElementById('r')).text, 'one two three ');
  });

  it('on a saved news page: what the extraction sent is found again in the page', () => {
    const doc = page('ledger-wire-report.html');
    const a = extractArticle(doc, doc.location.href).article;
    const s1 = 'A state inspection in October 2021 rated its deck in "poor" condition and recommended weight limits, which the city imposed the following spring.';
    const at = a.text.indexOf(s1);
    const w = a.text.indexOf('bridge');
    const v = verdict({
      reasons: [{ kind: 'phrase', part: 'body', text: 'bridge', weight: 0.3, spans: [[w, w + 6]] },
        { kind: 'phrase', part: 'title', text: 'council', weight: -0.2, spans: [[5, 12]] }],
      sentences: [{ text: s1, start: at, end: at + s1.length, delta_probability_fake: 0.05 }]
    });
    const before = doc.body.innerHTML;
    const found = applyHighlights(doc, highlightPlan(v, a));
    assert.equal(found.sentences, 1);
    assert.equal(found.phrases, 2);
    assert.equal(doc.querySelector('mark[data-vera-highlight=sentence]').textContent, s1);
    assert.ok(doc.querySelector('h1 mark.vera-ext-ph-real'), 'the headline\u2019s phrase in the page\u2019s headline');
    assert.equal(doc.querySelector('aside mark, header mark, footer mark'), null);
    assert.equal(doc.querySelectorAll('.story-body mark.vera-ext-ph-fake').length, 2, 'both of the story\u2019s "bridge"');
    clearHighlights(doc);
    assert.equal(doc.body.innerHTML, before);
  });
});
