/** @module English: the UI strings. A lazy chunk. */
import type { Language } from './index.ts';

export const strings = {
  // The loader draws the launcher with the same words (launcher-strings.ts; a test keeps them equal).
  launcher: 'Help',
  launcherLabel: 'Open exam help',
  title: 'Exam help',
  minimise: 'Minimise help',
  close: 'Close help',
  greeting: 'Hi! Ask a question about your exam, or choose a topic.',
  quickRepliesLabel: 'Common topics',
  inputLabel: 'Your question',
  inputPlaceholder: 'Type your question…',
  send: 'Send',
  you: 'You',
  bot: 'Help',
  loading: 'Loading answers…',
  thinking: 'Searching…',
  loadFailed: 'This could not be loaded. Check your internet connection: it loads by itself as soon as you are back online.',
  retry: 'Try again',
  answerIntro: 'This should help:',
  readSteps: 'Read the steps',
  didYouMean: 'Or did you mean:',
  noAnswer: 'I do not have an answer for that. Try other words, or talk to a person.',
  helpful: 'Did this help?',
  yes: 'Yes',
  no: 'No',
  thanks: 'Glad it helped.',
  sorry: 'Sorry it did not help. Try asking in other words, or talk to a person.',
  talkToPerson: 'Talk to a person',
  escalated: 'Your request for a person has been passed on, with what you asked and read here, so you will not have to repeat it.',
  supportHours: 'Support hours: {hours}',
  back: 'Back to the conversation',
  related: 'Related articles',
  empty: 'Type a question first.',
  cut: 'Only the first 500 characters of your question were used.',
  checkSetup: 'Check my setup',
  testNow: 'Test it now',
  checksDone: 'Setup check: {passed} of {total} passed. Reference {code}.',
} as const;

export const language: Language = {
  strings,
};
