/** @module Writing to a candidate: the reply box, canned replies, and KB articles to insert. */
export { ReplyBox, type ReplyBoxProps } from './ReplyBox.tsx';
export { CannedReplies } from './CannedReplies.tsx';
export { KbSearch, type KbStatus } from './KbSearch.tsx';
export { CANNED_REPLIES, localeOfCandidate, type CannedReply } from './canned.ts';
