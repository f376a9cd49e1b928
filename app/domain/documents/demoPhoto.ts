import { deflateSync } from "node:zlib";
import type { Image } from "./content";

/**
 * A placeholder passport-style photograph for demo data: a neutral head-and-shoulders silhouette on a pale
 * background, 140 × 180 pixels (the 35 × 45 mm proportion), colours varied by `seed`. Deterministic for a seed.
 */
export function demoPhoto(seed: string): Image {
  const width = 140;
  const height = 180;
  const hash = fnv1a(seed);
  const hue = hash % 360;
  const background = hsl(hue, 0.35, 0.9);
  const backgroundLow = hsl(hue, 0.3, 0.84);
  // A muted figure in a nearby hue, darker or lighter per seed.
  const figure = hsl((hue + 180 + ((hash >>> 9) % 60) - 30) % 360, 0.12 + ((hash >>> 15) % 10) / 100, 0.38 + ((hash >>> 20) % 14) / 100);

  const raw = new Uint8Array((width * 3 + 1) * height);
  let o = 0;
  for (let py = 0; py < height; py++) {
    raw[o++] = 0; // filter type None
    const t = py / (height - 1);
    const bg = [0, 1, 2].map((i) => background[i] + (backgroundLow[i] - background[i]) * t);
    for (let px = 0; px < width; px++) {
      const x = px + 0.5;
      const y = py + 0.5;
      // Coverage of each shape from an approximate signed distance: anti-aliased edges without supersampling.
      const head = coverage(ellipseDistance(x, y, 70, 70, 29, 36));
      const neck = coverage(boxDistance(x, y, 70, 120, 13, 22));
      const shoulders = coverage(ellipseDistance(x, y, 70, 208, 66, 70));
      const a = Math.max(head, neck, shoulders);
      for (let i = 0; i < 3; i++) raw[o++] = Math.round(bg[i] * (1 - a) + figure[i] * a);
    }
  }
  return { bytes: encodePng(width, height, raw), type: "png" };
}

/** A minimal PNG encoder: 8-bit RGB, rows already prefixed with their filter byte. */
function encodePng(width: number, height: number, filteredRows: Uint8Array) {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  // compression, filter and interlace methods all 0
  const parts = [
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(filteredRows, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function chunk(type: string, data: Uint8Array) {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function fnv1a(text: string) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Roughly the signed distance in pixels from (x, y) to the edge of an ellipse (negative inside). */
function ellipseDistance(x: number, y: number, cx: number, cy: number, rx: number, ry: number) {
  const dx = (x - cx) / rx;
  const dy = (y - cy) / ry;
  return (Math.sqrt(dx * dx + dy * dy) - 1) * Math.min(rx, ry);
}

function boxDistance(x: number, y: number, cx: number, cy: number, halfWidth: number, halfHeight: number) {
  const dx = Math.abs(x - cx) - halfWidth;
  const dy = Math.abs(y - cy) - halfHeight;
  return Math.min(Math.max(dx, dy), 0) + Math.hypot(Math.max(dx, 0), Math.max(dy, 0));
}

function coverage(distance: number) {
  return Math.min(1, Math.max(0, 0.5 - distance));
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return 255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return [f(0), f(8), f(4)];
}
