/** @module The sign-in form: account and password, the gateway's error code shown in words. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, type Strings } from '../i18n/index.ts';

export function SignIn({ strings, notice, onSignIn }: { strings: Strings; notice: string | undefined; onSignIn(agentId: string, password: string): Promise<string | undefined> }) {
  const [agentId, setAgentId] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(notice);
  const account = useRef<HTMLInputElement>(null);
  useEffect(() => account.current?.focus(), []);

  return (
    <main class="sign-in">
      <form
        aria-labelledby="sign-in-title"
        onSubmit={(event) => {
          event.preventDefault();
          if (busy) return;
          setBusy(true);
          void onSignIn(agentId.trim(), password).then((code) => {
            setBusy(false);
            setError(code);
            if (code) account.current?.focus();
          });
        }}
      >
        <h1 id="sign-in-title">{strings.signInTitle}</h1>
        {error && (
          <p class="error" role="alert" id="sign-in-error" data-code={error}>
            {errorText(strings, error)}
          </p>
        )}
        <label for="agent-id">{strings.agentId}</label>
        <input id="agent-id" ref={account} name="username" autocomplete="username" required value={agentId} aria-describedby={error ? 'sign-in-error' : undefined} onInput={(event) => setAgentId(event.currentTarget.value)} />
        <label for="password">{strings.password}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required value={password} onInput={(event) => setPassword(event.currentTarget.value)} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? strings.signingIn : strings.signIn}
        </button>
      </form>
    </main>
  );
}
