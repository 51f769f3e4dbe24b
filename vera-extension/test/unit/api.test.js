import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLoopbackServer, normalizeServer, serverPermission, VeraClient } from '../../src/lib/api.js';
import { allowOriginCommand, messageFor } from '../../src/lib/messages.js';
import { sitePermissions, siteOf } from '../../src/lib/settings.js';

/** A fetch that records its calls and answers as told. */
function fakeFetch(answer) {
  const calls = [];
  const f = async (url, init) => {
    calls.push({ url, init });
    const r = await answer(url, init);
    if (r instanceof Error) throw r;
    return new Response(typeof r.body === 'string' ? r.body : JSON.stringify(r.body), { status: r.status || 200 });
  };
  f.calls = calls;
  return f;
}

const ctx = { server: 'http://127.0.0.1:8080', extensionId: 'fdmmihadpdiagpnhbegaicoandncakno' };

describe('the API client', () => {
  it('server addresses', () => {
    assert.equal(normalizeServer(''), 'http://127.0.0.1:8080');
    assert.equal(normalizeServer('127.0.0.1:9000/'), 'http://127.0.0.1:9000');
    assert.equal(normalizeServer('https://vera.newsroom.example/vera/'), 'https://vera.newsroom.example/vera');
    assert.throws(() => normalizeServer('ftp://x.example'), /http:\/\/ or https:\/\//);
    assert.throws(() => normalizeServer('https://ana:pw@x.example'), /user name and password/);
    assert.equal(serverPermission('https://vera.newsroom.example:8443'), 'https://vera.newsroom.example/*');
    assert.ok(isLoopbackServer('http://127.0.0.1:8080') && isLoopbackServer('http://localhost:1'));
    assert.ok(!isLoopbackServer('https://vera.newsroom.example'));
  });

  it('a check: the article with explain, no cookies, the token as a bearer', async () => {
    const f = fakeFetch(() => ({ body: { label: 'real', probability_fake: 0.1 } }));
    const c = new VeraClient('http://127.0.0.1:8080/', 'vera_tok', f);
    const v = await c.check({ title: 'T', text: 'X', date: '2024-01-02', url: 'https://n.example/a', publisher: 'N' });
    assert.equal(v.label, 'real');
    const { url, init } = f.calls[0];
    assert.equal(url, 'http://127.0.0.1:8080/api/v1/check');
    assert.equal(init.method, 'POST');
    assert.equal(init.credentials, 'omit');
    assert.equal(init.headers['Content-Type'], 'application/json');
    assert.equal(init.headers.Authorization, 'Bearer vera_tok');
    assert.deepEqual(JSON.parse(init.body), { title: 'T', text: 'X', explain: true, use_source: false, date: '2024-01-02', url: 'https://n.example/a' });
  });

  it('a correction: the analyst\u2019s name only without a token', async () => {
    const f = fakeFetch(() => ({ status: 201, body: { id: 1 } }));
    await new VeraClient('http://h:1', '', f).feedback({ title: 'T', text: 'X', date: '' }, 'fake', { note: 'n', analyst: 'ana' });
    assert.deepEqual(JSON.parse(f.calls[0].init.body), { article: { title: 'T', text: 'X' }, label: 'fake', use_source: false, note: 'n', analyst: 'ana' });
    await new VeraClient('http://h:1', 'vera_t', f).feedback({ title: 'T', text: 'X' }, 'real', { analyst: 'ana' });
    assert.equal(JSON.parse(f.calls[1].init.body).analyst, undefined);
  });

  it('failures sorted into what the user is told', async () => {
    const cases = [
      [new TypeError('Failed to fetch'), 'unreachable', 'Vera\u2019s server does not answer'],
      [{ status: 403, body: { type: 'urn:vera:problem:origin-refused', title: 'Origin refused', status: 403, detail: 'x' } }, 'origin-refused', 'The server refuses this extension'],
      [{ status: 401, body: { type: 'urn:vera:problem:token-required', title: 'Token required', status: 401 } }, 'token', 'This server needs an analyst\u2019s token'],
      [{ status: 413, body: { type: 'urn:vera:problem:article-too-large', title: 'Article too large', status: 413, limit: 1000000 } }, 'too-large', 'This article is too long for Vera'],
      [{ status: 503, body: { type: 'urn:vera:problem:server-busy', title: 'Busy', status: 503, detail: 'all threads busy' } }, 'busy', 'The server is busy'],
      [{ status: 404, body: '<html>nginx</html>' }, 'not-vera', 'That is not a Vera server'],
      [{ status: 200, body: 'not json' }, 'not-vera', 'That is not a Vera server']
    ];
    for (const [answer, kind, title] of cases) {
      const c = new VeraClient('http://127.0.0.1:8080', '', fakeFetch(() => answer));
      const e = await c.check({ title: 'T', text: 'X' }).then(() => null, (x) => x);
      assert.ok(e, kind);
      assert.equal(e.kind, kind);
      assert.equal(messageFor(e, ctx).title, title);
    }
  });

  it('whether the server takes this extension\u2019s requests', async () => {
    const answer = (status, type) => new VeraClient('http://h:1', '', fakeFetch(() => ({ status, body: { type: 'urn:vera:problem:' + type, status } })));
    assert.equal(await answer(400, 'invalid-article').originAccepted(), 'allowed');
    assert.equal(await answer(403, 'origin-refused').originAccepted(), 'refused');
    assert.equal(await answer(401, 'token-required').originAccepted(), 'token');
  });
});

describe('messages', () => {
  it('say how to start a server that accepts the extension', () => {
    assert.equal(allowOriginCommand(ctx.extensionId, 'http://127.0.0.1:8080'), './vera serve --allow-origin chrome-extension://fdmmihadpdiagpnhbegaicoandncakno');
    assert.equal(allowOriginCommand(ctx.extensionId, 'http://127.0.0.1:9090'), './vera serve --port 9090 --allow-origin chrome-extension://fdmmihadpdiagpnhbegaicoandncakno');
    const m = messageFor({ kind: 'origin-refused' }, ctx);
    assert.match(m.command, /--allow-origin chrome-extension:\/\/fdmmihadpdiagpnhbegaicoandncakno$/);
  });

  it('one for each situation the extension meets', () => {
    const titles = {
      unreachable: 'Vera\u2019s server does not answer',
      'origin-refused': 'The server refuses this extension',
      'no-article': 'No article on this page',
      'too-short': 'Too little article text',
      'too-large': 'This article is too long for Vera',
      'cannot-read': 'Vera cannot read this page',
      token: 'This server needs an analyst\u2019s token',
      timeout: 'The server took too long'
    };
    for (const [kind, title] of Object.entries(titles)) assert.equal(messageFor({ kind }, ctx).title, title);
    assert.equal(messageFor({ kind: 'too-large', bytes: 1234567, limit: 1000000 }, ctx).detail,
      'Its headline and text are 1.23 MB; the server reads at most 1.00 MB. Nothing was sent.');
    assert.match(messageFor({ kind: 'no-article' }, ctx).detail, /Nothing was sent\.$/);
  });
});

describe('sites checked automatically', () => {
  it('a page\u2019s site and the permissions asked for it', () => {
    assert.equal(siteOf('https://www.news.example/a?b'), 'news.example');
    assert.equal(siteOf('chrome://settings'), '');
    assert.deepEqual(sitePermissions('news.example', 'https'), ['https://news.example/*', 'https://www.news.example/*']);
    assert.deepEqual(sitePermissions('127.0.0.1', 'http'), ['http://127.0.0.1/*']);
  });
});
