/** @module A large synthetic knowledge base for benchmarks: real articles, rewritten with seeded pseudo-words. */
import type { CompiledArticle, CompiledKb } from '@lifeline/protocol';

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ne', 'to', 'vu', 'si', 'pe', 'zo', 'da', 'fi', 'gu', 'he', 'jo', 'bri', 'sta', 'quo', 'tre', 'plu'];

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `count` articles: each copies a real article's structure and wording, then mixes in words from a
 * vocabulary of `vocabulary` pseudo-words, so the index grows in terms and postings like a real large KB.
 */
export function generateLargeKb(base: CompiledKb, count: number, vocabulary = 20_000, seed = 7): CompiledKb {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const words = Array.from({ length: vocabulary }, (_, i) => {
    let word = '';
    for (let n = 2 + (i % 3); n > 0; n -= 1) word += pick(SYLLABLES);
    return `${word}${i.toString(36)}`;
  });
  const phrase = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');
  const articles: CompiledArticle[] = [];
  for (let i = 0; i < count; i += 1) {
    const source = base.articles[i % base.articles.length] as CompiledArticle;
    articles.push({
      ...source,
      id: `${source.id}-${i}`,
      title: `${source.title} ${phrase(2)}`,
      summary: `${source.summary} ${phrase(6)}`,
      questions: source.questions.map((q) => `${q} ${phrase(2)}`),
      keywords: [...source.keywords, phrase(1), phrase(1)],
      related: [],
      text: `${source.text}\n${phrase(60)}`,
    });
  }
  return { ...base, articles };
}
