/** @module Schemas of the knowledge base's sources: article front matter and kb.config.yaml (Node only; the browser never loads them). */
import * as z from 'zod/mini';
import { ArticleId, ArticlePhase, CheckName, FeaturedArticles, Locale, LocaleSearchConfig, Topic } from './kb.ts';

const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD, such as 2026-11-02'));
const NonEmptyText = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

/** A value the host platform fills in at run time, written `{{links.support}}` in articles. */
export const PlaceholderName = z.string().check(z.regex(/^[a-zA-Z]+(\.[a-zA-Z]+)*$/, 'a placeholder is dotted words such as links.reschedule'));

export const MIN_QUESTIONS = 5;
export const MIN_PUBLISHED_REVIEWERS = 2;

export const ArticleFrontMatter = z.strictObject({
  id: ArticleId,
  locale: Locale,
  title: NonEmptyText.check(z.maxLength(90, 'keep the title under 90 characters')),
  summary: NonEmptyText.check(z.maxLength(320, 'the summary is the bot\'s answer: one or two sentences, at most 320 characters')),
  questions: z.array(NonEmptyText),
  keywords: z.array(NonEmptyText).check(z.minLength(3, 'list at least 3 keywords')),
  topic: Topic,
  phase: ArticlePhase,
  check: z.optional(CheckName),
  /** `true` on the article that answers "I want to talk to a person": the widget offers the handover beside it. */
  handover: z.optional(z.boolean()),
  related: z.array(ArticleId),
  owner: NonEmptyText,
  reviewed_by: z.array(NonEmptyText),
  reviewed_at: IsoDate,
  review_every: z.int().check(z.positive('review_every is a number of days, such as 180')),
  status: z.enum(['draft', 'published']),
  source_hash: z.optional(z.string().check(z.regex(/^[0-9a-f]{12,64}$/, 'source_hash is written by `lifeline-kb stamp`'))),
});
export type ArticleFrontMatter = z.infer<typeof ArticleFrontMatter>;

export const KbConfig = z.strictObject({
  version: NonEmptyText,
  sourceLocale: Locale,
  locales: z.array(Locale).check(z.minLength(1, 'list at least one locale')),
  /**
   * The values the host fills in, each with its fallback per locale: the words a candidate reads where
   * the host gave no value (`support.phone: { en: the support phone number, es: teléfono de soporte }`).
   */
  placeholders: z.record(PlaceholderName, z.record(Locale, NonEmptyText)),
  search: z._default(z.record(Locale, LocaleSearchConfig), {}),
  featured: z._default(FeaturedArticles, {}),
});
export type KbConfig = z.infer<typeof KbConfig>;
