/** @module The launcher's words, apart from the rest so the 2 KB loader can draw it in the candidate's language. */
export const LAUNCHER_STRINGS = {
  en: { launcher: 'Help', launcherLabel: 'Open exam help' },
  es: { launcher: 'Ayuda', launcherLabel: 'Abrir la ayuda del examen' },
} as const;
