/** @module The open chats: their tabs and the chat in front. */
export { ChatTabs, panelId, tabId } from './ChatTabs.tsx';
export { ChatView, type ChatRefs, type Draft } from './ChatView.tsx';
export { parseTags } from './TagsEditor.tsx';
