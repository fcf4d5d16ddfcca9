/** @module The right-to-left pseudo-locale (`ar-XB`): English between right-to-left override marks, so layout bugs show without reading Arabic. A lazy chunk of its own. */
import { language as english } from './en.ts';
import type { Language, UiStrings } from './index.ts';

const strings = Object.fromEntries(Object.entries(english.strings).map(([key, text]) => [key, `\u202e${text}\u202c`])) as unknown as UiStrings;

export const language: Language = { ...english, strings };
