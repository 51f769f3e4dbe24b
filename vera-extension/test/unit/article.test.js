import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleBytes, blockText, extractArticle, isoDate, MAX_ARTICLE_BYTES } from '../../src/lib/article.js';
import { html, page } from './dom.js';

describe('extraction on saved pages', () => {
  it('a news article with JSON-LD, a canonical link, a sidebar, an ad and comments', () => {
    const doc = page('ledger-wire-report.html');
    const before = doc.documentElement.outerHTML;
    const r = extractArticle(doc, doc.location.href);
    assert.equal(r.ok, true);
    const a = r.article;
    assert.equal(a.title, 'City council approves bridge repair budget after two-year delay');
    assert.equal(a.date, '2024-03-12', 'JSON-LD datePublished, cut to the date');
    assert.equal(a.url, 'https://www.dailyledger.example/news/2024/03/12/city-council-bridge-repair-budget');
    assert.equal(a.publisher, 'The Daily Ledger');
    assert.equal(a.domain, 'dailyledger.example');
    assert.match(a.text, /^The city council voted 7-2 on Tuesday/);
    assert.match(a.text, /a step it described as routine for projects of this size\.$/);
    assert.match(a.text, /said the vote "closes a chapter that should have closed long ago\."/, 'inline markup read as text');
    assert.equal(a.text.split('\n\n').length, 7, 'one paragraph per <p>');
    for (const junk of ['ADVERTISEMENT', 'Most read', 'morning briefing', 'Log in to comment', 'All rights reserved', 'analyticsQueue', 'Subscribe']) {
      assert.ok(!a.text.includes(junk), `no "${junk}" in the text`);
    }
    assert.equal(r.bytes, articleBytes(a));
    assert.equal(doc.documentElement.outerHTML, before, 'the page itself is untouched');
  });

  it('a magazine layout: Open Graph and article: meta tags, a pull quote, a cookie banner', () => {
    const doc = page('gazette-celebrity-rumor.html');
    const r = extractArticle(doc, doc.location.href);
    assert.equal(r.ok, true);
    const a = r.article;
    assert.equal(a.title, 'EXCLUSIVE: Star Couple\'s Secret Split — Insiders Say Marriage Is OVER!');
    assert.equal(a.date, '2018-03-14');
    assert.equal(a.url, 'https://starwatch-gazette.example/celebs/star-couple-secret-split', 'og:url without tracking or fragment');
    assert.equal(a.publisher, 'Starwatch Gazette');
    assert.match(a.text, /^Hollywood's golden couple is allegedly heading for a bitter divorce/);
    assert.match(a.text, /didn't say a word to each other\."$/);
    for (const junk of ['cookies', 'You may also like', 'Comments are closed', 'Royals']) {
      assert.ok(!a.text.includes(junk), `no "${junk}" in the text`);
    }
  });

  it('a section front (headlines and links) is no article', () => {
    const doc = page('section-front.html');
    const r = extractArticle(doc, doc.location.href);
    assert.deepEqual({ ok: r.ok, reason: r.reason }, { ok: false, reason: 'no-article' });
  });

  it('a paywall stub is too little text to judge', () => {
    const doc = page('paywall-stub.html');
    const r = extractArticle(doc, doc.location.href);
    assert.equal(r.ok, false);
    assert.equal(r.reason, 'too-short');
    assert.ok(r.chars > 0 && r.chars < 400, String(r.chars));
    assert.equal(r.title, 'Inside the quiet fight over the region\'s water rights');
  });

  it('an empty page and a form are no article', () => {
    for (const markup of ['<html><body></body></html>',
      '<html><head><title>Log in</title></head><body><form><label>E-mail <input></label><button>Log in</button></form></body></html>']) {
      const doc = html(markup);
      assert.equal(extractArticle(doc, doc.location.href).reason, 'no-article');
    }
  });

  it('without a canonical link the page address is the URL; without a date none is sent', () => {
    const body = '<p>' + 'A plain paragraph of reporting about the harbour and its ferries. '.repeat(12) + '</p>';
    const doc = html(`<html><head><title>Ferries</title></head><body><article><h1>Ferries</h1>${body}${body}</article></body></html>`,
      'https://plain.example/ferries?id=7&utm_source=feed#comments');
    const r = extractArticle(doc, doc.location.href);
    assert.equal(r.ok, true);
    assert.equal(r.article.url, 'https://plain.example/ferries?id=7');
    assert.equal(r.article.date, '');
    assert.equal(r.article.publisher, '');
  });

  it('a page over the size limit is measured in UTF-8 bytes, as the server counts', () => {
    const para = '<p>' + 'Ünïcödé reporting takes two bytes a letter here. '.repeat(400) + '</p>';
    const doc = html(`<html><head><title>Long</title></head><body><article>${para.repeat(50)}</article></body></html>`);
    const r = extractArticle(doc, doc.location.href);
    assert.equal(r.ok, true);
    assert.ok(r.bytes > MAX_ARTICLE_BYTES, String(r.bytes));
    assert.ok(r.bytes > r.article.text.length, 'bytes, not characters');
  });

  it('dates: ISO timestamps are cut, impossible dates dropped', () => {
    assert.equal(isoDate('2024-03-12T16:45:00-05:00'), '2024-03-12');
    assert.equal(isoDate('2024-02-30'), '');
    assert.equal(isoDate('March 5, 2021'), '2021-03-05');
    assert.equal(isoDate('yesterday'), '');
  });

  it('block text: one paragraph per block, whitespace squashed, scripts left out', () => {
    const doc = html('<div id=x><h2>Head</h2><p>One\n  two <b>three</b></p><script>var x=1</script><ul><li>a</li><li>b</li></ul>tail</div>');
    assert.equal(blockText(doc.getElementById('x')), 'Head\n\nOne two three\n\na\n\nb\n\ntail');
  });
});
