/**
 * @module Reads an article as a candidate sees it when the host gave no values (every placeholder
 * replaced by its fallback from kb.config.yaml) and reports what reads wrong there: a doubled word
 * ("en el el teléfono"), an article before a fallback that brings its own ("your the exam platform",
 * Spanish "a el"), a unit symbol after a fallback ("the set number of GB"), a fallback left without
 * the noun it needs ("within the set number of.").
 */
import type { SourceLocation } from '@lifeline/protocol';
import { problem, type Problem } from '../source/problem.ts';

/** A text a candidate reads, and where each of its placeholders is in the source file. */
export interface CandidateText {
  text: string;
  /** The location of the n-th placeholder of `text`, for problems about it. */
  placeholderAt(index: number): SourceLocation;
  /** Where a problem without a placeholder is reported: the field, or the spot in the body. */
  locate(pattern: RegExp): SourceLocation;
}

interface Language {
  /** Words that open a noun phrase: one of them before a fallback that starts with one reads twice. */
  determiners: ReadonlySet<string>;
  /** Prepositions that fuse with an article: Spanish writes "al", never "a el". */
  contractions: Readonly<Record<string, { article: string; joined: string }>>;
  /** A fallback that ends in one of these needs the noun after it ("the set number of" + "days"). */
  needsNounAfter: ReadonlySet<string>;
}

const LANGUAGES: Record<string, Language> = {
  en: {
    determiners: new Set(['the', 'a', 'an', 'your', 'my', 'our', 'their', 'his', 'her', 'its', 'this', 'that', 'these', 'those']),
    contractions: {},
    needsNounAfter: new Set(['of', 'the', 'a', 'an', 'your']),
  },
  es: {
    determiners: new Set(['el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas', 'su', 'sus', 'mi', 'mis', 'tu', 'tus', 'este', 'esta', 'estos', 'estas', 'ese', 'esa', 'esos', 'esas', 'al', 'del']),
    contractions: { a: { article: 'el', joined: 'al' }, de: { article: 'el', joined: 'del' } },
    needsNounAfter: new Set(['de', 'del', 'el', 'la', 'los', 'las', 'su', 'sus']),
  },
};
const NO_LANGUAGE: Language = { determiners: new Set(), contractions: {}, needsNounAfter: new Set() };

/** Same pattern as markdown/placeholders.ts, so the n-th match here is the n-th placeholder the body recorded. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** Symbols that follow a number, never a phrase: GB, MB, Mbps, kbps, GHz, ms, px. */
const UNIT_SYMBOL = /^(?:[kKMGT]?(?:B|bps|Hz)|ms|px)$/;
const DOUBLED_WORD = /(?<![\p{L}\p{N}])(\p{L}+)\s+\1(?![\p{L}\p{N}])/giu;
const LAST_WORD = /(\p{L}+)[^\p{L}\p{N}]*$/u;
const FIRST_WORD = /^[^\p{L}\p{N}]*(\p{L}+)/u;

interface Slot {
  name: string;
  fallback: string;
  index: number;
  start: number;
  end: number;
}

/** Every problem of one text, read with the locale's fallbacks. */
export function wordingProblems(source: CandidateText, locale: string, fallbacks: Readonly<Record<string, string>>): Problem[] {
  const language = LANGUAGES[locale.split('-')[0] ?? ''] ?? NO_LANGUAGE;
  const slots: Slot[] = [];
  let index = 0;
  let rendered = '';
  let last = 0;
  for (const match of source.text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    // An unknown placeholder is reported by its own rule; here it keeps its braces.
    const fallback = fallbacks[name] ?? match[0];
    rendered += source.text.slice(last, match.index);
    slots.push({ name, fallback, index, start: rendered.length, end: rendered.length + fallback.length });
    rendered += fallback;
    last = match.index + match[0].length;
    index += 1;
  }
  rendered += source.text.slice(last);

  const problems: Problem[] = [];
  // A few words either side, cut at word boundaries.
  const quote = (from: number, to: number) => {
    const start = from <= 0 ? 0 : rendered.lastIndexOf(' ', from) + 1;
    const end = rendered.indexOf(' ', Math.min(to, rendered.length));
    return `"${rendered.slice(start, end === -1 ? rendered.length : end).replace(/\s+/g, ' ').trim()}"`;
  };
  for (const match of rendered.matchAll(DOUBLED_WORD)) {
    const end = match.index + match[0].length;
    const slot = slots.find((s) => s.start < end && s.end > match.index);
    const where = slot ? source.placeholderAt(slot.index) : source.locate(new RegExp(`(?<![\\p{L}\\p{N}])${match[1]}\\s+${match[1]}(?![\\p{L}\\p{N}])`, 'iu'));
    const why = slot ? ` with {{${slot.name}}} unfilled it reads ${quote(match.index - 12, end + 12)}` : ` ${quote(match.index, end)}`;
    problems.push(problem(where, 'kb.text.doubled_word', `"${match[1]}" is written twice:${why}; reword the sentence${slot ? ` or the fallback of ${slot.name} in kb.config.yaml` : ''}`));
  }
  for (const slot of slots) {
    if (slot.fallback.startsWith('{{')) continue;
    const before = LAST_WORD.exec(rendered.slice(0, slot.start))?.[1];
    const opening = FIRST_WORD.exec(slot.fallback)?.[1]?.toLowerCase();
    const closing = LAST_WORD.exec(slot.fallback)?.[1]?.toLowerCase();
    const after = rendered.slice(slot.end);
    const nextWord = /^\s*([^\s.,;:!?()]+)/.exec(after)?.[1];
    const at = source.placeholderAt(slot.index);
    const reads = quote(slot.start - 16, slot.end + 16);
    const lower = before?.toLowerCase();
    const contraction = lower ? language.contractions[lower] : undefined;
    if (lower && opening && lower !== opening && language.determiners.has(lower) && language.determiners.has(opening)) {
      problems.push(problem(at, 'kb.placeholder.article_clash', `"${before}" before {{${slot.name}}} clashes with its fallback "${slot.fallback}": unfilled it reads ${reads}; reword the sentence`));
    } else if (contraction && opening === contraction.article) {
      problems.push(problem(at, 'kb.placeholder.article_clash', `"${before} ${opening}" must be "${contraction.joined}": with {{${slot.name}}} unfilled it reads ${reads}; reword the sentence or the fallback`));
    }
    if (nextWord && UNIT_SYMBOL.test(nextWord)) {
      problems.push(problem(at, 'kb.placeholder.unit_after_fallback', `the unit "${nextWord}" after {{${slot.name}}} reads wrong after its fallback: ${reads}; write the unit in words ("gigabytes (GB)")`));
    } else if (closing && language.needsNounAfter.has(closing) && !/^\s*\p{L}/u.test(after)) {
      problems.push(problem(at, 'kb.placeholder.dangling_fallback', `the fallback of {{${slot.name}}} ends in "${closing}" and needs a word after it: unfilled it reads ${reads}; put the unit in words after the placeholder`));
    }
  }
  return problems;
}
