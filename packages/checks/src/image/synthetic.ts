/** @module Deterministic test pictures and media files (ID card, blur, glare, noise; Y4M video, WAV audio) for unit and browser tests. */
import { LifelineError } from '@lifeline/protocol';
import type { LumaImage } from './index.ts';

/** mulberry32: a tiny seeded PRNG, so a picture is the same on every run and machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const clampByte = (value: number): number => (value <= 0 ? 0 : value >= 255 ? 255 : Math.round(value));

/**
 * A card held up to a camera: grey desk with a light gradient, an ID-1 card (85.6 × 54 mm) with a header
 * band, a portrait, six lines of small text and a barcode. Glyphs are 2–4 px wide at 640×480, about what a
 * VGA webcam resolves of a card's printing, and grow with larger pictures.
 */
export function idCardPicture(width: number, height: number): LumaImage {
  const data = new Uint8Array(width * height);
  const next = random(0x1d_ca4d);
  const unit = Math.max(1, Math.round(Math.min(width / 640, height / 480)));
  const fill = (x0: number, y0: number, w: number, h: number, value: number) => {
    const xs = Math.max(0, Math.round(x0));
    const ys = Math.max(0, Math.round(y0));
    const xe = Math.min(width, Math.round(x0 + w));
    const ye = Math.min(height, Math.round(y0 + h));
    for (let y = ys; y < ye; y += 1) data.fill(value, y * width + xs, y * width + xe);
  };

  // Desk: mid-grey, lit from the left.
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) data[y * width + x] = Math.round(124 - (24 * x) / width + (8 * y) / height);
  }

  // Card: ID-1 aspect ratio, about 70% of the width, rounded corners, slightly uneven light.
  let cardW = width * 0.7;
  let cardH = cardW / 1.585;
  if (cardH > height * 0.8) {
    cardH = height * 0.8;
    cardW = cardH * 1.585;
  }
  const cardX = (width - cardW) / 2;
  const cardY = (height - cardH) / 2;
  const corner = cardW * 0.04;
  for (let y = Math.floor(cardY); y < Math.ceil(cardY + cardH); y += 1) {
    for (let x = Math.floor(cardX); x < Math.ceil(cardX + cardW); x += 1) {
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      const dx = Math.max(cardX + corner - x, 0, x - (cardX + cardW - corner));
      const dy = Math.max(cardY + corner - y, 0, y - (cardY + cardH - corner));
      if (dx * dx + dy * dy > corner * corner) continue;
      data[y * width + x] = Math.round(212 - (16 * (x - cardX)) / cardW);
    }
  }

  // Header band with the issuer's name in larger light letters.
  const headerH = cardH * 0.14;
  fill(cardX + corner, cardY + cardH * 0.03, cardW - 2 * corner, headerH, 150);
  for (let x = cardX + corner * 2; x < cardX + cardW * 0.6; ) {
    const glyphW = (3 + Math.floor(next() * 3)) * unit;
    fill(x, cardY + cardH * 0.03 + headerH * 0.25, glyphW, headerH * 0.5, 228);
    x += glyphW + 2 * unit + (next() < 0.15 ? 6 * unit : 0);
  }

  // Portrait: light backdrop, dark hair, a face, shoulders.
  const photoX = cardX + cardW * 0.05;
  const photoY = cardY + cardH * 0.24;
  const photoW = cardW * 0.27;
  const photoH = cardH * 0.6;
  fill(photoX, photoY, photoW, photoH, 178);
  const ellipse = (cx: number, cy: number, rx: number, ry: number, value: number) => {
    for (let y = Math.floor(cy - ry); y <= Math.ceil(cy + ry); y += 1) {
      for (let x = Math.floor(cx - rx); x <= Math.ceil(cx + rx); x += 1) {
        if (x < photoX || y < photoY || x >= photoX + photoW || y >= photoY + photoH || x >= width || y >= height) continue;
        if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1) data[y * width + x] = value;
      }
    }
  };
  const faceX = photoX + photoW / 2;
  ellipse(faceX, photoY + photoH * 1.02, photoW * 0.48, photoH * 0.32, 70);
  ellipse(faceX, photoY + photoH * 0.4, photoW * 0.3, photoH * 0.3, 52);
  ellipse(faceX, photoY + photoH * 0.45, photoW * 0.24, photoH * 0.27, 146);
  ellipse(faceX - photoW * 0.09, photoY + photoH * 0.4, photoW * 0.04, photoH * 0.02, 60);
  ellipse(faceX + photoW * 0.09, photoY + photoH * 0.4, photoW * 0.04, photoH * 0.02, 60);
  ellipse(faceX, photoY + photoH * 0.58, photoW * 0.07, photoH * 0.015, 96);

  // Six lines of text: glyphs 2–4 px wide, 5 or 7 px high (x-height or ascender), 1–2 px apart, words apart.
  const textX = photoX + photoW + cardW * 0.05;
  const textEnd = cardX + cardW * 0.94;
  for (let line = 0; line < 6; line += 1) {
    const baseline = cardY + cardH * (0.32 + line * 0.085);
    const lineEnd = textX + (textEnd - textX) * (0.45 + next() * 0.55);
    for (let x = textX; x < lineEnd; ) {
      const glyphW = (2 + Math.floor(next() * 3)) * unit;
      const glyphH = (next() < 0.3 ? 7 : 5) * unit;
      const ink = 30 + Math.floor(next() * 25);
      fill(x, baseline - glyphH, glyphW, glyphH, ink);
      // A counter (the hole in o, e, a) in wider glyphs, so text is not just bars.
      if (glyphW >= 3 * unit && next() < 0.5) fill(x + unit, baseline - 3 * unit, glyphW - 2 * unit, unit, 200);
      x += glyphW + (1 + Math.floor(next() * 2)) * unit;
      if (next() < 0.18) x += (4 + Math.floor(next() * 3)) * unit;
    }
  }

  // Barcode along the bottom: bars and spaces 1–3 px.
  const barY = cardY + cardH * 0.87;
  const barH = cardH * 0.09;
  for (let x = cardX + cardW * 0.1; x < cardX + cardW * 0.9; ) {
    const barW = (1 + Math.floor(next() * 3)) * unit;
    fill(x, barY, barW, barH, 24);
    x += barW + (1 + Math.floor(next() * 3)) * unit;
  }
  return { width, height, data };
}

