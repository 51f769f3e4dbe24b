// The service worker: checks a tab's article when the popup asks (the user clicked the toolbar
// button) or, on sites the user opted in, when a page has loaded; keeps the last verdict per tab
// (session storage and the toolbar badge); marks and unmarks the page; stores corrections.
import { VeraClient, VeraError } from '../lib/api.js';
import { highlightPlan, HIGHLIGHT_CSS } from '../lib/highlight.js';
import { MAX_ARTICLE_BYTES } from '../lib/limits.js';
import { getSettings, schemeOf, setSettings, siteOf } from '../lib/settings.js';
import { badgeFor } from '../popup/render.js';

const key = (tabId) => 'tab:' + tabId;

async function cached(tabId) {
  const k = key(tabId);
  return (await chrome.storage.session.get(k))[k] || null;
}

async function remember(tabId, entry) {
  await chrome.storage.session.set({ [key(tabId)]: entry });
}

async function setBadge(tabId, verdict) {
  const b = badgeFor(verdict);
  await Promise.all([
    chrome.action.setBadgeText({ tabId, text: b.text }),
    chrome.action.setBadgeBackgroundColor({ tabId, color: b.color }),
    chrome.action.setBadgeTextColor ? chrome.action.setBadgeTextColor({ tabId, color: '#ffffff' }) : null,
    chrome.action.setTitle({ tabId, title: b.title })
  ]);
}

async function inject(tabId, file) {
  try {
    await chrome.scripting.executeScript({ target: { tabId }, files: [file] });
  } catch (e) {
    throw new VeraError('cannot-read', 'Vera cannot read this page', { cause: e });
  }
}

async function run(tabId, func, args = []) {
  const [r] = await chrome.scripting.executeScript({ target: { tabId }, func, args });
  return r ? r.result : undefined;
}

/** Reads the tab's article and sends it to the server; the verdict is remembered for the tab. */
async function check(tabId, { automatic = false } = {}) {
  const tab = await chrome.tabs.get(tabId);
  const settings = await getSettings();
  await inject(tabId, 'content/extract.js');
  const ex = await run(tabId, () => globalThis.__veraExtract());
  if (!ex) throw new VeraError('cannot-read', 'Vera cannot read this page');
  if (!ex.ok) throw new VeraError(ex.reason, ex.reason, { chars: ex.chars });
  if (ex.bytes > MAX_ARTICLE_BYTES) {
    throw new VeraError('too-large', 'This article is too long for Vera', { bytes: ex.bytes, limit: MAX_ARTICLE_BYTES });
  }
  const client = new VeraClient(settings.server, settings.token);
  const verdict = await client.check(ex.article, { useSource: settings.useSource });
  const entry = {
    url: tab.url || '',
    at: Date.now(),
    server: client.base,
    article: ex.article,
    verdict,
    automatic,
    highlighted: false
  };
  await remember(tabId, entry);
  await setBadge(tabId, verdict);
  return entry;
}

async function highlight(tabId, on) {
  const entry = await cached(tabId);
  if (!entry) throw new VeraError('stale', 'Check the page first');
  if (on) {
    await chrome.scripting.insertCSS({ target: { tabId }, css: HIGHLIGHT_CSS, origin: 'USER' });
    await inject(tabId, 'content/highlight.js');
    const found = await run(tabId, (plan) => globalThis.__veraHighlight.apply(plan), [highlightPlan(entry.verdict, entry.article)]);
    entry.highlighted = true;
    await remember(tabId, entry);
    return { highlighted: true, found };
  }
  const removed = await run(tabId, () => (globalThis.__veraHighlight ? globalThis.__veraHighlight.clear() : 0));
  await chrome.scripting.removeCSS({ target: { tabId }, css: HIGHLIGHT_CSS, origin: 'USER' }).catch(() => {});
  entry.highlighted = false;
  await remember(tabId, entry);
  return { highlighted: false, removed };
}

async function feedback(tabId, label, note) {
  const entry = await cached(tabId);
  if (!entry) throw new VeraError('stale', 'Check the page first');
  const settings = await getSettings();
  const client = new VeraClient(settings.server, settings.token);
  return client.feedback(entry.article, label, { note, analyst: settings.analyst, useSource: settings.useSource });
}

async function setAuto(site, on) {
  const { autoSites } = await getSettings();
  const sites = new Set(autoSites);
  if (on) sites.add(site);
  else sites.delete(site);
  await setSettings({ autoSites: [...sites].sort() });
  return { autoSites: [...sites].sort() };
}

function plain(e) {
  const out = { kind: e.kind || 'server', message: e.message || String(e) };
  for (const k of ['status', 'type', 'problem', 'bytes', 'limit', 'chars']) {
    if (e[k] !== undefined) out[k] = e[k];
  }
  return out;
}

async function handle(msg) {
  switch (msg.type) {
    case 'check':
      return { entry: await check(msg.tabId) };
    case 'cached': {
      const entry = await cached(msg.tabId);
      if (entry && entry.highlighted) {
        // The marks may be gone (the page reloaded its content): ask the page.
        const still = await run(msg.tabId, () => !!(globalThis.__veraHighlight && globalThis.__veraHighlight.active()))
          .catch(() => false);
        entry.highlighted = !!still;
      }
      return { entry };
    }
    case 'highlight':
      return highlight(msg.tabId, !!msg.on);
    case 'feedback':
      return { correction: await feedback(msg.tabId, msg.label, msg.note || '') };
    case 'auto':
      return setAuto(msg.site, !!msg.on);
    default:
      throw new VeraError('server', 'unknown request ' + msg.type);
  }
}

chrome.runtime.onMessage.addListener((msg, sender, reply) => {
  // Only the extension's own pages talk to it: content scripts never send messages.
  if (sender.id !== chrome.runtime.id || sender.tab || !msg || typeof msg.type !== 'string') return false;
  handle(msg).then(reply, (e) => reply({ error: plain(e) }));
  return true;
});

chrome.tabs.onRemoved.addListener((tabId) => {
  chrome.storage.session.remove(key(tabId));
});

// Opt-in automatic checks: only for sites the user chose in the popup, and only while the
// browser still grants the extension those sites.
chrome.tabs.onUpdated.addListener(async (tabId, change, tab) => {
  if (change.status !== 'complete' || !tab.url) return;
  const site = siteOf(tab.url);
  if (!site) return;
  const { autoSites } = await getSettings();
  if (!autoSites.includes(site)) return;
  const allowed = await chrome.permissions.contains({ origins: [`${schemeOf(tab.url)}://${new URL(tab.url).hostname}/*`] })
    .catch(() => false);
  if (!allowed) return;
  const prev = await cached(tabId);
  if (prev && prev.url === tab.url) return;
  try {
    await check(tabId, { automatic: true });
  } catch (e) {
    // Not an article, or the server is away: no verdict, and the title says why.
    await chrome.action.setBadgeText({ tabId, text: '' });
    await chrome.action.setTitle({ tabId, title: 'Vera: ' + (e.message || 'no verdict') });
  }
});
