/** @module Small Preact hooks of the console: the desk's state, a clock, and the KB of each candidate language in use. */
import { useEffect, useState } from 'preact/hooks';
import type { Desk, DeskState } from '../desk/index.ts';
import { loadKb } from '../kb/index.ts';
import type { KbStatus } from '../reply/index.ts';

export function useDeskState(desk: Desk): DeskState {
  const [state, setState] = useState(desk.state);
  useEffect(() => {
    setState(desk.state);
    const unsubscribe = desk.subscribe(setState);
    return () => void unsubscribe();
  }, [desk]);
  return state;
}

/** The time, renewed every `everyMs`: waiting minutes move without a render of their own. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** The KB of each locale asked for, loaded once each; a failed one is tried again when asked again later. */
export function useKbs(kbUrl: string, locales: readonly string[]): Record<string, KbStatus> {
  const [kbs, setKbs] = useState<Record<string, KbStatus>>({});
  const wanted = [...new Set(locales)].sort().join(',');
  useEffect(() => {
    for (const locale of wanted ? wanted.split(',') : []) {
      if (kbs[locale] && kbs[locale].state !== 'failed') continue;
      setKbs((all) => ({ ...all, [locale]: { state: 'loading' } }));
      loadKb(kbUrl, locale).then(
        (kb) => setKbs((all) => ({ ...all, [locale]: { state: 'ready', kb } })),
        () => setKbs((all) => ({ ...all, [locale]: { state: 'failed' } })),
      );
    }
    // `kbs` is read, not watched: a change of it must not start loads again.
  }, [kbUrl, wanted]);
  return kbs;
}
