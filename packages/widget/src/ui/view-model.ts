/** @module What the UI renders and what it can ask the widget to do: the only contract between them. */
import type { ComponentChild, FunctionComponent } from 'preact';
import type { TranscriptItem } from '../bot/index.ts';
import type { UiStrings } from '../i18n/index.ts';

export interface ArticleSummary {
  id: string;
  title: string;
  /** Placeholders already filled. */
  summary: string;
  /** The self-service check this article offers to run. */
  check: string | undefined;
  /** The answer offers "Talk to a person" at once. */
  handover: boolean | undefined;
}

export interface ArticleDetail extends ArticleSummary {
  /** Compiled, sanitized at build time, placeholders filled as escaped text. */
  html: string;
  related: ArticleSummary[];
}

export type KbStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface ViewModel {
  strings: UiStrings;
  lang: string;
  dir: 'ltr' | 'rtl';
  dark: boolean;
  side: 'left' | 'right';
  /** Inline custom properties from the config's theme. */
  themeVars: Record<string, string>;
  open: boolean;
  kbStatus: KbStatus;
  items: TranscriptItem[];
  quickReplies: ArticleSummary[];
  /** The article shown instead of the conversation, if any. */
  reading: ArticleDetail | undefined;
  /** The article view component, once its lazy chunk has loaded. */
  ArticleView: FunctionComponent<{ article: ArticleDetail; strings: UiStrings; actions: UiActions }> | undefined;
  /** The checks or the chat instead of the conversation: `null` while its chunk (or the article view's) loads, `undefined` when not shown. */
  flowPanel: ComponentChild | undefined;
  /** The code of the view asked for could not be loaded: the panel says so, and it loads when the network returns. */
  failed: boolean;
  /** "Talk to a person" opens the chat (the config has `chat`), rather than only telling the host. */
  chat: boolean;
  /**
   * The bar under the header with "Talk to a person", whenever chat is configured and not already shown:
   * its text says whether people are answering now ('' until the gateway has said). Undefined: no bar.
   */
  people: string | undefined;
  /** Folded down to the header. */
  minimised: boolean;
  /** Looks up an article for an answer card, in the current language. */
  article(id: string): ArticleSummary | undefined;
  supportHours: string | undefined;
  /** A question typed while the knowledge base was loading. */
  pending: boolean;
  /** A note under the question box: Send with nothing typed, or a question cut to its first characters. */
  hint: 'empty' | 'cut' | '';
}

export interface UiActions {
  toggle(): void;
  close(): void;
  ask(question: string): void;
  choose(articleId: string): void;
  read(articleId: string): void;
  back(): void;
  rate(articleId: string, helpful: boolean): void;
  escalate(): void;
  retry(): void;
  /** Opens the checks: "Check my setup" (all), or the one an answer's article names. */
  checks(only?: string): void;
  /** The candidate showed interest (hover, focus): start fetching answers early. */
  warm(): void;
  /** Folds the panel down to its header, or opens it out again. */
  minimise(): void;
}
