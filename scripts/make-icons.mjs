// Draws the app icons (the favicon's yellow diamond on petrol blue) as PNG
// files for the web app manifest, with no libraries: node's zlib and a
// hand-written PNG encoder. Run: node scripts/make-icons.mjs
// Writes public/icon-192.png, public/icon-512.png and
// public/icon-maskable-512.png (the diamond inside the maskable safe zone).

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');
const BRAND = [0x0b, 0x4f, 0x6c];
const ACCENT = [0xff, 0xd1, 0x66];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const p = pixel(x + 0.5, y + 0.5);
      raw.set(p, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Coverage (0..1) of a shape at a pixel, by 4×4 supersampling. */
function cover(x, y, inside) {
  let n = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) n += inside(x - 0.5 + (i + 0.5) / 4, y - 0.5 + (j + 0.5) / 4);
  return n / 16;
}

function icon(size, { maskable }) {
  const s = size / 32; // the favicon's 32-unit grid
  const radius = maskable ? 0 : 6 * s;
  // Maskable icons keep their content within the middle 80 %.
  const half = (maskable ? 8.5 : 11) * s;
  const c = size / 2;
  const inRect = (x, y) => {
    const dx = Math.max(radius - x, 0, x - (size - radius));
    const dy = Math.max(radius - y, 0, y - (size - radius));
    return radius === 0 || dx * dx + dy * dy <= radius * radius;
  };
  const inDiamond = (x, y) => Math.abs(x - c) + Math.abs(y - c) <= half;
  return png(size, (x, y) => {
    const bg = cover(x, y, inRect);
    const fg = cover(x, y, inDiamond);
    const rgb = BRAND.map((b, i) => Math.round(b * (1 - fg) + ACCENT[i] * fg));
    return [...rgb, Math.round(255 * Math.max(bg, fg))];
  });
}

writeFileSync(path.join(OUT, 'icon-192.png'), icon(192, { maskable: false }));
writeFileSync(path.join(OUT, 'icon-512.png'), icon(512, { maskable: false }));
writeFileSync(path.join(OUT, 'icon-maskable-512.png'), icon(512, { maskable: true }));
console.log('wrote public/icon-192.png, icon-512.png, icon-maskable-512.png');
