// End to end, in real Chromium: the extension loaded unpacked, a real Vera server on one loopback
// port and the article pages on another. The toolbar action is triggered as a click would
// (Chromium's Extensions.triggerAction), so the popup runs with the activeTab grant a user gives.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  EXTENSION_ID, JAR, buildIndex, chromiumAvailable, openPopup, popupOutcome, screenshot, startBrowser, startPages,
  startVera, tempDir
} from './support.js';

const skip = !chromiumAvailable() && 'needs /usr/bin/chromium (apt-get install chromium; .ci/run installs it)';

describe('the extension in Chromium against a Vera server', { skip, timeout: 300000 }, () => {
  let dir, vera, closed, pages, browser, extension, worker;

  before(async () => {
    assert.ok(fs.existsSync(JAR), `the Vera jar is built first (mvn package -pl vera-cli): ${JAR}`);
    dir = tempDir('e2e');
    const index = buildIndex(dir);
    // The server that allows the extension (with claims and a fact-check index), and one that does not.
    [vera, closed] = await Promise.all([
      startVera(['--allow-origin', `chrome-extension://${EXTENSION_ID}`, '--index', index, '--min-score', '2.5'], dir),
      startVera([], tempDir('e2e-closed'))
    ]);
    const big = '<p>' + 'The committee met again on Thursday to discuss the budget in detail. '.repeat(16000) + '</p>';
    pages = await startPages({
      'huge-article.html': `<!doctype html><html><head><title>A very long report</title></head><body><article><h1>A very long report</h1>${big}</article></body></html>`,
      'ledger-copy.html': fs.readFileSync(new URL('../pages/ledger-wire-report.html', import.meta.url), 'utf8')
    });
    ({ browser, extension } = await startBrowser(path.join(dir, 'profile')));
    assert.equal(extension.id, EXTENSION_ID, 'the manifest key fixes the extension id');
    const swTarget = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().includes(EXTENSION_ID));
    worker = await swTarget.worker();
  });

  after(async () => {
    await browser?.close();
    await Promise.all([vera?.stop(), closed?.stop(), pages?.stop()]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function setServer(url) {
    await worker.evaluate((u) => chrome.storage.local.set({ server: u }), url);
  }

  async function checkPage(name, shot) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(pages.url(name), { waitUntil: 'load' });
    const popup = await openPopup(browser, extension, page);
    const outcome = await popupOutcome(popup);
    if (shot) await screenshot(popup, shot, { popup: true });
    return { page, popup, outcome };
  }

  it('options page: the server answers with its model and accepts the extension', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 900, height: 900 });
    await page.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    await page.$eval('#server', (e) => { e.value = ''; });
    await page.type('#server', vera.url);
    await page.click('#server-form button[type=submit]');
    await page.waitForFunction(() => /accepts this extension|refuses/.test(document.getElementById('server-state').textContent),
      { timeout: 20000 });
    const state = await page.$eval('#server-state', (e) => e.textContent);
    assert.match(state, /The server answers: model vera-/);
    assert.match(state, /It accepts this extension/);
    const stored = await worker.evaluate(() => chrome.storage.local.get('server'));
    assert.equal(stored.server, vera.url);
    await screenshot(page, 'options.png');
    await page.close();
  });

  it('a news article: verdict in the popup, badge on the tab, marks in the page and away again', async () => {
    const { page, popup, outcome } = await checkPage('ledger-wire-report.html', 'popup-verdict.png');
    assert.equal(outcome.kind, 'verdict', JSON.stringify(outcome));
    const shown = await popup.evaluate(() => ({
      heading: document.getElementById('verdict-heading').textContent,
      mark: document.querySelector('.verdict .mark').textContent,
      gauge: document.querySelector('.gauge').getAttribute('aria-valuenow'),
      sub: document.querySelector('.verdict .sub').textContent,
      phrases: document.querySelectorAll('.phrases li .chip').length,
      sentences: document.querySelectorAll('.sentences li').length,
      source: document.querySelector('.source').textContent,
      claims: document.querySelector('.claims')?.textContent || '',
      focused: document.activeElement && document.activeElement.id
    }));
    assert.match(shown.heading, /^Likely (credible|fake)$/);
    assert.equal(shown.mark, shown.heading === 'Likely fake' ? '\u2716' : '\u2714');
    assert.match(shown.sub, /^P\(fake\) \d+\.\d% · threshold \d+\.\d%/);
    assert.ok(shown.phrases > 0 && shown.sentences > 0, JSON.stringify(shown));
    assert.match(shown.source, /Source evidence/);
    assert.match(shown.claims, /Ledger Check/, 'the fact-check matched to the article\u2019s claim');
    assert.equal(shown.focused, 'verdict-heading', 'the verdict has the keyboard focus');

    // The same article through the API directly gives the same probability.
    const sent = await worker.evaluate(async () => Object.values(await chrome.storage.session.get(null))[0]);
    assert.equal(sent.article.title, 'City council approves bridge repair budget after two-year delay');
    assert.equal(sent.article.date, '2024-03-12');
    assert.equal(sent.article.url, 'https://www.dailyledger.example/news/2024/03/12/city-council-bridge-repair-budget');
    assert.match(shown.sub, new RegExp(`^P\\(fake\\) ${(Math.round(sent.verdict.probability_fake * 1000) / 10).toFixed(1)}%`));

    const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0].id, pages.url('ledger-wire-report.html'));
    const badge = await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    assert.equal(badge, (sent.verdict.label === 'fake' ? '\u2716' : '\u2714') + Math.round(sent.verdict.probability_fake * 100));

    const before = await page.evaluate(() => document.body.innerHTML);
    await popup.click('#show-in-page');
    await page.waitForSelector('mark[data-vera-highlight]', { timeout: 10000 });
    const marks = await page.evaluate(() => ({
      phrases: document.querySelectorAll('mark[data-vera-highlight=phrase]').length,
      sentences: document.querySelectorAll('mark[data-vera-highlight=sentence]').length,
      colours: [...new Set([...document.querySelectorAll('mark[data-vera-highlight=phrase]')]
        .map((m) => getComputedStyle(m).backgroundColor))]
    }));
    assert.ok(marks.phrases >= 1, 'at least one phrase is marked in the page');
    assert.ok(marks.sentences >= 1, 'at least one sentence is marked in the page');
    assert.ok(marks.colours.every((c) => c === 'rgb(253, 228, 216)' || c === 'rgb(211, 241, 236)'), marks.colours.join());
    await popup.waitForFunction(() => document.getElementById('show-in-page').textContent === 'Hide in page');
    await screenshot(page, 'page-highlighted.png');
    await screenshot(popup, 'popup-after-show-in-page.png', { popup: true });

    await popup.click('#show-in-page');
    await page.waitForFunction(() => !document.querySelector('mark[data-vera-highlight]'), { timeout: 10000 });
    assert.equal(await page.evaluate(() => document.body.innerHTML), before, 'the page is as it was');

    // Keyboard: Tab reaches "Show in page" and Enter marks the page again.
    await popup.focus('#show-in-page');
    await popup.keyboard.press('Enter');
    await page.waitForSelector('mark[data-vera-highlight]', { timeout: 10000 });
    await popup.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('mark[data-vera-highlight]'), { timeout: 10000 });

    // "Vera got this wrong": the correction is stored on the server.
    await popup.click('#wrong');
    await popup.type('#correction-note', 'A wire report <b>not</b> a rumour');
    await popup.click('#send-correction');
    await popup.waitForFunction(() => /correction #\d+ stored/.test(document.getElementById('correction-ack').textContent),
      { timeout: 20000 });
    const ack = await popup.$eval('#correction-ack', (e) => e.textContent);
    assert.match(ack, /Thank you, e2e: correction #1 stored on 127\.0\.0\.1:\d+/);
    await popup.close();

    // Opening the popup again shows the verdict it has for this page, without a second request.
    const again = await openPopup(browser, extension, page);
    assert.equal((await popupOutcome(again)).kind, 'verdict');
    await again.close();
    await page.close();
  });

  it('a site the user opted in is checked when its pages load', async () => {
    const { page, popup, outcome } = await checkPage('gazette-celebrity-rumor.html', 'popup-rumor.png');
    assert.equal(outcome.kind, 'verdict');
    await popup.click('#auto-check');
    await popup.waitForFunction(() => /now checked when they load/.test(document.getElementById('status').textContent));
    const { autoSites } = await worker.evaluate(() => chrome.storage.local.get('autoSites'));
    assert.deepEqual(autoSites, ['127.0.0.1']);
    await popup.close();
    await page.close();

    const other = await browser.newPage();
    await other.goto(pages.url('ledger-copy.html'), { waitUntil: 'load' });
    const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0].id, pages.url('ledger-copy.html'));
    let badge = '';
    for (let i = 0; i < 100 && !badge; i++) {
      await new Promise((r) => setTimeout(r, 200));
      badge = await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    }
    assert.match(badge, /^[\u2714\u2716]\d+$/, 'the badge shows the verdict without a click');
    await other.close();
    await worker.evaluate(() => chrome.storage.local.set({ autoSites: [] }));
  });

  it('messages: not an article, a paywall teaser, an article over the size limit', async () => {
    const none = await checkPage('section-front.html', 'popup-no-article.png');
    assert.equal(none.outcome.kind, 'message');
    assert.equal(none.outcome.title, 'No article on this page');
    await none.popup.close();
    await none.page.close();

    const teaser = await checkPage('paywall-stub.html');
    assert.equal(teaser.outcome.title, 'Too little article text');
    assert.match(teaser.outcome.text, /paywall/);
    await teaser.popup.close();
    await teaser.page.close();

    const huge = await checkPage('huge-article.html', 'popup-too-long.png');
    assert.equal(huge.outcome.title, 'This article is too long for Vera');
    assert.match(huge.outcome.text, /1\.\d\d MB; the server reads at most 1\.00 MB\. Nothing was sent\./);
    await huge.popup.close();
    await huge.page.close();
  });

  it('messages: a server that refuses the extension\u2019s origin, and no server at all', async () => {
    await setServer(closed.url);
    const refused = await checkPage('ledger-wire-report.html', 'popup-origin-refused.png');
    assert.equal(refused.outcome.title, 'The server refuses this extension');
    assert.match(refused.outcome.text, new RegExp(`--allow-origin chrome-extension://${EXTENSION_ID}`));
    await refused.popup.close();
    await refused.page.close();

    // Nothing listens on the port the closed server had once it stops.
    await closed.stop();
    const unreachable = await checkPage('ledger-wire-report.html', 'popup-unreachable.png');
    assert.equal(unreachable.outcome.title, 'Vera\u2019s server does not answer');
    assert.match(unreachable.outcome.text, new RegExp(`Nothing answers at http://127\\.0\\.0\\.1:${closed.port}`));
    await unreachable.popup.close();
    await unreachable.page.close();
    await setServer(vera.url);
  });
});
