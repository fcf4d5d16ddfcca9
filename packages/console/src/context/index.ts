/** @module The candidate's context beside a chat, and the check reasons in plain words. */
export { ContextPanel, type ContextPanelProps } from './ContextPanel.tsx';
export { REASON_WORDS, reasonWords } from './reasons.ts';
export { seenArticles } from './summary.ts';
