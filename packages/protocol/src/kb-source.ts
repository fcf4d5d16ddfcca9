/** @module Schemas of the knowledge base's sources: article front matter and kb.config.yaml (Node only; the browser never loads them). */
import * as zod from 'zod/mini';
import { ArticleId, ArticlePhase, CheckName, FeaturedArticles, Locale, LocaleSearchConfig, Topic } from './kb.ts';

const IsoDate = zod.string().check(zod.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD, such as 2026-11-02'));
const NonEmptyText = zod.string().check(zod.trim(), zod.minLength(1, 'must not be empty'));

/** A value the host platform fills in at run time, written `{{links.support}}` in articles. */
export const PlaceholderName = zod.string().check(zod.regex(/^[a-zA-Z]+(\.[a-zA-Z]+)*$/, 'a placeholder is dotted words such as links.reschedule'));

export const MIN_QUESTIONS = 5;
export const MIN_PUBLISHED_REVIEWERS = 2;

export const ArticleFrontMatter = zod.strictObject({
  id: ArticleId,
  locale: Locale,
  title: NonEmptyText.check(zod.maxLength(90, 'keep the title under 90 characters')),
  summary: NonEmptyText.check(zod.maxLength(320, 'the summary is the bot\'s answer: one or two sentences, at most 320 characters')),
  questions: zod.array(NonEmptyText),
  keywords: zod.array(NonEmptyText).check(zod.minLength(3, 'list at least 3 keywords')),
  topic: Topic,
  phase: ArticlePhase,
  check: zod.optional(CheckName),
  /** `true` on the article that answers "I want to talk to a person": the widget offers the handover beside it. */
  handover: zod.optional(zod.boolean()),
  related: zod.array(ArticleId),
  owner: NonEmptyText,
  reviewed_by: zod.array(NonEmptyText),
  reviewed_at: IsoDate,
  review_every: zod.int().check(zod.positive('review_every is a number of days, such as 180')),
  status: zod.enum(['draft', 'published']),
  source_hash: zod.optional(zod.string().check(zod.regex(/^[0-9a-f]{12,64}$/, 'source_hash is written by `lifeline-kb stamp`'))),
});
export type ArticleFrontMatter = zod.infer<typeof ArticleFrontMatter>;

export const KbConfig = zod.strictObject({
  version: NonEmptyText,
  sourceLocale: Locale,
  locales: zod.array(Locale).check(zod.minLength(1, 'list at least one locale')),
  /**
   * The values the host fills in, each with its fallback per locale: the words a candidate reads where
   * the host gave no value (`support.phone: { en: the support phone number, es: teléfono de soporte }`).
   */
  placeholders: zod.record(PlaceholderName, zod.record(Locale, NonEmptyText)),
  search: zod._default(zod.record(Locale, LocaleSearchConfig), {}),
  featured: zod._default(FeaturedArticles, {}),
});
export type KbConfig = zod.infer<typeof KbConfig>;
