// What the extension is made of: the manifest asks for little, and no code builds HTML from text.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'static/manifest.json'), 'utf8'));

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.js') || e.name.endsWith('.html') ? [path.join(dir, e.name)] : []);
}

describe('the extension\u2019s make-up', () => {
  it('Manifest V3, few permissions, no page it runs in by itself', () => {
    assert.equal(manifest.manifest_version, 3);
    assert.deepEqual(manifest.permissions.sort(), ['activeTab', 'scripting', 'storage']);
    assert.deepEqual(manifest.host_permissions, ['http://127.0.0.1/*', 'http://localhost/*'], 'the local server only');
    assert.equal(manifest.content_scripts, undefined, 'nothing runs in pages until asked');
    assert.match(manifest.content_security_policy.extension_pages, /script-src 'self';/);
    assert.equal(manifest.action.default_popup, 'popup.html');
  });

  it('the key gives the id the README names', async () => {
    const { createHash } = await import('node:crypto');
    const der = Buffer.from(manifest.key, 'base64');
    const id = [...createHash('sha256').update(der).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
    assert.equal(id, 'fdmmihadpdiagpnhbegaicoandncakno');
    const readme = fs.readFileSync(path.join(root, '../README.md'), 'utf8');
    assert.ok(readme.includes(`chrome-extension://${id}`), 'README names the id');
  });

  it('no code parses text as HTML, loads scripts from the network or evaluates strings', () => {
    for (const f of sources(path.join(root, 'src'))) {
      const s = fs.readFileSync(f, 'utf8');
      for (const bad of [/\.innerHTML\b/, /\.outerHTML\s*=/, /insertAdjacentHTML/, /document\.write/, /\beval\(/, /new Function\(/, /<script[^>]+src=["']https?:/]) {
        assert.ok(!bad.test(s), `${path.relative(root, f)} matches ${bad}`);
      }
    }
  });
});
