/** @module Schemas of the knowledge base the browser needs too: the shared vocabulary and the compiled files the widget loads. */
import * as zod from 'zod/mini';

/**
 * Bumped when the compiled locale file changes shape; the search refuses other versions.
 * 2: `fallbacks` (the words for a placeholder the host left empty) and an article's `handover`.
 */
export const KB_FORMAT_VERSION = 2;

export const Locale = zod.string().check(
  zod.regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a locale is a language code such as "en", "es" or "pt-BR"'),
);
export type Locale = zod.infer<typeof Locale>;

export const PHASES = ['before', 'during', 'after'] as const;
export const Phase = zod.enum(PHASES);
export type Phase = zod.infer<typeof Phase>;

/** An article is for one exam phase, or for all of them. */
export const ArticlePhase = zod.enum([...PHASES, 'any']);
export type ArticlePhase = zod.infer<typeof ArticlePhase>;

export const TOPICS = [
  'account',
  'scheduling',
  'billing',
  'accessibility',
  'technical',
  'check-in',
  'exam-day',
  'after',
  'privacy',
  'integrity',
  'support',
  'instructors',
] as const;
export const Topic = zod.enum(TOPICS);
export type Topic = zod.infer<typeof Topic>;

/** Self-service checks an article can offer (see packages/checks). */
export const CHECK_NAMES = [
  'all',
  'system',
  'browser',
  'camera',
  'permissions',
  'microphone',
  'speaker',
  'network',
  'screen',
  'screen-share',
  'id-photo',
] as const;
export const CheckName = zod.enum(CHECK_NAMES);
export type CheckName = zod.infer<typeof CheckName>;

export const ArticleId = zod.string().check(
  zod.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is lowercase words joined by "-", such as "camera-not-working"'),
);
export type ArticleId = zod.infer<typeof ArticleId>;


/** Per-locale search vocabulary the editors control. */
export const LocaleSearchConfig = zod.strictObject({
  /** Each entry maps a word or phrase candidates type to the words the articles use ("webcam" -> "camera"). */
  synonyms: zod._default(zod.record(zod.string(), zod.union([zod.string(), zod.array(zod.string())])), {}),
  stopWords: zod._default(zod.array(zod.string()), []),
});
export type LocaleSearchConfig = zod.infer<typeof LocaleSearchConfig>;

/** Per phase, the articles the widget offers as quick replies when it opens, most useful first. */
export const FeaturedArticles = zod.strictObject({
  before: zod.optional(zod.array(ArticleId)),
  during: zod.optional(zod.array(ArticleId)),
  after: zod.optional(zod.array(ArticleId)),
});
export type FeaturedArticles = zod.infer<typeof FeaturedArticles>;


/** An article as the widget receives it: HTML already rendered and sanitized, plain text for search. */
export const CompiledArticle = zod.strictObject({
  id: ArticleId,
  title: zod.string(),
  summary: zod.string(),
  questions: zod.array(zod.string()),
  keywords: zod.array(zod.string()),
  topic: Topic,
  phase: ArticlePhase,
  check: zod.optional(CheckName),
  /** The article answers "I want a person": the widget offers the handover beside it. */
  handover: zod.optional(zod.literal(true)),
  related: zod.array(ArticleId),
  html: zod.string(),
  text: zod.string(),
  placeholders: zod.array(zod.string()),
});
export type CompiledArticle = zod.infer<typeof CompiledArticle>;

/** One `<locale>.<hash>.json` file. */
export const CompiledKb = zod.strictObject({
  format: zod.literal(KB_FORMAT_VERSION),
  kbVersion: zod.string(),
  locale: Locale,
  search: LocaleSearchConfig,
  featured: zod._default(FeaturedArticles, {}),
  /** Per placeholder, what the articles read in this locale where the host gave no value (kb.config.yaml). */
  fallbacks: zod.record(zod.string(), zod.string()),
  articles: zod.array(CompiledArticle),
});
export type CompiledKb = zod.infer<typeof CompiledKb>;

export const KbManifest = zod.strictObject({
  format: zod.literal(KB_FORMAT_VERSION),
  kbVersion: zod.string(),
  locales: zod.record(
    Locale,
    zod.strictObject({
      file: zod.string(),
      hash: zod.string(),
      articles: zod.int(),
    }),
  ),
});
export type KbManifest = zod.infer<typeof KbManifest>;
