import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messageFor } from '../../src/lib/messages.js';
import { badgeFor, renderMessage, renderVerdict } from '../../src/popup/render.js';
import { popupDocument } from './dom.js';
import { article, EVIL, verdict } from './fixtures.js';

function render(v, a, extra = {}) {
  const doc = popupDocument();
  const box = doc.getElementById('result');
  const controls = renderVerdict(doc, box, { verdict: v, article: a, server: 'http://127.0.0.1:8080', at: 0, site: 'news.example', ...extra });
  return { doc, box, controls };
}

describe('the popup renders a verdict', () => {
  it('mark, heading, P(fake) as a gauge, base rate and applicability', () => {
    const { box, controls } = render(verdict(), article());
    assert.equal(box.querySelector('.verdict .mark').textContent, '\u2716');
    assert.equal(controls.heading.textContent, 'Likely fake');
    assert.equal(box.querySelector('.verdict .sub').textContent, 'P(fake) 81.2% \u00b7 threshold 36.2%');
    const g = box.querySelector('.gauge');
    assert.equal(g.getAttribute('role'), 'meter');
    assert.equal(g.getAttribute('aria-valuenow'), '81');
    assert.equal(g.querySelector('svg .pct').textContent, '81.2%');
    assert.match(box.querySelector('.base-rate').textContent, /28\.8% of articles are fake/);
    assert.match(box.querySelector('.applicability').textContent, /^At the edge of Vera\u2019s experience Applicability 0\.12/);
  });

  it('a credible verdict, with no applicability reported, shows neither', () => {
    const { box, controls } = render(verdict({ label: 'real', probability_fake: 0.05, applicability: undefined, base_rate: undefined }), article());
    assert.equal(box.querySelector('.verdict .mark').textContent, '\u2714');
    assert.equal(controls.heading.textContent, 'Likely credible');
    assert.equal(box.querySelector('.applicability'), null);
    assert.equal(box.querySelector('.base-rate'), null);
    assert.equal(controls.send.dataset.label, 'fake', 'the correction offers the other label');
  });

  it('phrases toward fake and toward credible, sentences, source evidence apart', () => {
    const { box } = render(verdict(), article());
    const fake = [...box.querySelectorAll('.phrases.fake li .chip')].map((e) => e.textContent);
    const real = [...box.querySelectorAll('.phrases.real li .chip')].map((e) => e.textContent);
    assert.deepEqual(fake, ['shocking', 'sources say', 'the']);
    assert.deepEqual(real, ['denies']);
    assert.equal(box.querySelector('.phrases.real .ph-part').textContent, 'headline');
    const sentences = [...box.querySelectorAll('.sentences li')].map((e) => e.textContent);
    assert.deepEqual(sentences, ['Sources say the deal is off. +12.0 points toward fake',
      'The mayor denied the report on Monday. \u22123.0 points toward credible']);
    const source = box.querySelector('section.source');
    assert.match(source.textContent, /Kept apart: the verdict reads the text alone\./);
    assert.match(source.textContent, /Known from12 training articles/);
    assert.match(source.textContent, /Fake rate40\.0%/);
    assert.equal(box.querySelector('.claims'), null, 'no fact-check section without claims');
  });

  it('fact-checks matched to claims, with links only for http(s) URLs', () => {
    const claims = [
      { sentence: 'Sources say the deal is off.', start: 40, end: 68, check_worthy_probability: 0.9, matches: [
        { id: 'a', claim: 'The deal is off', verdict: 'false', publisher: 'PolitiFact', date: '2024-01-02', url: 'https://pf.example/a', score: 9 },
        { id: 'b', claim: 'Another', verdict: 'pants-fire', publisher: 'Checker', url: 'javascript:alert(1)', score: 8 }] },
      { sentence: 'Unmatched.', start: 0, end: 10, check_worthy_probability: 0.7, matches: [] }
    ];
    const { box } = render(verdict({ claims }), article());
    const section = box.querySelector('.claims');
    assert.equal(section.querySelectorAll('.claim-list > li').length, 1, 'claims without a match are left out');
    const links = [...section.querySelectorAll('a')];
    assert.equal(links.length, 1);
    assert.equal(links[0].href, 'https://pf.example/a');
    assert.equal(links[0].rel, 'noopener noreferrer');
    assert.match(section.textContent, /pants-fire Checker: Another/);
    const none = render(verdict({ claims: [claims[1]] }), article()).box.querySelector('.claims');
    assert.match(none.textContent, /No published fact-check is close to the 1 check-worthy sentence\./);
  });

  it('an article\u2019s text is never interpreted as HTML', () => {
    const v = verdict({
      model_id: EVIL,
      reasons: [{ kind: 'phrase', part: 'body', text: EVIL, weight: 0.5, spans: [] }, { kind: 'phrase', part: 'body', text: EVIL, weight: -0.5, spans: [] }],
      sentences: [{ text: EVIL, start: 0, end: 5, delta_probability_fake: 0.2 }],
      source: { domain: EVIL, basis: 'ratings', fake_rate: 0.5, ratings: { [EVIL]: 1 }, rated_domain: EVIL },
      claims: [{ sentence: EVIL, start: 0, end: 5, check_worthy_probability: 0.9, matches: [{ id: EVIL, claim: EVIL, verdict: EVIL, publisher: EVIL, date: EVIL, url: EVIL, score: 1 }] }]
    });
    const { doc, box } = render(v, article({ title: EVIL, publisher: EVIL, url: EVIL, text: EVIL }), { site: EVIL });
    assert.equal(box.querySelectorAll('img, script, b, i').length, 0, 'no element from the text');
    assert.equal(doc.querySelectorAll('img, script:not([src])').length, 0);
    assert.ok(box.textContent.split(EVIL).length - 1 >= 10, 'the markup is shown as text');
    assert.equal(doc.defaultView.pwned, undefined);
  });

  it('the controls are buttons, reachable by keyboard, with their state said', () => {
    const { box, controls } = render(verdict(), article(), { highlighted: true });
    assert.equal(controls.showInPage.tagName, 'BUTTON');
    assert.equal(controls.showInPage.textContent, 'Hide in page');
    assert.equal(controls.showInPage.getAttribute('aria-pressed'), 'true');
    assert.equal(controls.heading.tabIndex, -1, 'the heading takes the focus after a check');
    assert.equal(controls.wrong.getAttribute('aria-expanded'), 'false');
    assert.equal(controls.correction.hidden, true);
    assert.equal(box.querySelector('label[for=correction-note]').textContent, 'Why (optional)');
    assert.equal(controls.auto.type, 'checkbox');
    assert.match(controls.auto.parentElement.textContent, /Check pages of news\.example automatically/);
    for (const b of box.querySelectorAll('button')) assert.ok(b.textContent.trim(), 'every button has a name');
  });

  it('the badge: mark and probability in the verdict\u2019s colour', () => {
    assert.deepEqual(badgeFor(verdict()), { text: '\u271681', color: '#b93815', title: 'Vera: likely fake (81.2% probability of fake)' });
    assert.equal(badgeFor(verdict({ label: 'real', probability_fake: 0.051 })).text, '\u27145');
  });
});

describe('the popup renders a message', () => {
  const ctx = { server: 'http://127.0.0.1:8080', extensionId: 'fdmmihadpdiagpnhbegaicoandncakno' };

  it('with the command to copy, as text', () => {
    const doc = popupDocument();
    const box = doc.getElementById('message');
    const c = renderMessage(doc, box, messageFor({ kind: 'origin-refused', status: 403 }, ctx));
    assert.equal(box.hidden, false);
    assert.equal(c.heading.textContent, 'The server refuses this extension');
    assert.equal(box.querySelector('code').textContent, './vera serve --allow-origin chrome-extension://fdmmihadpdiagpnhbegaicoandncakno');
    assert.equal(c.copy.textContent, 'Copy');
    assert.equal(c.retry.textContent, 'Try again');
  });

  it('a server detail with markup stays text', () => {
    const doc = popupDocument();
    const box = doc.getElementById('message');
    renderMessage(doc, box, messageFor({ kind: 'busy', problem: { detail: EVIL } }, ctx));
    assert.equal(box.querySelectorAll('img, script, b').length, 0);
    assert.ok(box.textContent.includes(EVIL));
  });
});
