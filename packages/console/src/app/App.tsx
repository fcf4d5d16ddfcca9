/** @module The console's root: the language, the session (restored from the cookie on load), sign-in or the workspace. */
import type { AgentSession } from '@lifeline/protocol';
import { useEffect, useState } from 'preact/hooks';
import type { ConsoleApi } from '../api/index.ts';
import type { ConsoleConfig } from '../config.ts';
import { LOCALE_STORAGE_KEY, stringsFor, type ConsoleLocale } from '../i18n/index.ts';
import { SignIn } from '../signin/index.ts';
import { LanguageSelect, Workspace } from './Workspace.tsx';

export interface AppProps {
  api: ConsoleApi;
  config: ConsoleConfig;
  initialLocale: ConsoleLocale;
  storage: Storage | undefined;
}

export function App({ api, config, initialLocale, storage }: AppProps) {
  const [locale, setLocale] = useState(initialLocale);
  // undefined while the cookie is asked about, null when signed out.
  const [session, setSession] = useState<AgentSession | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const strings = stringsFor(locale);

  useEffect(() => {
    void api.session().then((result) => setSession(result.ok ? result.value : null));
  }, [api]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const chooseLocale = (next: ConsoleLocale) => {
    setLocale(next);
    try {
      storage?.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // storage blocked by privacy settings: the choice lasts for this page
    }
  };

  if (session === undefined) return <p class="muted boot">{strings.loading}</p>;
  if (session === null) {
    return (
      <>
        <header class="sign-in-bar">
          <LanguageSelect strings={strings} locale={locale} onLocale={chooseLocale} />
        </header>
        <SignIn
          key={notice}
          strings={strings}
          notice={notice}
          onSignIn={async (agentId, password) => {
            const result = await api.signIn(agentId, password);
            if (!result.ok) return result.code;
            setNotice(undefined);
            setSession(result.value);
            return undefined;
          }}
        />
      </>
    );
  }
  return (
    <Workspace
      key={session.agent.id}
      api={api}
      session={session}
      config={config}
      strings={strings}
      locale={locale}
      onLocale={chooseLocale}
      storage={storage}
      onSignOut={() => {
        void api.signOut().then(() => setSession(null));
      }}
      onSignedOut={() => {
        setNotice('console.signed_out');
        setSession(null);
      }}
    />
  );
}
