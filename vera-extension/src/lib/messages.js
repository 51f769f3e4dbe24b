// What the user reads when a check cannot be made: a title, what to do, and sometimes a command
// to copy or the options page to open.

function describeBytes(n) {
  if (n < 1000) return n + (n === 1 ? ' byte' : ' bytes');
  if (n < 1000000) return (n / 1000).toFixed(1) + ' kB';
  return (n / 1000000).toFixed(2) + ' MB';
}

/** The command that starts a Vera server answering this extension. */
export function allowOriginCommand(extensionId, server) {
  let port = '';
  try {
    const u = new URL(server);
    if (u.port && u.port !== '8080') port = ` --port ${u.port}`;
  } catch (e) {
    port = '';
  }
  return `./vera serve${port} --allow-origin chrome-extension://${extensionId}`;
}

/**
 * The message for a failure.
 *
 * @param failure {kind, ...}: a VeraError's kind and fields, or an extraction's
 *     {kind: 'no-article' | 'too-short' | 'too-large' | 'cannot-read', ...}
 * @param ctx {server, extensionId}
 * @returns {{kind, title, detail, command?, options?: boolean}}
 */
export function messageFor(failure, { server, extensionId }) {
  const kind = failure.kind;
  const p = failure.problem || {};
  switch (kind) {
    case 'unreachable':
      return {
        kind,
        title: 'Vera\u2019s server does not answer',
        detail: `Nothing answers at ${server}. Start the server on this computer (the second line below), ` +
          'or set the address of your team\u2019s server in the options.',
        command: allowOriginCommand(extensionId, server),
        options: true
      };
    case 'timeout':
      return { kind, title: 'The server took too long', detail: `${server} did not answer within 30 seconds. Try again in a moment.` };
    case 'origin-refused':
      return {
        kind,
        title: 'The server refuses this extension',
        detail: `${server} answers only pages and extensions it was told to trust. Start it with ` +
          'this extension\u2019s origin allowed:',
        command: allowOriginCommand(extensionId, server)
      };
    case 'token':
      return {
        kind,
        title: failure.status === 401 && p.type && /token-invalid/.test(p.type)
          ? 'The server did not accept your token'
          : 'This server needs an analyst\u2019s token',
        detail: 'Paste the token your server\u2019s operator gave you (vera token add NAME) in the options.',
        options: true
      };
    case 'too-large': {
      const bytes = failure.bytes;
      const limit = failure.limit || p.limit || 1000000;
      return {
        kind,
        title: 'This article is too long for Vera',
        detail: bytes
          ? `Its headline and text are ${describeBytes(bytes)}; the server reads at most ${describeBytes(limit)}. Nothing was sent.`
          : `The server reads at most ${describeBytes(limit)} of headline and text.`
      };
    }
    case 'no-article':
      return {
        kind,
        title: 'No article on this page',
        detail: 'Vera reads news articles, and this page has none that could be picked out ' +
          '(a front page, a list of links or a form?). Open the article itself and click again. Nothing was sent.'
      };
    case 'too-short':
      return {
        kind,
        title: 'Too little article text',
        detail: `Only ${failure.chars || 'a few'} characters of article text are on this page: a teaser behind a paywall, ` +
          'or the start of a page still loading? Vera needs the article\u2019s text. Nothing was sent.'
      };
    case 'cannot-read':
      return {
        kind,
        title: 'Vera cannot read this page',
        detail: 'The browser keeps extensions out of its own pages, the extension store and local files. ' +
          'Open a news article on the web and click again.'
      };
    case 'busy':
      return { kind, title: 'The server is busy', detail: (p.detail ? p.detail + '. ' : '') + 'Try again in a moment.' };
    case 'wrong-host':
      return {
        kind,
        title: 'The server does not answer to this address',
        detail: (p.detail || '') + ' Use the address the server printed when it started.'
      };
    case 'not-vera':
      return { kind, title: 'That is not a Vera server', detail: `${server} answered, but not as Vera does. Check the address in the options.`, options: true };
    case 'bad-server':
      return { kind, title: 'The server address is not valid', detail: failure.message, options: true };
    default:
      return {
        kind: kind || 'server',
        title: failure.message || p.title || 'The check failed',
        detail: p.detail || ''
      };
  }
}
