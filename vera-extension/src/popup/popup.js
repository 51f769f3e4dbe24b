// The popup: opened by the toolbar button (or its shortcut), it asks the service worker to check
// the tab's article (or shows the verdict it already has for this page) and wires the controls.
import { messageFor } from '../lib/messages.js';
import { getSettings, schemeOf, siteOf, sitePermissions } from '../lib/settings.js';
import { renderMessage, renderVerdict } from './render.js';

const $ = (id) => document.getElementById(id);
const status = $('status');
const message = $('message');
const result = $('result');
let tab = null;
let settings = null;

function ask(msg) {
  return chrome.runtime.sendMessage(msg).then((r) => {
    if (!r) throw Object.assign(new Error('no answer from the extension'), { kind: 'server' });
    if (r.error) throw r.error;
    return r;
  });
}

function hostOf(url) {
  try {
    return new URL(url).host;
  } catch (e) {
    return url;
  }
}

function showFailure(failure) {
  result.hidden = true;
  status.textContent = '';
  const m = messageFor(failure, { server: settings.server, extensionId: chrome.runtime.id });
  const c = renderMessage(document, message, m);
  c.retry.addEventListener('click', check);
  if (c.options) c.options.addEventListener('click', () => chrome.runtime.openOptionsPage());
  if (c.copy) {
    c.copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(m.command);
        c.copy.textContent = 'Copied';
      } catch (e) {
        c.copy.textContent = 'Select and copy';
      }
    });
  }
  c.heading.focus();
}

function show(entry) {
  message.hidden = true;
  status.textContent = entry.automatic ? 'Checked automatically when the page loaded.' : '';
  const site = siteOf(entry.url || tab.url || '');
  const c = renderVerdict(document, result, {
    ...entry,
    site,
    autoCheck: settings.autoSites.includes(site),
    checkedAt: entry.at
  });
  result.hidden = false;
  let highlighted = !!entry.highlighted;

  c.showInPage.addEventListener('click', async () => {
    c.showInPage.disabled = true;
    try {
      const r = await ask({ type: 'highlight', tabId: tab.id, on: !highlighted });
      highlighted = r.highlighted;
      c.showInPage.textContent = highlighted ? 'Hide in page' : 'Show in page';
      c.showInPage.setAttribute('aria-pressed', String(highlighted));
      status.textContent = highlighted
        ? (r.found && r.found.marks
          ? `Marked ${r.found.phrases} phrase${r.found.phrases === 1 ? '' : 's'} and ${r.found.sentences} sentence${r.found.sentences === 1 ? '' : 's'} in the page.`
          : 'Nothing to mark was found in the page.')
        : 'Marks removed from the page.';
    } catch (e) {
      status.textContent = e.kind === 'cannot-read' || e.kind === 'stale'
        ? 'The page changed since it was checked: check again.'
        : 'Could not mark the page: ' + (e.message || e);
    } finally {
      c.showInPage.disabled = false;
      c.showInPage.focus();
    }
  });
  c.recheck.addEventListener('click', check);
  c.wrong.addEventListener('click', () => {
    const open = c.correction.hidden;
    c.correction.hidden = !open;
    c.wrong.setAttribute('aria-expanded', String(open));
    if (open) c.note.focus();
  });
  c.correction.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    c.send.disabled = true;
    c.ack.hidden = false;
    c.ack.className = 'ack';
    c.ack.textContent = 'Storing\u2026';
    try {
      const { correction: k } = await ask({ type: 'feedback', tabId: tab.id, label: c.send.dataset.label, note: c.note.value.trim() });
      c.ack.className = 'ack ok';
      c.ack.textContent = `Thank you, ${k.analyst}: correction #${k.id} stored on ${hostOf(settings.server)}. ` +
        `Vera said ${k.model_label === 'fake' ? 'fake' : 'credible'}, you said ${k.label === 'fake' ? 'fake' : 'credible'}.`;
      c.correction.hidden = true;
      c.wrong.setAttribute('aria-expanded', 'false');
      c.wrong.disabled = true;
    } catch (e) {
      const m = messageFor(e, { server: settings.server, extensionId: chrome.runtime.id });
      c.ack.className = 'ack err';
      c.ack.textContent = `Not stored. ${m.title}${m.command ? ': ' + m.command : ''}. ${m.kind === 'token' ? m.detail : ''}`.trim();
      c.send.disabled = false;
    }
  });
  if (c.auto) {
    c.auto.addEventListener('change', async () => {
      const on = c.auto.checked;
      try {
        if (on) {
          // Asked here, in the click: the browser shows its own prompt for the site.
          const origins = sitePermissions(site, schemeOf(entry.url || tab.url));
          const granted = (await chrome.permissions.contains({ origins })) || (await chrome.permissions.request({ origins }));
          if (!granted) {
            c.auto.checked = false;
            status.textContent = `Not allowed: pages of ${site} are checked only when you click.`;
            return;
          }
        } else {
          // The manifest's own hosts (127.0.0.1, localhost) cannot be given back: that is refused.
          await chrome.permissions.remove({ origins: sitePermissions(site, schemeOf(entry.url || tab.url)) }).catch(() => false);
        }
        settings.autoSites = (await ask({ type: 'auto', site, on })).autoSites;
        status.textContent = on
          ? `Pages of ${site} are now checked when they load (sent to ${hostOf(settings.server)}).`
          : `Pages of ${site} are checked only when you click.`;
      } catch (e) {
        c.auto.checked = !on;
        status.textContent = 'Could not change it: ' + (e.message || e);
      }
    });
  }
  c.heading.focus();
}

async function check() {
  message.hidden = true;
  result.hidden = true;
  status.textContent = 'Reading the article and asking Vera\u2026';
  document.body.setAttribute('aria-busy', 'true');
  try {
    const { entry } = await ask({ type: 'check', tabId: tab.id });
    show(entry);
  } catch (e) {
    showFailure(e);
  } finally {
    document.body.removeAttribute('aria-busy');
  }
}

async function main() {
  settings = await getSettings();
  $('server').textContent = hostOf(settings.server);
  $('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
  [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (!tab) {
    showFailure({ kind: 'cannot-read' });
    return;
  }
  const { entry } = await ask({ type: 'cached', tabId: tab.id }).catch(() => ({ entry: null }));
  if (entry && (!tab.url || entry.url === tab.url) && entry.server === settings.server) {
    show(entry);
  } else {
    await check();
  }
}

main();
