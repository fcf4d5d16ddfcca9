/** @module Where the chat keeps its record in sessionStorage: apart, so the widget can look without loading the chat. */
export const CHAT_STORAGE_KEY = 'lifeline:chat';
