/**
 * @module Satisfaction for leads: the candidates' ratings of the last closed conversations, from
 * GET /console/api/closed (one request; reading them there is not logged as opening each one).
 */
import { useEffect, useState } from 'preact/hooks';
import type { ClosedConversation, ConsoleApi } from '../api/index.ts';
import { errorText, format, wordFor, type ConsoleLocale, type Strings } from '../i18n/index.ts';

/** How many of the last closed conversations the view shows. */
export const RATED_CONVERSATIONS = 20;

interface Rated {
  detail: ClosedConversation;
  closedBy: string;
  closedAt: string;
}

export function RatingsView({ api, strings, locale }: { api: ConsoleApi; strings: Strings; locale: ConsoleLocale }) {
  const [rows, setRows] = useState<Rated[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    void (async () => {
      const closed = await api.closed(RATED_CONVERSATIONS);
      if (!current) return;
      if (!closed.ok) return setError(closed.code);
      setRows(closed.value.map((detail) => ({ detail, closedBy: detail.closedBy ?? '—', closedAt: detail.closedAt })));
      setError(undefined);
    })();
    return () => {
      current = false;
    };
  }, [api, round]);

  const rated = rows?.filter((row) => row.detail.csat) ?? [];
  const average = rated.length ? rated.reduce((sum, row) => sum + row.detail.csat!.score, 0) / rated.length : 0;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section class="lead-view" aria-labelledby="ratings-title">
      <h2 id="ratings-title">{strings.ratingsTitle}</h2>
      <p class="muted">
        {format(strings.ratingsNote, { count: RATED_CONVERSATIONS })}{' '}
        <button type="button" onClick={() => setRound(round + 1)}>
          {strings.refresh}
        </button>
      </p>
      {error && <p role="alert">{errorText(strings, error)}</p>}
      {rows === undefined && !error && <p class="muted">{strings.loading}</p>}
      {rows && (
        <p class="average" data-average={average.toFixed(1)}>
          {rated.length ? format(strings.ratingsAverage, { score: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(average), count: rated.length }) : strings.ratingsNone}
        </p>
      )}
      {rows && rows.length > 0 && (
        <table class="ratings">
          <thead>
            <tr>
              <th scope="col">{strings.candidate}</th>
              <th scope="col">{strings.exam}</th>
              <th scope="col">{strings.ratingsClosedBy}</th>
              <th scope="col">{strings.resolution}</th>
              <th scope="col">{strings.ratingsScore}</th>
              <th scope="col">{strings.ratingsComment}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ detail, closedBy, closedAt }) => (
              <tr key={detail.id} data-conversation={detail.id}>
                <td>{detail.candidateName}</td>
                <td>{detail.examName}</td>
                <td>
                  {closedBy} <span class="muted">{when.format(new Date(closedAt))}</span>
                </td>
                <td>{detail.resolution ? wordFor(strings, 'resolution', detail.resolution) : '—'}</td>
                <td class="score">{detail.csat ? `${detail.csat.score} / 5` : <span class="muted">{strings.ratingsNotRated}</span>}</td>
                <td>{detail.csat?.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
