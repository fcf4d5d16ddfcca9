/**
 * @module What a check measured, in plain words for an agent, in English and Spanish: `1280 × 720`,
 * `download 12.5 Mbit/s (needs 2)`, `Windows 10 or 11, version not known`, instead of the report's field
 * names (`osVersionKnown false`). Figures that only explain the check's own decision (its sources, the
 * share of black frames) are left out; a field this console does not know yet is shown in words made
 * from its name, so nothing a newer widget sends is lost.
 */
import type { ConsoleLocale } from '../i18n/index.ts';
import { format } from '../i18n/index.ts';
import type { WireCheckResult } from './summary.ts';

type Measured = WireCheckResult['measured'];

const en = {
  yes: 'yes',
  no: 'no',
  none: 'none',
  browser: '{browser} {version}',
  needsVersion: 'needs {minimum} or later',
  missing: 'missing: {items}',
  versionUnknown: 'version not known',
  mobile: 'on a phone or tablet',
  size: '{width} × {height}',
  needsSize: 'needs at least {width} × {height}',
  scale: 'display scale {value}×',
  extended: 'extended to another screen',
  oneScreen: 'one screen',
  roundTrip: 'round trip {value} ms (at most {limit})',
  download: 'download {value} Mbit/s (needs {limit})',
  upload: 'upload {value} Mbit/s (needs {limit})',
  device: 'device “{value}”',
  frameRate: '{value} frames a second',
  needsFrameRate: 'needs {limit}',
  brightness: 'brightness {value} of 255',
  cameras: 'cameras found: {items}',
  microphones: 'microphones found: {items}',
  speakers: 'speakers found: {items}',
  levels: 'loudest {peak} dB, average {average} dB',
  silentBelow: 'silent below {limit} dB',
  playedOn: 'played on “{value}”',
  shared_monitor: 'shared the whole screen',
  shared_window: 'shared a window',
  shared_browser: 'shared a browser tab',
  sharpness: 'sharpness {value} (needs {limit})',
  glare: 'glare on {value} % of the photo',
};

type MeasuredWords = { readonly [K in keyof typeof en]: string };

const es: MeasuredWords = {
  yes: 'sí',
  no: 'no',
  none: 'ninguno',
  browser: '{browser} {version}',
  needsVersion: 'necesita la {minimum} o posterior',
  missing: 'le falta: {items}',
  versionUnknown: 'versión desconocida',
  mobile: 'en un teléfono o una tableta',
  size: '{width} × {height}',
  needsSize: 'necesita al menos {width} × {height}',
  scale: 'escala de pantalla {value}×',
  extended: 'extendida a otra pantalla',
  oneScreen: 'una pantalla',
  roundTrip: 'ida y vuelta {value} ms (como mucho {limit})',
  download: 'descarga {value} Mbit/s (necesita {limit})',
  upload: 'subida {value} Mbit/s (necesita {limit})',
  device: 'dispositivo «{value}»',
  frameRate: '{value} imágenes por segundo',
  needsFrameRate: 'necesita {limit}',
  brightness: 'brillo {value} de 255',
  cameras: 'cámaras encontradas: {items}',
  microphones: 'micrófonos encontrados: {items}',
  speakers: 'altavoces encontrados: {items}',
  levels: 'máximo {peak} dB, media {average} dB',
  silentBelow: 'silencio por debajo de {limit} dB',
  playedOn: 'sonó en «{value}»',
  shared_monitor: 'compartió la pantalla completa',
  shared_window: 'compartió una ventana',
  shared_browser: 'compartió una pestaña del navegador',
  sharpness: 'nitidez {value} (necesita {limit})',
  glare: 'reflejos en el {value} % de la foto',
};

const WORDS: Record<ConsoleLocale, MeasuredWords> = { en, es };

/** Fields that only explain how the check decided, not what the candidate has: not shown. */
const INTERNAL = new Set(['source', 'blackShare', 'maxDelta', 'spreadDb', 'osName', 'outputChoice']);

type Phrase = (m: Measured, w: MeasuredWords, locale: ConsoleLocale) => string | undefined;

const text = (value: Measured[string] | undefined, w: MeasuredWords, locale: ConsoleLocale): string =>
  Array.isArray(value) ? (value.length ? value.join(', ') : w.none) : typeof value === 'boolean' ? (value ? w.yes : w.no) : typeof value === 'number' ? new Intl.NumberFormat(locale, { useGrouping: false }).format(value) : String(value ?? '');
/** The checks name browsers by id (`chrome`); people write them with a capital. */
const capitalized = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const has = (m: Measured, key: string) => m[key] !== undefined && m[key] !== '';

/**
 * Each phrase, in the order shown, with the fields it speaks for: a field named here is never shown a
 * second time by the fallback, even when its phrase has nothing to say.
 */
