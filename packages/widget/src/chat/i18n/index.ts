/** @module The chat view's words, one lazy chunk per language (the widget's own words stay in its language chunk). */
import type { UiLocale } from '../../i18n/index.ts';

export interface ChatStrings {
  title: string;
  /** The confirmation before anything is sent. */
  confirmIntro: string;
  sharedQuestions: string;
  sharedArticles: string;
  helped: string;
  didNotHelp: string;
  sharedChecks: string;
  sharedPage: string;
  sharedBrowser: string;
  nothingAsked: string;
  confirmSend: string;
  cancel: string;
  /** While the gateway is asked for a conversation the candidate started before (another tab). */
  looking: string;
  starting: string;
  /** `{position}` in the queue, about `{minutes}` to wait. */
  queued: string;
  queuedNext: string;
  waitMinutes: string;
  waitUnderMinute: string;
  /** In the queue, when the gateway cannot estimate the wait (nobody online, no recent conversations). */
  noEstimate: string;
  joined: string;
  /** The status line while an agent has the conversation. */
  withAgent: string;
  typing: string;
  transferred: string;
  ticket: string;
  /** The status line of a ticket (`{ticket}`), under the note that told why it was made. */
  ticketOpen: string;
  /** The first line of a conversation found again, and its announcement. */
  rejoined: string;
  /** Leaves a ticket found again and starts a new conversation. */
  startNew: string;
  closed: string;
  reconnecting: string;
  offline: string;
  unauthorized: string;
  invalid: string;
  agent: string;
  you: string;
  sending: string;
  messageLabel: string;
  messagePlaceholder: string;
  send: string;
  rateTitle: string;
  rateLegend: string;
  /** The label of each score, 1 to 5. */
  scores: [string, string, string, string, string];
  comment: string;
  rateSend: string;
  rated: string;
  done: string;
  /** The live region's line for a new agent message: `{name}: {text}`. */
  said: string;
  /** The launcher's description (and one announcement) while agent messages wait unread: one, or `{count}`. */
  unreadOne: string;
  /** The line beside "Talk to a person" above the bot's conversation: people answering now, with the wait when known, or not. */
  answeringNow: string;
  answeringWait: string;
  nobodyNow: string;
  /** The host's support hours, after that line. */
  hours: string;
  unreadMany: string;
}

export async function loadChatStrings(locale: UiLocale): Promise<ChatStrings> {
  return locale === 'es' ? (await import('./es.ts')).chatStrings : (await import('./en.ts')).chatStrings;
}
