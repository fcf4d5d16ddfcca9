/** @module Light suffix stemmers, so "cameras"/"camera" and "congelado"/"congela" meet; fuzzy matching covers the rest. */

export type Stemmer = (word: string) => string;

// Ordered longest first; a suffix is removed only when at least MIN_STEM letters remain.
const EN_SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ies', 'ied', 'ers', 'ed', 'er', 'es', 'ly', 's'];
const ES_SUFFIXES = [
  'amientos', 'amiento', 'aciones', 'acion', 'amente', 'mente', 'iendo', 'ando', 'adas', 'ados', 'idas', 'idos',
  'ada', 'ado', 'ida', 'ido', 'ar', 'er', 'ir', 'as', 'es', 'os', 'a', 'e', 'o', 's',
];
const MIN_STEM = 3;

function stripSuffix(word: string, suffixes: readonly string[]): string {
  for (const suffix of suffixes) {
    if (word.length - suffix.length >= MIN_STEM && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

function stemEnglish(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  let stem = stripSuffix(word, EN_SUFFIXES);
  // "stopped" -> "stopp" -> "stop"; "running" -> "runn" -> "run"
  if (stem !== word && /([b-df-hj-np-tv-z])\1$/.test(stem) && !/(ll|ss|zz|ff)$/.test(stem)) stem = stem.slice(0, -1);
  // "updated"/"update": drop a final silent e so both forms meet.
  if (stem.length > MIN_STEM && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}

function stemSpanish(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  return stripSuffix(word, ES_SUFFIXES);
}

export function stemmerFor(locale: string): Stemmer {
  const language = locale.split('-')[0];
  if (language === 'en') return stemEnglish;
  if (language === 'es') return stemSpanish;
  return (word) => word;
}
