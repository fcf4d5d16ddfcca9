/** @module The audit log for leads: who opened, took, wrote, noted and closed which conversation, when; filtered by conversation. */
import { useEffect, useState } from 'preact/hooks';
import type { AuditEntry, ConsoleApi } from '../api/index.ts';
import { errorText, wordFor, type ConsoleLocale, type Strings } from '../i18n/index.ts';

export function AuditView({ api, strings, locale }: { api: ConsoleApi; strings: Strings; locale: ConsoleLocale }) {
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
            {entries.map((entry, index) => (
              <tr key={index}>
                <td>{when.format(new Date(entry.at))}</td>
                <td>{entry.actor}</td>
                <td>{wordFor(strings, 'action', entry.action)}</td>
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
                <td>{detailText(entry.detail, strings)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** `{"resolution":"solved"}` → "Solved"; other details as `key: value`. */
function detailText(detail: AuditEntry['detail'], strings: Strings): string {
  const value = typeof detail === 'string' ? (JSON.parse(detail) as unknown) : detail;
  if (!value || typeof value !== 'object') return '';
  return Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => (key === 'resolution' ? wordFor(strings, 'resolution', String(item)) : `${key}: ${String(item)}`))
    .join(', ');
}
