// What the end-to-end test runs against: a real Vera server (the built vera-cli jar) and a page
// server, both on 127.0.0.1 with ports the system picks, and Debian's Chromium with the built
// extension loaded unpacked (new headless mode; Puppeteer drives it, no browser is downloaded).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const MODULE = path.resolve(here, '../..');
export const CHROMIUM = process.env.VERA_CHROMIUM || '/usr/bin/chromium';
export const JAR = process.env.VERA_JAR || path.resolve(MODULE, '../vera-cli/target/vera.jar');
export const EXTENSION = process.env.VERA_EXTENSION_DIR || path.join(MODULE, 'target/extension');
export const OUTPUT = process.env.VERA_TEST_OUTPUT || path.join(MODULE, 'target');
/** Fixed by the manifest's public key: the same on every machine. */
export const EXTENSION_ID = 'fdmmihadpdiagpnhbegaicoandncakno';

export function tempDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `vera-ext-${name}-`));
}

/** A fact-check index of a few records written here, so that the popup shows matches. */
export function buildIndex(dir) {
  const records = path.join(dir, 'factchecks.jsonl');
  fs.writeFileSync(records, [
    { id: 'lc-1', claim: 'The council approved $14.2 million for repairs to the Elm Street bridge after a two-year dispute.', verdict: 'true', publisher: 'Ledger Check', date: '2024-03-20', url: 'https://check.example/elm-street-bridge-budget' },
    { id: 'lc-2', claim: 'A state inspection rated the Elm Street bridge deck in poor condition.', verdict: 'mostly-true', publisher: 'Ledger Check', date: '2024-03-21', url: 'https://check.example/elm-street-bridge-inspection' },
    { id: 'rw-1', claim: 'Hollywood\'s golden couple signed an ironclad prenup before the wedding.', verdict: 'unproven', publisher: 'Rumor Watch', date: '2018-03-20' }
  ].map((r) => JSON.stringify(r)).join('\n') + '\n');
  const out = path.join(dir, 'index');
  const r = spawnSync('java', ['-jar', JAR, 'index', 'build', '--factchecks', records, '--out', out, '--no-embeddings'],
    { encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) throw new Error(`vera index build failed: ${r.stderr || r.stdout}`);
  return out;
}

/** Starts `vera serve --port 0 ARGS…` and resolves once it prints its address. */
export function startVera(args, dir) {
  return new Promise((resolve, reject) => {
    const p = spawn('java', ['-Xmx512m', '-jar', JAR, 'serve', '--port', '0', '--feedback-db', path.join(dir, 'feedback.db'), ...args],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VERA_ANALYST: 'e2e' } });
    let out = '';
    const timer = setTimeout(() => {
      p.kill();
      reject(new Error('vera serve did not start within 60 s:\n' + out));
    }, 60000);
    const read = (d) => {
      out += d;
      const m = /vera serve: http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          port: +m[1],
          url: `http://127.0.0.1:${m[1]}`,
          output: () => out,
          stop: () => new Promise((done) => {
            if (p.exitCode !== null) return done();
            p.once('exit', done);
            p.kill('SIGTERM');
          })
        });
      }
    };
    p.stdout.on('data', read);
    p.stderr.on('data', read);
    p.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vera serve exited (${code}):\n${out}`));
    });
  });
}

/** Serves test/pages/ and pages made here, on 127.0.0.1. */
export async function startPages(extra = {}) {
  const dir = path.join(MODULE, 'test/pages');
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname.slice(1));
    let body = extra[name];
    if (body === undefined && /^[\w.-]+\.html$/.test(name) && fs.existsSync(path.join(dir, name))) {
      body = fs.readFileSync(path.join(dir, name), 'utf8');
    }
    if (body === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  return { url: (name) => `http://127.0.0.1:${port}/${name}`, stop: () => new Promise((r) => server.close(r)) };
}

/** Chromium with a fresh profile and the built extension; resolves {browser, extension}. */
export async function startBrowser(profile) {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    enableExtensions: true,
    userDataDir: profile,
    defaultViewport: null,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic',
      // Chromium calls Google's hosts without these; this machine's network refuses them.
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--window-size=1200,900'
    ]
  });
  const id = await browser.installExtension(EXTENSION);
  const extension = (await browser.extensions()).get(id);
  return { browser, extension, id };
}

/** The page of the popup the toolbar button opened (the action is triggered for page). */
export async function openPopup(browser, extension, page) {
  await page.bringToFront();
  await page.triggerExtensionAction(extension);
  const target = await browser.waitForTarget((t) => t.url().startsWith(`chrome-extension://${extension.id}/popup.html`),
    { timeout: 15000 });
  const popup = await target.asPage();
  return popup;
}

/** Waits for the popup to show a verdict or a message; returns which. */
export async function popupOutcome(popup) {
  await popup.waitForFunction(
    () => !document.getElementById('result').hidden || !document.getElementById('message').hidden,
    { timeout: 60000, polling: 100 });
  return popup.evaluate(() => {
    const result = document.getElementById('result');
    const message = document.getElementById('message');
    return result.hidden
      ? { kind: 'message', className: message.className, title: message.querySelector('h1').textContent, text: message.textContent }
      : { kind: 'verdict', text: result.textContent };
  });
}

/**
 * Screenshots under target/screenshots/: a page whole; a popup as it opens (NAME.png) and, when
 * its content is longer than the popup, as the user scrolls through it (NAME-2.png, NAME-3.png…).
 */
export async function screenshot(page, name, { popup = false } = {}) {
  const dir = path.join(OUTPUT, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  if (!popup) {
    await page.screenshot({ path: file, fullPage: true });
    return file;
  }
  const { total, view } = await page.evaluate(() => ({
    total: document.documentElement.scrollHeight,
    view: window.innerHeight
  }));
  const at = await page.evaluate(() => window.scrollY);
  for (let i = 0, y = 0; y < total && i < 6; i++, y += view - 60) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.screenshot({ path: i === 0 ? file : file.replace(/\.png$/, `-${i + 1}.png`) });
    if (y + view >= total) break;
  }
  await page.evaluate((top) => window.scrollTo(0, top), at);
  return file;
}

export function chromiumAvailable() {
  return fs.existsSync(CHROMIUM);
}
