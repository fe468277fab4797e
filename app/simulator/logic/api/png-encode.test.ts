import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { encodePng } from './png-encode';

test('encodePng writes a PNG whose IHDR and inflated IDAT hold the pixels row by row', () => {
  const rgba = new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 255, 1, 2, 3, 4]);
  const png = Buffer.from(encodePng(2, 2, rgba));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.toString('ascii', 12, 16), 'IHDR');
  assert.equal(png.readUInt32BE(16), 2);
  assert.equal(png.readUInt32BE(20), 2);
  const idatAt = png.indexOf('IDAT');
  const length = png.readUInt32BE(idatAt - 4);
  const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + length));
  assert.deepEqual([...raw], [0, 255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 0, 255, 255, 1, 2, 3, 4]);
  assert.equal(png.toString('ascii', png.length - 8, png.length - 4), 'IEND');
});

test('images larger than one stored deflate block still inflate to every pixel', () => {
  const width = 200;
  const height = 100; // 80 100 raw bytes: two stored blocks
  const rgba = new Uint8ClampedArray(width * height * 4).map((_, i) => i % 251);
  const png = Buffer.from(encodePng(width, height, rgba));
  const idatAt = png.indexOf('IDAT');
  const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4)));
  assert.equal(raw.length, height * (width * 4 + 1));
  assert.deepEqual([...raw.subarray(1 + width * 4 + 1, 1 + width * 4 + 1 + 8)], [...rgba.subarray(width * 4, width * 4 + 8)]);
});
