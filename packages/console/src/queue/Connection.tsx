/** @module Whether the candidate's page is there: "Connected", or "Left (page closed or offline)" for a conversation nobody is reading. */
import { wordFor, type Strings } from '../i18n/index.ts';

export function Connection({ strings, connected, live = false }: { strings: Strings; connected: boolean; live?: boolean }) {
  const state = connected ? 'connected' : 'left';
  return (
    // In the chat in front it is a status (read out when it changes); in the queue, part of the line.
    <span class={`connection connection-${state}`} data-connection={state} role={live ? 'status' : undefined}>
      {wordFor(strings, 'candidate', state)}
    </span>
  );
}
