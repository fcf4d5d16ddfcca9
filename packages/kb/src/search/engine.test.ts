import { describe, expect, it } from 'vitest';
import type { CompiledArticle, CompiledKb } from '@lifeline/protocol';
import { isLifelineError } from '@lifeline/protocol';
import { LocaleSearchEngine as CoreEngine } from './engine.ts';
import { DEFAULT_TUNING } from './tuning.ts';
import { createKbSearch, LocaleSearchEngine, parseCompiledKb } from './index.ts';

const article = (id: string, fields: Partial<CompiledArticle>): CompiledArticle => ({
  id,
  title: fields.title ?? id,
  summary: fields.summary ?? `${id} summary`,
  questions: fields.questions ?? [],
  keywords: fields.keywords ?? [],
  topic: fields.topic ?? 'technical',
  phase: fields.phase ?? 'any',
  related: [],
  html: '<p>x</p>',
  text: fields.text ?? '',
  placeholders: [],
});

const kb: CompiledKb = {
  format: 2,
  kbVersion: 'test',
  locale: 'en',
  search: { synonyms: { webcam: 'camera', 'wi fi': 'wifi' }, stopWords: ['my', 'the', 'is', 'a', 'i', 'to', 'how', 'do', 'not', 'what'] },
  featured: { during: ['exam-frozen'] },
  fallbacks: {},
  articles: [
    article('camera-not-working', { title: 'My camera is not working', questions: ['camera shows a black picture', 'camera not detected', 'camera in use by another app', 'video frozen', 'no camera found'], keywords: ['video', 'lens'] }),
    article('internet-connection', { title: 'Internet connection', questions: ['is my wifi fast enough', 'slow internet', 'upload speed too low', 'router far away', 'connection drops'], keywords: ['bandwidth', 'ethernet cable'] }),
    article('reschedule-or-cancel', { title: 'Reschedule or cancel', questions: ['change my exam date', 'cancel my booking', 'move my appointment', 'reschedule fee', 'new exam date'], keywords: ['postpone'], phase: 'before' }),
    article('results-timing', { title: 'When are results ready', questions: ['when do i get my results', 'score not posted', 'how long for results', 'results delayed', 'where are my grades'], keywords: ['score'], phase: 'after' }),
    article('long-body', {
      title: 'Rare word test',
      questions: ['one', 'two', 'three', 'four', 'five'],
      text: `${'filler words that say nothing at all '.repeat(10)}the zyxwvut appears only far into this body`,
    }),
  ],
};

const engine = new LocaleSearchEngine(kb);
const top = (query: string, options = {}) => engine.search(query, options).results[0]?.id;

