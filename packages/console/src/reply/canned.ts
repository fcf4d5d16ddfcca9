/**
 * @module Canned replies: the sentences agents send most, in English and Spanish. The console offers
 * them in the agent's language and inserts them in the candidate's (`localeOfCandidate`).
 */
import { toLocale, type ConsoleLocale } from '../i18n/index.ts';

export interface CannedReply {
  id: string;
  title: Record<ConsoleLocale, string>;
  text: Record<ConsoleLocale, string>;
}

export const CANNED_REPLIES: readonly CannedReply[] = [
  {
    id: 'greeting',
    title: { en: 'Greeting', es: 'Saludo' },
    text: {
      en: 'Hello, I am here to help. I can see what you asked and the results of your checks, so you do not need to repeat them.',
      es: 'Hola, estoy aquí para ayudarle. Veo lo que preguntó y los resultados de sus comprobaciones, así que no hace falta que los repita.',
    },
  },
  {
    id: 'looking',
    title: { en: 'Looking into it', es: 'Lo estoy revisando' },
    text: { en: 'Thank you. Please give me a moment while I look into this.', es: 'Gracias. Deme un momento mientras lo reviso.' },
  },
  {
    id: 'reload',
    title: { en: 'Reload the page', es: 'Recargar la página' },
    text: {
      en: 'Please reload the exam page (press F5, or Cmd+R on a Mac). Your answers are saved, and this chat will stay open.',
      es: 'Recargue la página del examen (pulse F5, o Cmd+R en un Mac). Sus respuestas están guardadas y este chat seguirá abierto.',
    },
  },
  {
    id: 'close-apps',
    title: { en: 'Close other apps', es: 'Cerrar otras aplicaciones' },
    text: {
      en: 'Please close other apps that may use the camera or microphone (video calls, for example), then run the check again.',
      es: 'Cierre otras aplicaciones que puedan usar la cámara o el micrófono (videollamadas, por ejemplo) y vuelva a ejecutar la comprobación.',
    },
  },
  {
    id: 'still-there',
    title: { en: 'Are you still there?', es: '¿Sigue ahí?' },
    text: { en: 'Are you still there? I will keep this chat open for a few more minutes.', es: '¿Sigue ahí? Mantendré este chat abierto unos minutos más.' },
  },
  {
    id: 'goodbye',
    title: { en: 'Goodbye', es: 'Despedida' },
    text: {
      en: 'I am glad it works now. Good luck with your exam! You can rate this chat when I close it.',
      es: 'Me alegro de que ya funcione. ¡Mucha suerte en su examen! Puede valorar este chat cuando lo cierre.',
    },
  },
];

/** The language to write to a candidate in: theirs if the console has it, else English. */
export function localeOfCandidate(candidateLocale: string | undefined): ConsoleLocale {
  return toLocale(candidateLocale) ?? 'en';
}