/** One box-blur pass of radius `radius` along rows (`step` 1) or columns (`step` width), edges clamped. */
function boxPass(source: Float32Array, target: Float32Array, lines: number, length: number, lineStep: number, step: number, radius: number): void {
  const span = 2 * radius + 1;
  for (let line = 0; line < lines; line += 1) {
    const base = line * lineStep;
    const at = (index: number) => source[base + Math.min(length - 1, Math.max(0, index)) * step]!;
    let sum = 0;
    for (let index = -radius; index <= radius; index += 1) sum += at(index);
    for (let index = 0; index < length; index += 1) {
      target[base + index * step] = sum / span;
      sum += at(index + radius + 1) - at(index - radius);
    }
  }
}

/** Separable box blur repeated 3 times: close to a Gaussian of σ = √(radius·(radius+1)), like an out-of-focus lens. */
export function blurred(image: LumaImage, radius: number): LumaImage {
  const { width, height } = image;
  const current = Float32Array.from(image.data);
  const spare = new Float32Array(current.length);
  const r = Math.max(0, Math.round(radius));
  if (r > 0) {
    for (let pass = 0; pass < 3; pass += 1) {
      boxPass(current, spare, height, width, width, 1, r);
      boxPass(spare, current, width, height, 1, width, r);
    }
  }
  const data = new Uint8Array(current.length);
  for (let index = 0; index < data.length; index += 1) data[index] = clampByte(current[index]!);
  return { width, height, data };
}

/** Every pixel times `factor`: the same scene in less light. */
export function darkened(image: LumaImage, factor: number): LumaImage {
  const data = new Uint8Array(image.data.length);
  for (let index = 0; index < data.length; index += 1) data[index] = clampByte(image.data[index]! * factor);
  return { width: image.width, height: image.height, data };
}

/**
 * A lamp reflected off the card: a saturated (255) ellipse with the image's aspect ratio covering `share` of
 * it, right of centre on the card's text, fading back to the picture over a soft edge a third of its radius wide.
 */
export function withGlare(image: LumaImage, share: number): LumaImage {
  const { width, height } = image;
  const data = Uint8Array.from(image.data);
  // π·(k·width)·(k·height) = share·width·height.
  const scale = Math.sqrt(Math.max(0, share) / Math.PI);
  const rx = Math.max(1e-9, scale * width);
  const ry = Math.max(1e-9, scale * height);
  const cx = width * 0.6;
  const cy = height * 0.45;
  const soft = 1.35;
  for (let y = Math.max(0, Math.floor(cy - ry * soft)); y < Math.min(height, Math.ceil(cy + ry * soft)); y += 1) {
    for (let x = Math.max(0, Math.floor(cx - rx * soft)); x < Math.min(width, Math.ceil(cx + rx * soft)); x += 1) {
      const distance = Math.hypot((x + 0.5 - cx) / rx, (y + 0.5 - cy) / ry);
      if (distance >= soft) continue;
      const t = Math.max(0, (distance - 1) / (soft - 1));
      const weight = 1 - t * t * (3 - 2 * t);
      const at = y * width + x;
      data[at] = clampByte(data[at]! + (255 - data[at]!) * weight);
    }
  }
  return { width, height, data };
}

