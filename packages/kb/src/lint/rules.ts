/** @module The rules that look across articles: ids, links, translations, reviews, placeholders, questions. */
import { MIN_PUBLISHED_REVIEWERS, MIN_QUESTIONS, type ArticleFrontMatter, type KbConfig } from '@lifeline/protocol';
import { findPlaceholders } from '../markdown/placeholders.ts';
import type { KnowledgeBase, SourceArticle } from '../source/load.ts';
import { problem, type Problem } from '../source/problem.ts';
import { wordingProblems } from './wording.ts';

export interface LintOptions {
  /** The day reviews are judged against, `YYYY-MM-DD`; today by default. */
  today?: string;
}

type ValidArticle = SourceArticle & { frontMatter: ArticleFrontMatter };

export function crossArticleProblems(kb: KnowledgeBase, options: LintOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const valid = kb.articles.filter((a): a is ValidArticle => a.frontMatter !== undefined);
  const at = (article: SourceArticle, keyPath: PropertyKey[]) => ({ file: article.file, ...article.locate(keyPath) });
  const byLocale = new Map<string, Map<string, ValidArticle>>();

  for (const article of valid) {
    const { id, locale } = article.frontMatter;
    if (id !== article.fileId) {
      problems.push(problem(at(article, ['id']), 'kb.article.id_mismatch', `id "${id}" must match the file name "${article.fileId}.md"`));
    }
    if (locale !== article.folderLocale) {
      problems.push(problem(at(article, ['locale']), 'kb.article.locale_mismatch', `locale "${locale}" must match the folder "${article.folderLocale}/"`));
    }
    const ids = byLocale.get(locale) ?? new Map<string, ValidArticle>();
    const first = ids.get(id);
    if (first) problems.push(problem(at(article, ['id']), 'kb.article.duplicate_id', `id "${id}" is already used by ${first.file}`));
    else ids.set(id, article);
    byLocale.set(locale, ids);
  }

  const config = kb.config;
  const known = new Set(Object.keys(config?.placeholders ?? {}));
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  for (const article of valid) {
    const fm = article.frontMatter;
    const sameLocale = byLocale.get(fm.locale) ?? new Map();
    fm.related.forEach((id, index) => {
      if (!sameLocale.has(id)) problems.push(problem(at(article, ['related', index]), 'kb.article.unknown_related', `related article "${id}" does not exist in ${fm.locale}/`));
    });
    for (const link of article.body.articleLinks) {
      if (!sameLocale.has(link.id)) problems.push(problem({ file: article.file, line: link.line, column: link.column }, 'kb.markdown.unknown_article', `link to article "${link.id}" which does not exist in ${fm.locale}/`));
    }
    if (fm.questions.length < MIN_QUESTIONS) {
      problems.push(problem(at(article, ['questions']), 'kb.article.too_few_questions', `list at least ${MIN_QUESTIONS} ways candidates ask for this article (found ${fm.questions.length}); the search matches on them`));
    }
    if (fm.status === 'published' && fm.reviewed_by.length < MIN_PUBLISHED_REVIEWERS) {
      problems.push(problem(at(article, ['reviewed_by']), 'kb.review.too_few_reviewers', `a published article needs at least ${MIN_PUBLISHED_REVIEWERS} reviewers (found ${fm.reviewed_by.length})`));
    }
    problems.push(...reviewProblems(article, today, at));
    problems.push(...placeholderProblems(article, known, at));
    if (config) problems.push(...candidateTextProblems(article, fallbacksFor(config.placeholders, fm.locale), at));
  }

  problems.push(...sharedQuestionProblems(valid, at));
  if (config) problems.push(...fallbackProblems(kb));
  if (config) problems.push(...featuredProblems(kb, byLocale));
  if (config) problems.push(...translationProblems(config.sourceLocale, config.locales, byLocale, at));
  return problems;
}

/** The same example question in two articles of a locale pulls the search both ways. */
function sharedQuestionProblems(valid: ValidArticle[], at: (a: SourceArticle, p: PropertyKey[]) => { file: string; line: number; column: number }): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, ValidArticle>();
  for (const article of valid) {
    article.frontMatter.questions.forEach((question, index) => {
      const key = `${article.frontMatter.locale} ${question.trim().toLowerCase()}`;
      const first = seen.get(key);
      if (!first) seen.set(key, article);
      else if (first.frontMatter.id !== article.frontMatter.id) {
        problems.push(problem(at(article, ['questions', index]), 'kb.article.shared_question', `"${question}" is also a question of ${first.file}; keep it in the one article that answers it`, 'warning'));
      }
    });
  }
  return problems;
}

function reviewProblems(article: ValidArticle, today: string, at: (a: SourceArticle, p: PropertyKey[]) => { file: string; line: number; column: number }): Problem[] {
  const fm = article.frontMatter;
  const reviewed = Date.parse(`${fm.reviewed_at}T00:00:00Z`);
  if (Number.isNaN(reviewed)) return [problem(at(article, ['reviewed_at']), 'kb.front_matter.invalid', `"reviewed_at": ${fm.reviewed_at} is not a real date`)];
  const now = Date.parse(`${today}T00:00:00Z`);
  if (reviewed > now) return [problem(at(article, ['reviewed_at']), 'kb.review.in_future', `reviewed_at ${fm.reviewed_at} is after today (${today})`)];
  const due = new Date(reviewed + fm.review_every * 86_400_000).toISOString().slice(0, 10);
  if (due < today) {
    return [problem(at(article, ['reviewed_at']), 'kb.review.past_due', `review was due on ${due} (reviewed ${fm.reviewed_at}, every ${fm.review_every} days): review it and update reviewed_at`, 'warning')];
  }
  return [];
}

