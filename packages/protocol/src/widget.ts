/** @module Schemas of the widget: the host's config and context, and the help-session record handed to agents. */
import * as z from 'zod/mini';
import { CheckReport } from './checks.ts';
import { ArticleId, Locale, Phase } from './kb.ts';

/** Host-supplied values that fill article placeholders (`{{exam.name}}`, `{{links.reschedule}}`, ...). */
const PlaceholderValues = z.record(z.string(), z.union([z.string(), z.number()]));

/** What the host page knows about the candidate's situation; `setContext` merges it. */
export const HostContext = z.strictObject({
  phase: z.optional(Phase),
  platform: z.optional(PlaceholderValues),
  candidate: z.optional(PlaceholderValues),
  exam: z.optional(PlaceholderValues),
  /** Web addresses by name (`links.reschedule`); only http(s) addresses become links. */
  links: z.optional(z.record(z.string(), z.string())),
  support: z.optional(PlaceholderValues),
  policy: z.optional(PlaceholderValues),
  proctoringApp: z.optional(PlaceholderValues),
});
export type HostContext = z.infer<typeof HostContext>;

export const THEME_MODES = ['auto', 'light', 'dark'] as const;
export const WIDGET_SIDES = ['right', 'left'] as const;

export const WidgetTheme = z.strictObject({
  /** The launcher and buttons; white text must keep 4.5:1 on it. */
  primary: z.optional(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/))),
  side: z.optional(z.enum(WIDGET_SIDES)),
  zIndex: z.optional(z.int().check(z.minimum(0), z.maximum(2147483647))),
  mode: z.optional(z.enum(THEME_MODES)),
});
export type WidgetTheme = z.infer<typeof WidgetTheme>;

export const widgetConfigFields = {
  /** Folder that holds the built knowledge base (`manifest.json`, `<locale>.<hash>.json`). */
  kbUrl: z.string().check(z.minLength(1)),
  /** `en`, `es`, ...; else the browser's languages; else English. */
  locale: z.optional(Locale),
  context: z.optional(HostContext),
  theme: z.optional(WidgetTheme),
  /** Keep the help session across reloads of the page (sessionStorage). */
  persist: z.optional(z.boolean()),
  /** Open the panel as soon as the widget is ready. */
  open: z.optional(z.boolean()),
  /** Article ids offered on open instead of the KB's featured articles for the phase. */
  quickReplies: z.optional(z.array(ArticleId)),
};

/**
 * The `chat` part of the widget config: where the candidate reaches an agent. Without it, "Talk to a
 * person" only emits `escalate` and the host takes it from there. The widget validates it in the chat chunk.
 */
export const ChatConfig = z.strictObject({
  /** The gateway's origin (`https://support.example.com`); relative addresses resolve against the page. */
  url: z.string().check(z.minLength(1)),
  /** The candidate token the host's backend signed; `Lifeline('setToken', token)` sets or replaces it. */
  token: z.optional(z.string().check(z.minLength(1))),
});
export type ChatConfig = z.infer<typeof ChatConfig>;

/**
 * The widget config with its `checks` and `chat` parts left for later: the widget checks the rest at init
 * and each part in its lazy chunk, so their schemas cost nothing on pages that never run a check or
 * chat. The whole config is `WidgetConfig` (check-policy.ts).
 */
export const WidgetConfigShallow = z.strictObject({ ...widgetConfigFields, checks: z.optional(z.looseObject({})), chat: z.optional(z.looseObject({})) });
export type WidgetConfigShallow = z.infer<typeof WidgetConfigShallow>;

export const SEARCH_DECISIONS = ['answer', 'suggest', 'none'] as const;

/** One thing that happened in a help session, in order; the transcript is rebuilt from these. */
export const HelpSessionEntry = z.union([
  z.strictObject({ type: z.literal('question'), at: z.number(), text: z.string() }),
  z.strictObject({
    type: z.literal('answer'),
    at: z.number(),
    decision: z.enum(SEARCH_DECISIONS),
    /** The article the bot answered with; absent when it had none. */
    articleId: z.optional(ArticleId),
    /** "Did you mean" alternatives shown beside it. */
    alternatives: z.array(ArticleId),
    kbVersion: z.string(),
  }),
  z.strictObject({ type: z.literal('feedback'), at: z.number(), articleId: ArticleId, helpful: z.boolean() }),
  z.strictObject({ type: z.literal('article'), at: z.number(), articleId: ArticleId, kbVersion: z.string() }),
  z.strictObject({ type: z.literal('escalate'), at: z.number() }),
  /** A run of the self-service checks finished (or was stopped): what the agent sees. */
  z.strictObject({ type: z.literal('checks'), at: z.number(), report: CheckReport }),
]);
export type HelpSessionEntry = z.infer<typeof HelpSessionEntry>;

/** Bumped when the stored help session changes shape; an older one is dropped, not misread. */
export const HELP_SESSION_VERSION = 1;

export const HelpSession = z.strictObject({
  version: z.literal(HELP_SESSION_VERSION),
  id: z.string(),
  startedAt: z.number(),
  entries: z.array(HelpSessionEntry),
  /** Where the candidate was, so a reload reopens the panel on the same article. */
  view: z.optional(z.strictObject({ open: z.boolean(), reading: z.optional(ArticleId) })),
});
export type HelpSession = z.infer<typeof HelpSession>;

/** What `getSessionContext()` returns and `escalate` carries: everything an agent needs to not ask twice. */
export const SessionContext = z.strictObject({
  sessionId: z.string().check(z.maxLength(200)),
  startedAt: z.string().check(z.maxLength(40)),
  locale: z.string().check(z.maxLength(35)),
  phase: z.optional(Phase),
  kbVersion: z.optional(z.string().check(z.maxLength(100))),
  page: z.string().check(z.maxLength(2000)),
  userAgent: z.string().check(z.maxLength(1000)),
  entries: z.array(HelpSessionEntry).check(z.maxLength(500)),
  /** The latest check report, if the candidate ran the checks. */
  checks: z.optional(CheckReport),
});
export type SessionContext = z.infer<typeof SessionContext>;
