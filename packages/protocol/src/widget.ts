/** @module Schemas of the widget: the host's config and context, and the help-session record handed to agents. */
import * as zod from 'zod/mini';
import { CheckReport } from './checks.ts';
import { ArticleId, Locale, Phase } from './kb.ts';

/** Host-supplied values that fill article placeholders (`{{exam.name}}`, `{{links.reschedule}}`, ...). */
const PlaceholderValues = zod.record(zod.string(), zod.union([zod.string(), zod.number()]));

/** What the host page knows about the candidate's situation; `setContext` merges it. */
export const HostContext = zod.strictObject({
  phase: zod.optional(Phase),
  platform: zod.optional(PlaceholderValues),
  candidate: zod.optional(PlaceholderValues),
  exam: zod.optional(PlaceholderValues),
  /** Web addresses by name (`links.reschedule`); only http(s) addresses become links. */
  links: zod.optional(zod.record(zod.string(), zod.string())),
  support: zod.optional(PlaceholderValues),
  policy: zod.optional(PlaceholderValues),
  proctoringApp: zod.optional(PlaceholderValues),
});
export type HostContext = zod.infer<typeof HostContext>;

export const THEME_MODES = ['auto', 'light', 'dark'] as const;
export const WIDGET_SIDES = ['right', 'left'] as const;

export const WidgetTheme = zod.strictObject({
  /** The launcher and buttons; white text must keep 4.5:1 on it. */
  primary: zod.optional(zod.string().check(zod.regex(/^#[0-9a-fA-F]{6}$/))),
  side: zod.optional(zod.enum(WIDGET_SIDES)),
  zIndex: zod.optional(zod.int().check(zod.minimum(0), zod.maximum(2147483647))),
  mode: zod.optional(zod.enum(THEME_MODES)),
  /** The height in pixels of the host's top bar (where the exam timer is): the panel never covers it. */
  topBar: zod.optional(zod.int().check(zod.minimum(0), zod.maximum(400))),
});
export type WidgetTheme = zod.infer<typeof WidgetTheme>;

export const widgetConfigFields = {
  /** Folder that holds the built knowledge base (`manifest.json`, `<locale>.<hash>.json`). */
  kbUrl: zod.string().check(zod.minLength(1)),
  /** `en`, `es`, ...; else the browser's languages; else English. */
  locale: zod.optional(Locale),
  context: zod.optional(HostContext),
  theme: zod.optional(WidgetTheme),
  /** Keep the help session across reloads of the page (sessionStorage). */
  persist: zod.optional(zod.boolean()),
  /** Open the panel as soon as the widget is ready. */
  open: zod.optional(zod.boolean()),
  /** Article ids offered on open instead of the KB's featured articles for the phase. */
  quickReplies: zod.optional(zod.array(ArticleId)),
};

/**
 * The `chat` part of the widget config: where the candidate reaches an agent. Without it, "Talk to a
 * person" only emits `escalate` and the host takes it from there. The widget validates it in the chat chunk.
 */
export const ChatConfig = zod.strictObject({
  /** The gateway's origin (`https://support.example.com`); relative addresses resolve against the page. */
  url: zod.string().check(zod.minLength(1)),
  /** The candidate token the host's backend signed; `Lifeline('setToken', token)` sets or replaces it. */
  token: zod.optional(zod.string().check(zod.minLength(1))),
  /** A short, quiet tone when an agent writes while the panel is closed or the tab is in the background. Off unless the host turns it on. */
  sound: zod.optional(zod.boolean()),
  /** "(1) …" before the page's title while agent messages wait unread in a background tab. On unless the host turns it off. */
  titleCue: zod.optional(zod.boolean()),
});
export type ChatConfig = zod.infer<typeof ChatConfig>;

/**
 * The widget config with its `checks` and `chat` parts left for later: the widget checks the rest at init
 * and each part in its lazy chunk, so their schemas cost nothing on pages that never run a check or
 * chat. The whole config is `WidgetConfig` (check-policy.ts).
 */
export const WidgetConfigShallow = zod.strictObject({ ...widgetConfigFields, checks: zod.optional(zod.looseObject({})), chat: zod.optional(zod.looseObject({})) });
export type WidgetConfigShallow = zod.infer<typeof WidgetConfigShallow>;

export const SEARCH_DECISIONS = ['answer', 'suggest', 'none'] as const;

/** One thing that happened in a help session, in order; the transcript is rebuilt from these. */
export const HelpSessionEntry = zod.union([
  zod.strictObject({ type: zod.literal('question'), at: zod.number(), text: zod.string() }),
  zod.strictObject({
    type: zod.literal('answer'),
    at: zod.number(),
    decision: zod.enum(SEARCH_DECISIONS),
    /** The article the bot answered with; absent when it had none. */
    articleId: zod.optional(ArticleId),
    /** "Did you mean" alternatives shown beside it. */
    alternatives: zod.array(ArticleId),
    kbVersion: zod.string(),
  }),
  zod.strictObject({ type: zod.literal('feedback'), at: zod.number(), articleId: ArticleId, helpful: zod.boolean() }),
  zod.strictObject({ type: zod.literal('article'), at: zod.number(), articleId: ArticleId, kbVersion: zod.string() }),
  zod.strictObject({ type: zod.literal('escalate'), at: zod.number() }),
  /** A run of the self-service checks finished (or was stopped): what the agent sees. */
  zod.strictObject({ type: zod.literal('checks'), at: zod.number(), report: CheckReport }),
]);
export type HelpSessionEntry = zod.infer<typeof HelpSessionEntry>;

/** Bumped when the stored help session changes shape; an older one is dropped, not misread. */
export const HELP_SESSION_VERSION = 1;

export const HelpSession = zod.strictObject({
  version: zod.literal(HELP_SESSION_VERSION),
  id: zod.string(),
  startedAt: zod.number(),
  entries: zod.array(HelpSessionEntry),
  /** Where the candidate was, so a reload reopens the panel on the same article. */
  view: zod.optional(zod.strictObject({ open: zod.boolean(), reading: zod.optional(ArticleId) })),
});
export type HelpSession = zod.infer<typeof HelpSession>;

/** What `getSessionContext()` returns and `escalate` carries: everything an agent needs to not ask twice. */
export const SessionContext = zod.strictObject({
  sessionId: zod.string().check(zod.maxLength(200)),
  startedAt: zod.string().check(zod.maxLength(40)),
  locale: zod.string().check(zod.maxLength(35)),
  phase: zod.optional(Phase),
  kbVersion: zod.optional(zod.string().check(zod.maxLength(100))),
  page: zod.string().check(zod.maxLength(2000)),
  userAgent: zod.string().check(zod.maxLength(1000)),
  entries: zod.array(HelpSessionEntry).check(zod.maxLength(500)),
  /** The latest check report, if the candidate ran the checks. */
  checks: zod.optional(CheckReport),
});
export type SessionContext = zod.infer<typeof SessionContext>;
