// Builds the unpacked extension (default target/extension/) and its zip (target/vera-extension.zip):
// esbuild bundles each entry point with its imports (Readability included: nothing is loaded from
// the network), the pages, styles and manifest are copied, and the icons are drawn here.
//   node build.mjs [--out DIR] [--zip FILE]
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : dflt;
};
const out = arg('--out', path.join(here, 'target', 'extension'));
const zipFile = arg('--zip', path.join(path.dirname(out), 'vera-extension.zip'));

const entries = {
  background: 'src/background/background.js',
  popup: 'src/popup/popup.js',
  options: 'src/options/options.js',
  'content/extract': 'src/content/extract.js',
  'content/highlight': 'src/content/highlight.js'
};
const copies = {
  'popup.html': 'src/popup/popup.html',
  'popup.css': 'src/popup/popup.css',
  'options.html': 'src/options/options.html',
  'options.css': 'src/options/options.css',
  'manifest.json': 'static/manifest.json'
};

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'icons'), { recursive: true });

await build({
  absWorkingDir: here,
  entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, path.join(here, v)])),
  outdir: out,
  bundle: true,
  format: 'iife',
  target: ['chrome120'],
  platform: 'browser',
  minify: false,
  sourcemap: false,
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning'
});

for (const [to, from] of Object.entries(copies)) {
  fs.copyFileSync(path.join(here, from), path.join(out, to));
}
const readabilityLicense = path.join(here, 'node_modules/@mozilla/readability/LICENSE.md');
if (fs.existsSync(readabilityLicense)) fs.copyFileSync(readabilityLicense, path.join(out, 'LICENSE-readability.md'));

// The icon: Vera's blue-to-violet rounded square with a white check mark.
function icon(size) {
  const ss = 4;
  const px = Buffer.alloc(size * size * 4);
  const r = size * 0.22;
  const inside = (x, y) => {
    const cx = Math.min(Math.max(x, r), size - r);
    const cy = Math.min(Math.max(y, r), size - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const seg = (x, y, ax, ay, bx, by) => {
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
  };
  const w = size * 0.085;
  const a = [0.27 * size, 0.52 * size], b = [0.43 * size, 0.69 * size], c = [0.74 * size, 0.32 * size];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let cover = 0, mark = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const fx = x + (sx + 0.5) / ss, fy = y + (sy + 0.5) / ss;
          if (!inside(fx, fy)) continue;
          cover++;
          if (Math.min(seg(fx, fy, ...a, ...b), seg(fx, fy, ...b, ...c)) <= w) mark++;
        }
      }
      const n = ss * ss;
      const t = (x + y) / (2 * size);
      const bg = [0x4f + (0x8a - 0x4f) * t, 0x6b + (0x5c - 0x6b) * t, 0xff + (0xf6 - 0xff) * t];
      const m = cover ? mark / cover : 0;
      const o = (y * size + x) * 4;
      for (let k = 0; k < 3; k++) px[o + k] = Math.round(bg[k] * (1 - m) + 255 * m);
      px[o + 3] = Math.round((255 * cover) / n);
    }
  }
  return png(size, size, px);
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function png(w, h, rgba) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) rgba.copy(raw, y * (w * 4 + 1) + 1, y * w * 4, (y + 1) * w * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

for (const size of [16, 32, 48, 128]) fs.writeFileSync(path.join(out, 'icons', `icon${size}.png`), icon(size));

// The zip for "Load unpacked" elsewhere or a store upload: entries in name order, a fixed time,
// so that the same sources give the same bytes.
function zip(dir, file) {
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(dir);
  const parts = [];
  const central = [];
  let offset = 0;
  const DOS_TIME = 0, DOS_DATE = (2024 - 1980) << 9 | 1 << 5 | 1;
  for (const f of files) {
    const name = Buffer.from(path.relative(dir, f).split(path.sep).join('/'));
    const data = fs.readFileSync(f);
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt16LE(8, 10);
    cen.writeUInt16LE(DOS_TIME, 12);
    cen.writeUInt16LE(DOS_DATE, 14);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(deflated.length, 20);
    cen.writeUInt32LE(data.length, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    parts.push(local, name, deflated);
    central.push(cen, name);
    offset += local.length + name.length + deflated.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.concat([...parts, cd, end]));
  return files.length;
}

const n = zip(out, zipFile);
const sha = createHash('sha256').update(fs.readFileSync(zipFile)).digest('hex').slice(0, 16);
console.log(`vera-extension: ${path.relative(process.cwd(), out) || out} (${n} files), ${path.relative(process.cwd(), zipFile)} sha256 ${sha}`);
