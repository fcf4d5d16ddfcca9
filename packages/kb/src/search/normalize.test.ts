import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize } from './normalize.ts';
import { stemmerFor } from './stem.ts';

describe('normalizeText', () => {
  it.each([
    ['Webcam ISN’T showing!!', 'webcam isnt showing'],
    ['El exámen se congeló', 'el examen se congelo'],
    ['¿Contraseña? ¡No llega!', 'contrasena no llega'],
    ['ｆｕｌｌ－ｗｉｄｔｈ', 'full width'],
    ['  spaced\tout\n', 'spaced out'],
    ['e-mail / wi-fi', 'e mail wi fi'],
    // An emoji that names a thing is a word of its own; faces, hands, hearts and marks go.
    ['my 📷 is not working 😭', 'my 📷 is not working'],
    ['mic🎤broken!!', 'mic 🎤 broken'],
    ['🎙️ no funciona 🙏🏽', '🎙 no funciona'],
    ['👨‍💻 ok 👍🏻 ❤️ ‼️ ❓ ✅', '👨 💻 ok'],
    ['Windows® 11 ©', 'windows 11'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent and only leaves letters, digits, pictographs and single spaces, for seeded random input', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const alphabet = ['a', 'Z', 'é', 'ñ', 'Ü', '’', "'", ' ', '\t', '?', '¿', '-', '1', '\u0301', 'ﬁ', '😀', '📷', '\u200d', '\ufe0f', '\u{1f3fd}', '\u0000', 'ß', 'İ', '字'];
    for (let run = 0; run < 5000; run += 1) {
      const input = Array.from({ length: Math.floor(random() * 24) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const once = normalizeText(input);
      expect(normalizeText(once), `seed 42 run ${run}: ${JSON.stringify(input)}`).toBe(once);
      expect(once, `seed 42 run ${run}: ${JSON.stringify(input)}`).toMatch(/^((?:[\p{L}\p{N}]+|\p{Extended_Pictographic})(?: (?:[\p{L}\p{N}]+|\p{Extended_Pictographic}))*)?$/u);
      expect(once, 'faces are never kept').not.toContain('😀');
    }
  });

  it('tokenizes on single spaces and gives nothing for empty text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('a b')).toEqual(['a', 'b']);
  });
});

describe('stemmers', () => {
  it('brings English inflections together', () => {
    const stem = stemmerFor('en');
    expect(new Set(['camera', 'cameras'].map(stem)).size).toBe(1);
    expect(new Set(['freeze', 'freezes', 'freezing'].map(stem)).size).toBe(1);
    expect(new Set(['stopped', 'stop', 'stopping'].map(stem)).size).toBe(1);
    expect(new Set(['update', 'updated', 'updates'].map(stem)).size).toBe(1);
    expect(stem('access')).toBe('access');
  });

  it('brings Spanish inflections together', () => {
    const stem = stemmerFor('es');
    expect(new Set(['congelo', 'congelado', 'congela', 'congelar'].map(stem)).size).toBe(1);
    expect(new Set(['camara', 'camaras'].map(stem)).size).toBe(1);
    expect(new Set(['funciona', 'funcionando'].map(stem)).size).toBe(1);
  });

  it('leaves words of other languages alone', () => {
    expect(stemmerFor('de')('kameras')).toBe('kameras');
  });
});