describe('LocaleSearchEngine', () => {
  it('finds the article whose example questions match', () => {
    expect(top('camera is showing a black picture')).toBe('camera-not-working');
    expect(engine.search('camera shows a black picture').decision).toBe('answer');
  });

  it('tolerates typos through fuse.js', () => {
    expect(top('camrea black pictur')).toBe('camera-not-working');
    expect(top('is my wiffi fast enuogh')).toBe('internet-connection');
  });

  it('ignores case, accents and punctuation', () => {
    expect(top('CÁMERA!!! BLACK???')).toBe('camera-not-working');
  });

  it('expands the editors\' synonyms, single words and phrases', () => {
    expect(top('webcam black')).toBe('camera-not-working');
    expect(top('wi-fi fast enough')).toBe('internet-connection');
  });

  it('reads an emoji that names a thing through the editors\' synonyms, and ignores faces', () => {
    const emoji = new LocaleSearchEngine({ ...kb, search: { ...kb.search, synonyms: { ...kb.search.synonyms, '📷': 'camera', '📶': 'wifi' } } });
    expect(emoji.search('my 📷 is not working 😭').results[0]?.id).toBe('camera-not-working');
    expect(emoji.search('📶 too slow 🙏🏽').results[0]?.id).toBe('internet-connection');
    expect(emoji.explain('my 📷 is not working 😭').slots.map((s) => s.word)).toEqual(['📷', 'working']);
  });

  it('counts an emoji it cannot read as an unknown word, never as a typo of a real one', () => {
    const explained = engine.explain('camera 🖨️ 🎤');
    expect(explained.slots.map((s) => [s.word, s.matched.length])).toEqual([['camera', 1], ['🖨', 0], ['🎤', 0]]);
    // Even when short words may be respelled: an emoji is two UTF-16 units, as long as "ok".
    const withoutScorer = new CoreEngine(kb, { ...DEFAULT_TUNING, fuzzyMinLength: 2 });
    expect(withoutScorer.needsFuzzyScorer('camrea')).toBe(true);
    expect(withoutScorer.needsFuzzyScorer('🖨️ 🎤 👨‍💻')).toBe(false);
  });

  it('drops a misspelt stop word ("waht") the index does not know, instead of weighing it as the rarest word', () => {
    expect(engine.explain('waht camera black').slots.map((s) => s.word)).toEqual(['camera', 'black']);
    expect(engine.search('waht camera black').decision).not.toBe('none');
    // A real word of the knowledge base one swap from a stop word stays: "form" is not "from".
    const forms = new LocaleSearchEngine({ ...kb, search: { ...kb.search, stopWords: [...kb.search.stopWords, 'from'] }, articles: [...kb.articles, article('forms', { questions: ['fill in the form'] })] });
    expect(forms.explain('form').slots.map((s) => s.word)).toEqual(['form']);
  });

  it('reads a typo of a word as all the word stands for, its synonyms included', () => {
    const typos = new LocaleSearchEngine({ ...kb, articles: [...kb.articles, article('webcam-light', { questions: ['the webcam light stays on'] })] });
    const matched = typos.explain('wbecam').slots[0]?.matched.map((m) => m.term);
    expect(matched).toEqual(expect.arrayContaining(['webcam', 'camera']));
  });

  it('matches words far into a long field (fuse.js location limits do not apply)', () => {
    expect(top('zyxwvut')).toBe('long-body');
  });

  it('abstains on a question that shares nothing with the knowledge base', () => {
    const response = engine.search('banana bread recipe with walnuts');
    expect(response.decision).toBe('none');
  });

  it('abstains, with no results, on stop words only', () => {
    expect(engine.search('how do i')).toEqual({ decision: 'none', results: [] });
    expect(engine.search('')).toEqual({ decision: 'none', results: [] });
  });

  it('ranks an article for the current phase higher when the rest is equal', () => {
    const tie: CompiledKb = {
      ...kb,
      articles: [
        article('for-before', { questions: ['exam date question'], phase: 'before' }),
        article('for-after', { questions: ['exam date question'], phase: 'after' }),
      ],
    };
    const tied = new LocaleSearchEngine(tie);
    expect(tied.search('exam date question', { phase: 'after' }).results[0]?.id).toBe('for-after');
    expect(tied.search('exam date question', { phase: 'before' }).results[0]?.id).toBe('for-before');
  });

  it('returns at most `limit` results, best first, scores between 0 and 1', () => {
    const { results } = engine.search('exam date results camera wifi', { limit: 2 });
    expect(results.length).toBeLessThanOrEqual(2);
    for (const r of results) expect(r.score).toBeGreaterThanOrEqual(0);
    for (const r of results) expect(r.score).toBeLessThanOrEqual(1);
    expect([...results].sort((a, b) => b.score - a.score)).toEqual(results);
  });

  it('explains each word of the query', () => {
    const explained = engine.explain('webcam frozn');
    expect(explained.slots.map((s) => s.word)).toEqual(['webcam', 'frozn']);
    expect(explained.slots[1]?.matched.map((m) => m.term)).toContain('frozen');
  });

  it('never throws and always decides, for seeded random queries', () => {
    let seed = 1234;
    const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const pieces = ['camera', 'camra', 'wifi', ' ', '!!', 'é', 'the', 'ñ', '😀', '📷', '\u200d', 'results', 'x', '\u0000', '{{links.x}}', 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', '12345'];
    for (let run = 0; run < 3000; run += 1) {
      const query = Array.from({ length: Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const response = engine.search(query);
      expect(['answer', 'suggest', 'none'], `seed 1234 run ${run}: ${JSON.stringify(query)}`).toContain(response.decision);
    }
  });
});

describe('createKbSearch', () => {
  it('searches by locale', () => {
    const search = createKbSearch();
    search.addLocale(kb);
    expect(search.hasLocale('en')).toBe(true);
    expect(search.search('camera black picture', { locale: 'en' }).results[0]?.id).toBe('camera-not-working');
  });

  it('says clearly when a locale is not loaded', () => {
    const search = createKbSearch();
    try {
      search.search('x', { locale: 'fr' });
      expect.unreachable();
    } catch (error) {
      expect(isLifelineError(error) && error.code).toBe('kb.locale.not_loaded');
    }
  });

  it.each([
    ['not an object', 'nope', 'kb.file.invalid'],
    ['missing articles', { format: 2, kbVersion: 'x', locale: 'en', search: { synonyms: {}, stopWords: [] } }, 'kb.file.invalid'],
    ['another format version', { ...kb, format: 99 }, 'kb.file.unsupported_format'],
  ])('rejects a compiled file that is %s', (_name, value, code) => {
    try {
      parseCompiledKb(value);
      expect.unreachable();
    } catch (error) {
      expect(isLifelineError(error) && error.code).toBe(code);
    }
  });
});
