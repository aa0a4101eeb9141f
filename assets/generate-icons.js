#!/usr/bin/env node
/**
 * Draws the add-in's icons (a white bar chart on the Fluent brand blue) as PNG files in this
 * folder: 16, 32, 64 and 80 px for the manifest and the ribbon, 128 px for a store listing.
 * Plain Node (zlib only), so no image library is needed; run it again after changing the look:
 *   node assets/generate-icons.js
 */
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];
/** Bars as fractions of the icon: left edge, width, top (the bottom is shared). */
const BARS = [
  { x: 0.2, w: 0.16, top: 0.5 },
  { x: 0.42, w: 0.16, top: 0.32 },
  { x: 0.64, w: 0.16, top: 0.18 },
];
const BAR_BOTTOM = 0.8;
const RADIUS = 0.18;
const SAMPLES = 4; // supersampling per axis, for smooth edges at 16 px

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
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** What covers the point (x, y in 0..1): "bar", "background" or nothing (outside the rounded square). */
function shapeAt(x, y) {
  const r = RADIUS;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return undefined;
  if (BARS.some((b) => x >= b.x && x < b.x + b.w && y >= b.top && y < BAR_BOTTOM)) return "bar";
  return "background";
}

function pixel(size, px, py) {
  let bar = 0;
  let covered = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const shape = shapeAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
      if (shape) covered++;
      if (shape === "bar") bar++;
    }
  }
  if (covered === 0) return [0, 0, 0, 0];
  const t = bar / covered;
  const rgb = BLUE.map((c, i) => Math.round(c + (WHITE[i] - c) * t));
  return [...rgb, Math.round((255 * covered) / (SAMPLES * SAMPLES))];
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0]; // filter: none
    for (let x = 0; x < size; x++) row.push(...pixel(size, x, y));
    rows.push(Buffer.from(row));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const file = path.join(__dirname, `icon-${size}.png`);
  fs.writeFileSync(file, png(size));
  console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
}
