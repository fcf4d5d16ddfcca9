/** @module The live queue, and whether a candidate is still there. */
export { Connection } from './Connection.tsx';
export { examStartText, FIRST_REPLY_TARGET_MS, QueueList, type QueueListProps } from './QueueList.tsx';
