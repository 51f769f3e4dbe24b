// jsdom documents for the unit tests: saved pages as a browser would load them (scripts off).
import fs from 'node:fs';
import { JSDOM } from 'jsdom';

export function page(name, url = `https://news.example/${name}`) {
  const html = fs.readFileSync(new URL(`../pages/${name}`, import.meta.url), 'utf8');
  return new JSDOM(html, { url }).window.document;
}

export function html(markup, url = 'https://news.example/article') {
  return new JSDOM(markup, { url }).window.document;
}

/** The popup's own page, as the extension ships it. */
export function popupDocument() {
  const markup = fs.readFileSync(new URL('../../src/popup/popup.html', import.meta.url), 'utf8');
  return new JSDOM(markup, { url: 'chrome-extension://fdmmihadpdiagpnhbegaicoandncakno/popup.html' }).window.document;
}
