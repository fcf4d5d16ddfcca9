/**
 * @module The widget's own errors, one stable code each, with the message that tells the developer who
 * embeds it what to fix. A typed table that will not compile while a code lacks its message; it rides in
 * the lazy errors chunk, so only a page that makes a mistake (or loses its network) downloads the words.
 */
import { LifelineError } from '@lifeline/protocol';

/** What a message is filled with: the call's name, what it got, the article asked for... */
export type ErrorDetail = Record<string, unknown>;

/** A public method called with the wrong argument: what it needs, and a right call. */
const MISUSE = {
  'ask.invalid': ['ask', 'the question as text', "'my camera is not working'"],
  'article.invalid': ['showArticle', 'an article id', "'camera-not-working'"],
  'locale.invalid': ['setLocale', 'a language code', "'es'"],
  'chat.invalid': ['setToken', 'the token as text', 'token'],
  'on.invalid': ['on', 'an event name (ready, open, close, question, answer, article, feedback, escalate, checks, error) and a function', "'escalate', (detail) => ..."],
} as const;

/** A lazy chunk did not arrive (offline, a blocked address): what it was. */
const LOAD_FAILED = {
  'locale.load_failed': 'the texts of the language',
  'article.load_failed': 'the article view',
  'checks.load_failed': 'the checks',
  'chat.load_failed': 'the chat',
} as const;

const MESSAGES = {
  'widget.not_initialized': ({ command }) => `${String(command)}() was called before init(); call Lifeline('init', { kbUrl: '/kb/' }) first`,
  'kb.load_failed': () => 'the knowledge base could not be loaded; check kbUrl and the network',
  'kb.fuzzy_failed': () => 'the spelling helper could not be loaded; answering without it',
  'article.not_found': ({ id, locale, kbVersion }) => `no article "${String(id)}" in the ${String(locale)} knowledge base (KB version ${String(kbVersion)}); check the id against knowledge-base/${String(locale)}/`,
  'listener.failed': ({ event, cause }) => `a listener for "${String(event)}" threw: ${String(cause)}`,
  'attributes.load_failed': () => "the data-* setup could not be loaded; check the network, or call Lifeline('init', config) instead",
  'command.unknown': ({ command, commands }) => `Lifeline(${JSON.stringify(command)}) is not a command; use one of ${String(commands)}`,
} satisfies Record<string, (detail: ErrorDetail) => string>;

export type WidgetErrorCode = keyof typeof MESSAGES | keyof typeof MISUSE | keyof typeof LOAD_FAILED;

export function widgetError(code: WidgetErrorCode, detail: ErrorDetail = {}): LifelineError {
  const options = { cause: detail.cause };
  if (code in MISUSE) {
    const [method, needs, example] = MISUSE[code as keyof typeof MISUSE];
    return new LifelineError(code, `${method}() needs ${needs}, got ${JSON.stringify(detail.got) ?? String(detail.got)}; for example Lifeline('${method}', ${example})`, options);
  }
  if (code in LOAD_FAILED) return new LifelineError(code, `${LOAD_FAILED[code as keyof typeof LOAD_FAILED]} could not be loaded; check the network (the widget tries again when the connection returns)`, options);
  return new LifelineError(code, MESSAGES[code as keyof typeof MESSAGES](detail), options);
}
