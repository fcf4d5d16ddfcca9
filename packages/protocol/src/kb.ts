/** @module Schemas of the knowledge base the browser needs too: the shared vocabulary and the compiled files the widget loads. */
import * as z from 'zod/mini';

/**
 * Bumped when the compiled locale file changes shape; the search refuses other versions.
 * 2: `fallbacks` (the words for a placeholder the host left empty) and an article's `handover`.
 */
export const KB_FORMAT_VERSION = 2;

export const Locale = z.string().check(
  z.regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a locale is a language code such as "en", "es" or "pt-BR"'),
);
export type Locale = z.infer<typeof Locale>;

export const PHASES = ['before', 'during', 'after'] as const;
export const Phase = z.enum(PHASES);
export type Phase = z.infer<typeof Phase>;

/** An article is for one exam phase, or for all of them. */
export const ArticlePhase = z.enum([...PHASES, 'any']);
export type ArticlePhase = z.infer<typeof ArticlePhase>;

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
export const Topic = z.enum(TOPICS);
export type Topic = z.infer<typeof Topic>;

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
export const CheckName = z.enum(CHECK_NAMES);
export type CheckName = z.infer<typeof CheckName>;

export const ArticleId = z.string().check(
  z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is lowercase words joined by "-", such as "camera-not-working"'),
);
export type ArticleId = z.infer<typeof ArticleId>;


/** Per-locale search vocabulary the editors control. */
export const LocaleSearchConfig = z.strictObject({
  /** Each entry maps a word or phrase candidates type to the words the articles use ("webcam" -> "camera"). */
  synonyms: z._default(z.record(z.string(), z.union([z.string(), z.array(z.string())])), {}),
  stopWords: z._default(z.array(z.string()), []),
});
export type LocaleSearchConfig = z.infer<typeof LocaleSearchConfig>;

/** Per phase, the articles the widget offers as quick replies when it opens, most useful first. */
export const FeaturedArticles = z.strictObject({
  before: z.optional(z.array(ArticleId)),
  during: z.optional(z.array(ArticleId)),
  after: z.optional(z.array(ArticleId)),
});
export type FeaturedArticles = z.infer<typeof FeaturedArticles>;


/** An article as the widget receives it: HTML already rendered and sanitized, plain text for search. */
export const CompiledArticle = z.strictObject({
  id: ArticleId,
  title: z.string(),
  summary: z.string(),
  questions: z.array(z.string()),
  keywords: z.array(z.string()),
  topic: Topic,
  phase: ArticlePhase,
  check: z.optional(CheckName),
  /** The article answers "I want a person": the widget offers the handover beside it. */
  handover: z.optional(z.literal(true)),
  related: z.array(ArticleId),
  html: z.string(),
  text: z.string(),
  placeholders: z.array(z.string()),
});
export type CompiledArticle = z.infer<typeof CompiledArticle>;

/** One `<locale>.<hash>.json` file. */
export const CompiledKb = z.strictObject({
  format: z.literal(KB_FORMAT_VERSION),
  kbVersion: z.string(),
  locale: Locale,
  search: LocaleSearchConfig,
  featured: z._default(FeaturedArticles, {}),
  /** Per placeholder, what the articles read in this locale where the host gave no value (kb.config.yaml). */
  fallbacks: z.record(z.string(), z.string()),
  articles: z.array(CompiledArticle),
});
export type CompiledKb = z.infer<typeof CompiledKb>;

export const KbManifest = z.strictObject({
  format: z.literal(KB_FORMAT_VERSION),
  kbVersion: z.string(),
  locales: z.record(
    Locale,
    z.strictObject({
      file: z.string(),
      hash: z.string(),
      articles: z.int(),
    }),
  ),
});
export type KbManifest = z.infer<typeof KbManifest>;
