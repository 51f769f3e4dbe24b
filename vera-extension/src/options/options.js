// The options page: the server's address (tested at once: does it answer, with which model, does
// it accept this extension), the analyst's token and name, and the sites checked automatically.
import { isLoopbackServer, normalizeServer, serverPermission, VeraClient } from '../lib/api.js';
import { allowOriginCommand, messageFor } from '../lib/messages.js';
import { getSettings, setSettings, sitePermissions } from '../lib/settings.js';
import { clear, el, pct } from '../popup/render.js';

const $ = (id) => document.getElementById(id);
const serverIn = $('server');
const state = $('server-state');
const origin = `chrome-extension://${chrome.runtime.id}`;

function box(cls, title, detail) {
  const b = el(document, 'div', cls);
  b.appendChild(el(document, 'strong', null, title));
  if (detail) b.appendChild(el(document, 'span', null, detail));
  return b;
}

function commandBlock(text) {
  const pre = el(document, 'pre', 'command', text);
  pre.tabIndex = 0;
  return pre;
}

async function test(base, token) {
  clear(state);
  state.appendChild(el(document, 'p', 'help', `Asking ${base}\u2026`));
  const client = new VeraClient(base, token);
  let card;
  let health = null;
  try {
    card = await client.model();
    health = await client.health().catch(() => null);
  } catch (e) {
    const m = messageFor(e, { server: base, extensionId: chrome.runtime.id });
    clear(state);
    const b = box('bad', '\u2716 ' + m.title, m.detail);
    state.appendChild(b);
    if (m.command) state.appendChild(commandBlock(m.command));
    return;
  }
  clear(state);
  const ok = box('ok', `\u2714 The server answers: model ${card.model_id}`, null);
  const dl = el(document, 'dl', 'card-facts');
  const row = (k, v) => {
    if (v === undefined || v === null || v === '') return;
    dl.appendChild(el(document, 'dt', null, k));
    dl.appendChild(el(document, 'dd', null, String(v)));
  };
  row('Model', card.name ? `${card.name} (${card.model_id})` : card.model_id);
  row('Created', card.created_at);
  row('Vera', card.vera_version);
  const d = card.training_data || {};
  if (d.train_articles) row('Trained on', `${d.train_articles} articles${d.train_fake ? ` (${d.train_fake} fake)` : ''}`);
  if (card.test && typeof card.test.accuracy === 'number') {
    row('Test set', `${card.test.n} articles: accuracy ${card.test.accuracy.toFixed(3)}` +
      (typeof card.test.macro_f1 === 'number' ? `, macro-F1 ${card.test.macro_f1.toFixed(3)}` : ''));
  }
  if (card.parameters && typeof card.parameters.threshold === 'number') row('Threshold', pct(card.parameters.threshold));
  const needs = (health && health.auth && health.auth.token_required_for) || [];
  row('Token', needs.length ? `needed for ${needs.join(', ')}` : 'not needed');
  ok.appendChild(dl);
  state.appendChild(ok);
  let accepted;
  try {
    accepted = await client.originAccepted();
  } catch (e) {
    accepted = 'unknown';
  }
  if (accepted === 'allowed') {
    state.appendChild(box('ok', '\u2714 It accepts this extension', `Articles you check are sent to ${base}.`));
  } else if (accepted === 'refused') {
    state.appendChild(box('bad', '\u2716 It refuses this extension',
      'The server answers only pages and extensions it was told to trust. Start it with this extension\u2019s origin allowed:'));
    state.appendChild(commandBlock(allowOriginCommand(chrome.runtime.id, base)));
  } else if (accepted === 'token') {
    state.appendChild(box('warn', 'A token is needed to check articles here',
      token ? 'The server did not accept the token below.' : 'Paste your analyst\u2019s token below.'));
  }
}

async function saveServer(ev) {
  ev.preventDefault();
  let base;
  try {
    base = normalizeServer(serverIn.value);
  } catch (e) {
    clear(state);
    state.appendChild(box('bad', '\u2716 ' + e.message, null));
    serverIn.focus();
    return;
  }
  if (!isLoopbackServer(base)) {
    // Asked in the click itself, as the browser requires: access to the server's host only.
    let granted = false;
    try {
      granted = await chrome.permissions.request({ origins: [serverPermission(base)] });
    } catch (e) {
      granted = false;
    }
    if (!granted) {
      clear(state);
      state.appendChild(box('bad', '\u2716 Not saved', `The browser must let the extension reach ${new URL(base).host}; nothing else is asked for.`));
      return;
    }
  }
  serverIn.value = base;
  await setSettings({ server: base });
  $('privacy-server').textContent = base;
  const { token } = await getSettings();
  await test(base, token);
}

async function saveAnalyst(ev) {
  ev.preventDefault();
  const token = $('token').value.trim();
  if (token && /\s/.test(token)) {
    $('analyst-state').textContent = 'Paste the whole token: one word starting with vera_, as vera token add printed it.';
    return;
  }
  await setSettings({ token, analyst: $('analyst').value.trim(), useSource: $('use-source').checked });
  $('analyst-state').textContent = token ? 'Saved. The token is sent only to ' + serverIn.value + '.' : 'Saved.';
}

function listSites(sites) {
  const ul = $('sites');
  clear(ul);
  if (!sites.length) {
    ul.appendChild(el(document, 'li', 'help', 'No site: every check starts with your click.'));
    return;
  }
  for (const site of sites) {
    const li = el(document, 'li');
    li.appendChild(el(document, 'span', null, site));
    const b = el(document, 'button', 'secondary', 'Stop');
    b.type = 'button';
    b.setAttribute('aria-label', `Stop checking ${site} automatically`);
    b.addEventListener('click', async () => {
      for (const scheme of ['https', 'http']) {
        await chrome.permissions.remove({ origins: sitePermissions(site, scheme) }).catch(() => false);
      }
      const { autoSites } = await getSettings();
      const left = autoSites.filter((s) => s !== site);
      await setSettings({ autoSites: left });
      listSites(left);
    });
    li.appendChild(b);
    ul.appendChild(li);
  }
}

async function main() {
  const s = await getSettings();
  serverIn.value = s.server;
  $('token').value = s.token;
  $('analyst').value = s.analyst;
  $('use-source').checked = !!s.useSource;
  $('privacy-server').textContent = s.server;
  $('origin').textContent = origin;
  listSites(s.autoSites);
  $('server-form').addEventListener('submit', saveServer);
  $('analyst-form').addEventListener('submit', saveAnalyst);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.autoSites) listSites(changes.autoSites.newValue || []);
  });
  await test(normalizeServer(s.server), s.token);
}

main();
