// The extension's settings, in chrome.storage.local (this browser profile only, never synced).
import { DEFAULT_SERVER } from './api.js';

export const DEFAULTS = Object.freeze({
  server: DEFAULT_SERVER,
  token: '',
  analyst: '',
  useSource: false,
  autoSites: []
});

export async function getSettings(storage = chrome.storage.local) {
  const stored = await storage.get(Object.keys(DEFAULTS));
  return { ...DEFAULTS, ...stored };
}

export async function setSettings(patch, storage = chrome.storage.local) {
  await storage.set(patch);
}

/** The site a page belongs to, for the per-site opt-in: its host name without "www.". */
export function siteOf(url) {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return '';
    return u.hostname.replace(/^www\./, '');
  } catch (e) {
    return '';
  }
}

/**
 * The host permissions a site's automatic checks need: its pages with and without "www.", for
 * one scheme ("https", "http") or both ("*").
 */
export function sitePermissions(site, scheme = '*') {
  const named = /[a-z]/i.test(site) && site.includes('.') && !site.includes(':');
  return named ? [`${scheme}://${site}/*`, `${scheme}://www.${site}/*`] : [`${scheme}://${site}/*`];
}

/** The scheme of a page's URL without its colon ("https"), or "*" when there is none. */
export function schemeOf(url) {
  try {
    return new URL(url).protocol.replace(/:$/, '');
  } catch (e) {
    return '*';
  }
}
