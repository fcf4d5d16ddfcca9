/** @module The live queue. */
export { FIRST_REPLY_TARGET_MS, QueueList, type QueueListProps } from './QueueList.tsx';
