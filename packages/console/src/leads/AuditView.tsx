/**
 * @module The audit log for leads: who (agents and the candidate) asked, opened, took, wrote, noted,
 * closed and rated which conversation, when, in words; filtered by conversation.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Agent, AuditEntry, ConsoleApi } from '../api/index.ts';
import { errorText, type ConsoleLocale, type Strings } from '../i18n/index.ts';
import { auditLine } from './audit-words.ts';

export function AuditView({ api, strings, locale, agents }: { api: ConsoleApi; strings: Strings; locale: ConsoleLocale; agents: Agent[] | undefined }) {
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState('');
  const [entries, setEntries] = useState<AuditEntry[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    void api.audit(shown || undefined).then((result) => {
      if (!current) return;
      setEntries(result.ok ? result.value : []);
      setError(result.ok ? undefined : result.code);
    });
    return () => {
      current = false;
    };
  }, [api, shown, round]);

  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const agentName = (id: string) => agents?.find((agent) => agent.id === id)?.name ?? id;
  return (
    <section class="lead-view" aria-labelledby="audit-title">
      <h2 id="audit-title">{strings.auditTitle}</h2>
      <form
        class="filter"
        onSubmit={(event) => {
          event.preventDefault();
          setShown(filter.trim());
        }}
      >
        <label for="audit-filter">{strings.auditFilter}</label>
        <input id="audit-filter" value={filter} placeholder={strings.auditFilterPlaceholder} onInput={(event) => setFilter(event.currentTarget.value)} />
        <button type="submit">{strings.auditApply}</button>
        <button type="button" onClick={() => setRound(round + 1)}>
          {strings.refresh}
        </button>
      </form>
      {error && <p role="alert">{errorText(strings, error)}</p>}
      {entries === undefined ? (
        <p class="muted">{strings.loading}</p>
      ) : entries.length === 0 ? (
        <p class="muted">{strings.auditEmpty}</p>
      ) : (
        <table class="audit">
          <thead>
            <tr>
              <th scope="col">{strings.auditWhen}</th>
              <th scope="col">{strings.auditWho}</th>
              <th scope="col">{strings.auditWhat}</th>
              <th scope="col">{strings.auditConversation}</th>
              <th scope="col">{strings.auditDetail}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => {
              const line = auditLine(entry, strings, agentName);
              return (
                <tr key={index} data-action={entry.action}>
                  <td>{when.format(new Date(entry.at))}</td>
                  <td>{line.who}</td>
                  <td>{line.what}</td>
                  <td>
                    {entry.conversationId && (
                      <button
                        type="button"
                        class="link"
                        onClick={() => {
                          setFilter(entry.conversationId!);
                          setShown(entry.conversationId!);
                        }}
                      >
                        <code>{entry.conversationId.slice(0, 8)}</code>
                      </button>
                    )}
                  </td>
                  <td>{line.detail}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