const PHRASES: readonly { fields: readonly string[]; say: Phrase }[] = [
  { fields: ['browser', 'version'], say: (m, w, l) => (has(m, 'browser') ? format(w.browser, { browser: capitalized(text(m.browser, w, l)), version: has(m, 'version') ? text(m.version, w, l) : '' }).trim() : undefined) },
  { fields: ['os', 'osVersion', 'osVersionKnown'], say: (m, w, l) => (has(m, 'os') ? [text(m.os, w, l), m.osVersionKnown === false ? w.versionUnknown : undefined].filter(Boolean).join(', ') : undefined) },
  { fields: ['minimum'], say: (m, w, l) => (has(m, 'minimum') ? format(w.needsVersion, { minimum: text(m.minimum, w, l) }) : undefined) },
  { fields: ['missing'], say: (m, w, l) => (has(m, 'missing') ? format(w.missing, { items: text(m.missing, w, l) }) : undefined) },
  { fields: ['mobile'], say: (m, w) => (m.mobile === true ? w.mobile : undefined) },
  { fields: ['device'], say: (m, w, l) => (has(m, 'device') ? format(w.device, { value: text(m.device, w, l) }) : undefined) },
  { fields: ['surface'], say: (m, w) => (typeof m.surface === 'string' && `shared_${m.surface}` in w ? w[`shared_${m.surface}` as keyof MeasuredWords] : undefined) },
  { fields: ['width', 'height'], say: (m, w, l) => (has(m, 'width') && has(m, 'height') ? format(w.size, { width: text(m.width, w, l), height: text(m.height, w, l) }) : undefined) },
  { fields: ['minWidth', 'minHeight'], say: (m, w, l) => (has(m, 'minWidth') && has(m, 'minHeight') ? format(w.needsSize, { width: text(m.minWidth, w, l), height: text(m.minHeight, w, l) }) : undefined) },
  { fields: ['pixelRatio'], say: (m, w, l) => (typeof m.pixelRatio === 'number' && m.pixelRatio !== 1 ? format(w.scale, { value: text(m.pixelRatio, w, l) }) : undefined) },
  { fields: ['extended'], say: (m, w) => (m.extended === true ? w.extended : m.extended === false ? w.oneScreen : undefined) },
  { fields: ['rttMs', 'maxRttMs'], say: (m, w, l) => (has(m, 'rttMs') ? format(w.roundTrip, { value: text(m.rttMs, w, l), limit: text(m.maxRttMs, w, l) }) : undefined) },
  { fields: ['downloadMbps', 'minDownloadMbps'], say: (m, w, l) => (has(m, 'downloadMbps') ? format(w.download, { value: text(m.downloadMbps, w, l), limit: text(m.minDownloadMbps, w, l) }) : undefined) },
  { fields: ['uploadMbps', 'minUploadMbps'], say: (m, w, l) => (has(m, 'uploadMbps') ? format(w.upload, { value: text(m.uploadMbps, w, l), limit: text(m.minUploadMbps, w, l) }) : undefined) },
  { fields: ['frameRate', 'minFrameRate'], say: (m, w, l) => (typeof m.frameRate === 'number' && m.frameRate > 0 ? [format(w.frameRate, { value: text(m.frameRate, w, l) }), has(m, 'minFrameRate') ? format(w.needsFrameRate, { limit: text(m.minFrameRate, w, l) }) : undefined].filter(Boolean).join(', ') : undefined) },
  { fields: ['meanLuma', 'luma'], say: (m, w, l) => (has(m, 'meanLuma') || has(m, 'luma') ? format(w.brightness, { value: text(m.meanLuma ?? m.luma, w, l) }) : undefined) },
  { fields: ['peakDbfs', 'averageDbfs'], say: (m, w, l) => (has(m, 'peakDbfs') && has(m, 'averageDbfs') ? format(w.levels, { peak: text(m.peakDbfs, w, l), average: text(m.averageDbfs, w, l) }) : undefined) },
  { fields: ['silenceDbfs'], say: (m, w, l) => (has(m, 'silenceDbfs') ? format(w.silentBelow, { limit: text(m.silenceDbfs, w, l) }) : undefined) },
  { fields: ['output'], say: (m, w, l) => (has(m, 'output') ? format(w.playedOn, { value: text(m.output, w, l) }) : undefined) },
  { fields: ['sharpness', 'minSharpness'], say: (m, w, l) => (has(m, 'sharpness') ? format(w.sharpness, { value: text(m.sharpness, w, l), limit: text(m.minSharpness, w, l) }) : undefined) },
  { fields: ['glarePercent'], say: (m, w, l) => (has(m, 'glarePercent') ? format(w.glare, { value: text(m.glarePercent, w, l) }) : undefined) },
  { fields: ['cameras'], say: (m, w, l) => (has(m, 'cameras') ? format(w.cameras, { items: text(m.cameras, w, l) }) : undefined) },
  { fields: ['inputs'], say: (m, w, l) => (has(m, 'inputs') ? format(w.microphones, { items: text(m.inputs, w, l) }) : undefined) },
  { fields: ['outputs'], say: (m, w, l) => (has(m, 'outputs') ? format(w.speakers, { items: text(m.outputs, w, l) }) : undefined) },
];

const KNOWN = new Set([...INTERNAL, ...PHRASES.flatMap((phrase) => phrase.fields)]);

/** `someField` → `some field`: the words of a field this console has no phrase for. */
const fieldWords = (name: string) => name.replace(/([a-z\d])([A-Z])/g, '$1 $2').toLowerCase();

/** What a check measured, as short phrases in the agent's language, in a fixed order. */
export function measuredPhrases(measured: Measured, locale: ConsoleLocale): string[] {
  const w = WORDS[locale];
  const phrases = PHRASES.map((phrase) => phrase.say(measured, w, locale)).filter((said): said is string => Boolean(said));
  const unknown = Object.keys(measured).filter((name) => !KNOWN.has(name));
  return [...phrases, ...unknown.map((name) => `${fieldWords(name)} ${text(measured[name], w, locale)}`)];
}