/** Every pixel `value`: a covered lens (0), a grey card, a blown-out frame (255). */
export function flat(width: number, height: number, value: number): LumaImage {
  return { width, height, data: new Uint8Array(width * height).fill(clampByte(value)) };
}

/** Adds Gaussian noise of standard deviation `amplitude` (luma levels), like a sensor's; a new `seed` gives a new frame. */
export function noisy(image: LumaImage, amplitude: number, seed: number): LumaImage {
  const next = random(seed);
  const data = new Uint8Array(image.data.length);
  for (let index = 0; index < data.length; index += 2) {
    // Box–Muller gives two independent normals per pair of uniforms.
    const radius = amplitude * Math.sqrt(-2 * Math.log(1 - next()));
    const angle = 2 * Math.PI * next();
    data[index] = clampByte(image.data[index]! + radius * Math.cos(angle));
    if (index + 1 < data.length) data[index + 1] = clampByte(image.data[index + 1]! + radius * Math.sin(angle));
  }
  return { width: image.width, height: image.height, data };
}

/** YUV4MPEG2 file for Chromium's --use-file-for-fake-video-capture: 4:2:0, `C420jpeg`, grey (U=V=128). Chromium reads Y as limited range (Y=16 is black), so map luma v to 16 + round(v*219/255). */
export function toY4m(frames: LumaImage[], fps = 30): Uint8Array {
  const first = frames[0];
  if (!first) throw new LifelineError('image.no_frames', 'A Y4M file needs at least one frame.');
  const { width, height } = first;
  const header = new TextEncoder().encode(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  const frameHeader = new TextEncoder().encode('FRAME\n');
  const lumaSize = width * height;
  // 4:2:0 halves both dimensions, rounding up for odd sizes as the Y4M spec does.
  const chromaSize = Math.ceil(width / 2) * Math.ceil(height / 2);
  const frameSize = frameHeader.length + lumaSize + 2 * chromaSize;
  const file = new Uint8Array(header.length + frames.length * frameSize);
  file.set(header, 0);
  const limited = new Uint8Array(256);
  for (let value = 0; value < 256; value += 1) limited[value] = 16 + Math.round((value * 219) / 255);
  frames.forEach((frame, index) => {
    if (frame.width !== width || frame.height !== height) {
      throw new LifelineError('image.size_mismatch', `Frame ${index} is ${frame.width}×${frame.height}; a Y4M file needs every frame ${width}×${height}.`);
    }
    let at = header.length + index * frameSize;
    file.set(frameHeader, at);
    at += frameHeader.length;
    for (let pixel = 0; pixel < lumaSize; pixel += 1) file[at + pixel] = limited[frame.data[pixel]!]!;
    file.fill(128, at + lumaSize, at + lumaSize + 2 * chromaSize);
  });
  return file;
}

/** 16-bit PCM mono WAV for --use-file-for-fake-audio-capture; `samples` in -1..1. */
export function toWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const dataSize = samples.length * 2;
  const file = new Uint8Array(44 + dataSize);
  const view = new DataView(file.buffer);
  const ascii = (at: number, text: string) => {
    for (let index = 0; index < text.length; index += 1) file[at + index] = text.charCodeAt(index);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataSize, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size for PCM
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate: rate × channels × 2 bytes
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, dataSize, true);
  for (let index = 0; index < samples.length; index += 1) {
    const sample = Math.max(-1, Math.min(1, samples[index]!));
    view.setInt16(44 + index * 2, Math.round(sample < 0 ? sample * 0x8000 : sample * 0x7fff), true);
  }
  return file;
}

/** `seconds` of zeros: a muted microphone. */
export function silence(seconds: number, sampleRate = 48_000): Float32Array {
  return new Float32Array(Math.round(seconds * sampleRate));
}

/** A sine of `frequency` Hz at `amplitude` (0..1 of full scale). */
export function tone(seconds: number, frequency: number, amplitude: number, sampleRate = 48_000): Float32Array {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let index = 0; index < samples.length; index += 1) samples[index] = amplitude * Math.sin((2 * Math.PI * frequency * index) / sampleRate);
  return samples;
}

/** Gaussian white noise whose RMS level is `dbfs` (0 dBFS = full scale): room noise, a dead input's hiss, a faint voice. */
export function noise(seconds: number, dbfs: number, seed: number, sampleRate = 48_000): Float32Array {
  const next = random(seed);
  const sigma = 10 ** (dbfs / 20);
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let index = 0; index < samples.length; index += 1) {
    // Box–Muller, one normal per pair of uniforms: simple, and plenty for a few seconds of audio.
    samples[index] = sigma * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  }
  return samples;
}

/** `parts` one after another: a tone, then a pause, then the next. */
export function joined(...parts: Float32Array[]): Float32Array {
  const samples = new Float32Array(parts.reduce((length, part) => length + part.length, 0));
  let at = 0;
  for (const part of parts) {
    samples.set(part, at);
    at += part.length;
  }
  return samples;
}
