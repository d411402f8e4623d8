#!/usr/bin/env node
// Draws the extension's icon, media/icon.png (128×128, as the Marketplace wants): a
// white check mark inside a seven-spoke wheel (a nod to Kubernetes' helm) on a blue
// rounded square. Plain Node (zlib for the PNG), so it needs no image tool or package;
// the PNG is committed, and this script is how to change it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis: 16 samples per pixel smooth the edges
const BLUE = [50, 108, 229];
const WHITE = [255, 255, 255];
const C = SIZE / 2;

function insideRoundedSquare(x, y) {
  const r = 24;
  const dx = Math.max(Math.abs(x - C) - (C - r), 0);
  const dy = Math.max(Math.abs(y - C) - (C - r), 0);
  return dx * dx + dy * dy <= r * r;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

function isWhite(x, y) {
  const d = Math.hypot(x - C, y - C);
  if (d >= 44 && d <= 51) return true; // the wheel's rim
  for (let spoke = 0; spoke < 7; spoke++) {
    const angle = -Math.PI / 2 + (spoke * 2 * Math.PI) / 7;
    const outer = [C + 56 * Math.cos(angle), C + 56 * Math.sin(angle)];
    const inner = [C + 44 * Math.cos(angle), C + 44 * Math.sin(angle)];
    if (distanceToSegment(x, y, inner, outer) <= 3.5) return true; // spokes beyond the rim
  }
  // The check mark.
  return distanceToSegment(x, y, [42, 66], [57, 81]) <= 6.5 || distanceToSegment(x, y, [57, 81], [88, 48]) <= 6.5;
}

function pixel(px, py) {
  let background = 0;
  let white = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      if (!insideRoundedSquare(x, y)) continue;
      background++;
      if (isWhite(x, y)) white++;
    }
  }
  const n = SAMPLES * SAMPLES;
  const mix = white / Math.max(1, background);
  const rgb = BLUE.map((channel, i) => Math.round(channel + (WHITE[i] - channel) * mix));
  return [...rgb, Math.round((background / n) * 255)];
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function iconPng() {
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = [0]; // filter: none
    for (let x = 0; x < SIZE; x++) row.push(...pixel(x, y));
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'media', 'icon.png');
  fs.writeFileSync(target, iconPng());
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
