// Vera's API as the extension uses it: only the configured server, never with cookies, and each
// failure sorted into one of a few kinds the popup and the options page explain.

export const DEFAULT_SERVER = 'http://127.0.0.1:8080';
const TIMEOUT_MS = 30000;

/** A failure the user is told about: kind is what happened, problem the server's answer if any. */
export class VeraError extends Error {
  constructor(kind, message, extra = {}) {
    super(message);
    this.name = 'VeraError';
    this.kind = kind;
    Object.assign(this, extra);
  }
}

/**
 * The server's base URL from what the user typed: http(s) only, no credentials, query or
 * fragment, no trailing slash ("127.0.0.1:8080" becomes "http://127.0.0.1:8080").
 */
export function normalizeServer(input) {
  let s = String(input || '').trim();
  if (!s) return DEFAULT_SERVER;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = 'http://' + s;
  let u;
  try {
    u = new URL(s);
  } catch (e) {
    throw new VeraError('bad-server', `"${input}" is not a web address`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new VeraError('bad-server', 'The server address must start with http:// or https://');
  }
  if (u.username || u.password) {
    throw new VeraError('bad-server', 'Leave the user name and password out of the server address');
  }
  return (u.origin + u.pathname).replace(/\/+$/, '');
}

/** The match pattern of the host permission a server needs (any port of its host). */
export function serverPermission(base) {
  const u = new URL(base);
  return `${u.protocol}//${u.hostname}/*`;
}

/** Whether the manifest already grants the server's host (127.0.0.1 and localhost). */
export function isLoopbackServer(base) {
  const h = new URL(base).hostname;
  return h === '127.0.0.1' || h === 'localhost';
}

function timeoutSignal(ms) {
  const c = new AbortController();
  const t = setTimeout(() => c.abort(), ms);
  return { signal: c.signal, done: () => clearTimeout(t) };
}

export class VeraClient {
  /**
   * @param base the server's base URL (normalizeServer)
   * @param token the analyst's token, sent as Authorization: Bearer when given
   * @param fetchImpl fetch (the tests pass their own)
   */
  constructor(base, token = '', fetchImpl = globalThis.fetch.bind(globalThis)) {
    this.base = normalizeServer(base);
    this.token = token || '';
    this.fetch = fetchImpl;
  }

  async request(method, path, body, { timeoutMs = TIMEOUT_MS } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.token) headers.Authorization = 'Bearer ' + this.token;
    const t = timeoutSignal(timeoutMs);
    let resp;
    try {
      resp = await this.fetch(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
        referrerPolicy: 'no-referrer',
        signal: t.signal
      });
    } catch (e) {
      if (t.signal.aborted) {
        throw new VeraError('timeout', `No answer from ${this.base} within ${Math.round(timeoutMs / 1000)} s`);
      }
      throw new VeraError('unreachable', `Nothing answers at ${this.base}`, { cause: e });
    } finally {
      t.done();
    }
    const text = await resp.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (e) {
      data = null;
    }
    if (!resp.ok) throw problemError(resp.status, data, this.base);
    if (data === null || typeof data !== 'object') {
      throw new VeraError('not-vera', `${this.base} answered, but not as a Vera server does`);
    }
    return { status: resp.status, data };
  }

  /** GET /api/v1/model: the model card. */
  async model() {
    return (await this.request('GET', '/api/v1/model', undefined, { timeoutMs: 8000 })).data;
  }

  /** GET /api/v1/health: status and who may call what. */
  async health() {
    return (await this.request('GET', '/api/v1/health', undefined, { timeoutMs: 8000 })).data;
  }

  /**
   * Whether the server answers this extension's writes: an empty check, which the server refuses
   * (400) after its origin check (403) and token check (401) but before scoring anything.
   * @returns 'allowed' | 'refused' | 'token'
   */
  async originAccepted() {
    try {
      await this.request('POST', '/api/v1/check', {}, { timeoutMs: 8000 });
      return 'allowed';
    } catch (e) {
      if (e.kind === 'origin-refused') return 'refused';
      if (e.kind === 'token') return 'token';
      if (e.kind === 'server' && e.status >= 400 && e.status < 500) return 'allowed';
      throw e;
    }
  }

  /** POST /api/v1/check with explain: the verdict, its reasons and sentences. */
  async check(article, { useSource = false } = {}) {
    const body = { title: article.title, text: article.text, explain: true, use_source: !!useSource };
    if (article.date) body.date = article.date;
    if (article.url) body.url = article.url;
    return (await this.request('POST', '/api/v1/check', body)).data;
  }

  /** POST /api/v1/feedback: the analyst's correction of the verdict shown. */
  async feedback(article, label, { note = '', analyst = '', useSource = false } = {}) {
    const a = {};
    for (const k of ['title', 'text', 'date', 'url', 'source']) {
      if (article[k] !== undefined && article[k] !== null && article[k] !== '') a[k] = article[k];
    }
    const body = { article: a, label, use_source: !!useSource };
    if (note) body.note = note;
    // With a token the server takes the analyst from it and refuses another name.
    if (analyst && !this.token) body.analyst = analyst;
    return (await this.request('POST', '/api/v1/feedback', body)).data;
  }
}

/** The kind of a refusal, from the server's problem (application/problem+json). */
export function problemError(status, problem, base) {
  const p = problem && typeof problem === 'object' ? problem : {};
  const type = String(p.type || '').replace(/^urn:vera:problem:/, '');
  const extra = { status, type, problem: p };
  const title = p.title || `The server answered ${status}`;
  if (status === 403 && type === 'origin-refused') return new VeraError('origin-refused', title, extra);
  if (status === 401 || type === 'token-required' || type === 'token-invalid') {
    return new VeraError('token', title, extra);
  }
  if (status === 413 && (type === 'article-too-large' || type === 'body-too-large')) {
    return new VeraError('too-large', title, extra);
  }
  if (status === 429 || status === 503) return new VeraError('busy', title, extra);
  if (status === 421) return new VeraError('wrong-host', title, extra);
  if (!p.type && status === 404) {
    return new VeraError('not-vera', `${base} answered, but not as a Vera server does`, extra);
  }
  return new VeraError('server', title, extra);
}