function placeholderProblems(article: ValidArticle, known: Set<string>, at: (a: SourceArticle, p: PropertyKey[]) => { file: string; line: number; column: number }): Problem[] {
  const fm = article.frontMatter;
  const found = [
    ...findPlaceholders(fm.title).map((p) => ({ ...p, ...at(article, ['title']) })),
    ...findPlaceholders(fm.summary).map((p) => ({ ...p, ...at(article, ['summary']) })),
    ...article.body.placeholders.map((p) => ({ ...p, file: article.file, raw: p.name, valid: true })),
  ];
  return found
    .filter((p) => !known.has(p.name))
    .map((p) => problem(p, 'kb.placeholder.unknown', `unknown placeholder {{${p.name}}}; use one listed under "placeholders" in kb.config.yaml, or add it there`));
}

/** Each placeholder needs its fallback in every locale, or a candidate would read an empty gap. */
function fallbackProblems(kb: KnowledgeBase): Problem[] {
  const config = kb.config;
  if (!config) return [];
  return Object.entries(config.placeholders).flatMap(([name, byLocale]) =>
    config.locales.flatMap((locale) =>
      byLocale[locale] !== undefined
        ? []
        : [problem(kb.locateConfig(['placeholders', name]), 'kb.config.missing_fallback', `placeholder ${name} has no fallback for "${locale}": add ${locale}: the words a candidate reads when the host gives no value`)],
    ),
  );
}

export function fallbacksFor(placeholders: KbConfig['placeholders'], locale: string): Record<string, string> {
  return Object.fromEntries(Object.entries(placeholders).flatMap(([name, byLocale]) => (byLocale[locale] === undefined ? [] : [[name, byLocale[locale]]])));
}

/** The title, summary and body as a candidate reads them with no host values: doubled words and fallbacks that read wrong. */
function candidateTextProblems(article: ValidArticle, fallbacks: Record<string, string>, at: (a: SourceArticle, p: PropertyKey[]) => { file: string; line: number; column: number }): Problem[] {
  const fm = article.frontMatter;
  const field = (key: 'title' | 'summary') => {
    const where = at(article, [key]);
    return wordingProblems({ text: fm[key], placeholderAt: () => where, locate: () => where }, fm.locale, fallbacks);
  };
  const body = article.body;
  const bodyText = {
    text: body.text,
    placeholderAt: (index: number) => {
      const found = body.placeholders[index];
      return found ? { file: article.file, line: found.line, column: found.column } : body.locateText(/\{\{/);
    },
    locate: (pattern: RegExp) => body.locateText(pattern),
  };
  return [...field('title'), ...field('summary'), ...wordingProblems(bodyText, fm.locale, fallbacks)];
}

function translationProblems(
  sourceLocale: string,
  locales: string[],
  byLocale: Map<string, Map<string, ValidArticle>>,
  at: (a: SourceArticle, p: PropertyKey[]) => { file: string; line: number; column: number },
): Problem[] {
  const problems: Problem[] = [];
  const sources = byLocale.get(sourceLocale) ?? new Map<string, ValidArticle>();
  for (const locale of locales.filter((l) => l !== sourceLocale)) {
    const translations = byLocale.get(locale) ?? new Map<string, ValidArticle>();
    for (const [id, source] of sources) {
      if (source.frontMatter.status !== 'published') continue;
      if (!translations.has(id)) problems.push(problem(at(source, ['id']), 'kb.translation.missing', `no ${locale} translation: add ${locale}/${id}.md`));
    }
    for (const [id, translation] of translations) {
      const source = sources.get(id);
      if (!source) {
        problems.push(problem(at(translation, ['id']), 'kb.translation.orphan', `no ${sourceLocale}/${id}.md for this translation to follow`));
        continue;
      }
      if (Boolean(translation.frontMatter.handover) !== Boolean(source.frontMatter.handover)) {
        problems.push(problem(at(translation, ['id']), 'kb.translation.handover_mismatch', `handover must be the same as in ${source.file} (${source.frontMatter.handover ? 'true' : 'absent'}): candidates in every language get the same way to a person`));
      }
      if (translation.frontMatter.source_hash === undefined) {
        problems.push(problem(at(translation, ['id']), 'kb.translation.unstamped', `no source_hash: once the translation matches ${source.file}, run "npx lifeline-kb stamp"`));
      } else if (translation.frontMatter.source_hash !== source.sourceHash) {
        problems.push(problem(at(translation, ['source_hash']), 'kb.translation.outdated', `${source.file} changed since this translation was made: update the translation, then run "npx lifeline-kb stamp ${translation.file}"`));
      }
    }
  }
  return problems;
}

/** Quick replies name articles by id; each must exist in the source locale. */
function featuredProblems(kb: KnowledgeBase, byLocale: Map<string, Map<string, ValidArticle>>): Problem[] {
  const config = kb.config;
  if (!config) return [];
  const source = byLocale.get(config.sourceLocale) ?? new Map();
  return Object.entries(config.featured).flatMap(([phase, ids]) =>
    (ids ?? []).flatMap((id, index) =>
      source.has(id) ? [] : [problem(kb.locateConfig(['featured', phase, index]), 'kb.config.unknown_featured', `featured article "${id}" (${phase}) does not exist in ${config.sourceLocale}/`)],
    ),
  );
}
