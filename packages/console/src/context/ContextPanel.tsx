/** @module The candidate's context beside a chat: exam and phase, what they asked, the articles they saw, the check report (failures first), page and browser. */
import type { ConversationDetail } from '../api/index.ts';
import { format, wordFor, type ConsoleLocale, type Strings } from '../i18n/index.ts';
import { examStartText } from '../queue/index.ts';
import { reasonWords } from './reasons.ts';
import { measuredPhrases } from './measured.ts';
import { askedQuestions, browserSummary, checkReport, failuresFirst, seenArticles } from './summary.ts';

export interface ContextPanelProps {
  strings: Strings;
  locale: ConsoleLocale;
  detail: ConversationDetail;
  /** An article's title in the candidate's KB, once it is loaded; the id until then. */
  articleTitle: (id: string) => string | undefined;
  now: number;
}

export function ContextPanel({ strings, locale, detail, articleTitle, now }: ContextPanelProps) {
  const { context } = detail;
  const title = (id: string) => articleTitle(id) ?? id;
  const asked = askedQuestions(context.entries);
  const articles = seenArticles(context.entries);
  const report = checkReport(context);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const minutes = Math.max(0, Math.floor((now - Date.parse(detail.createdAt)) / 60_000));
  const headingId = `context-${detail.id}`;

  return (
    <section class="context" aria-labelledby={headingId}>
      <h2 id={headingId}>{strings.contextTitle}</h2>
      <dl class="facts">
        <dt>{strings.exam}</dt>
        <dd>
          {detail.examName}
          {detail.examStart && <span class="muted"> · {examStartText(strings, locale, detail.examStart, now)}</span>}
        </dd>
        <dt>{strings.phase}</dt>
        <dd>
          <span class={`phase phase-${detail.phase}`}>{wordFor(strings, 'phase', detail.phase)}</span>
        </dd>
        <dt>{strings.waitingSince}</dt>
        <dd>
          {time.format(new Date(detail.createdAt))} <span class="muted">({format(strings.minutesWaiting, { minutes })})</span>
        </dd>
      </dl>

      <h3>{strings.asked}</h3>
      {asked.length === 0 ? (
        <p class="muted">{strings.nothingAsked}</p>
      ) : (
        <ol class="asked">
          {asked.map((question, index) => (
            <li key={index}>
              <q>{question.text}</q>
              <span class="bot">
                {!question.answer || question.answer.decision === 'none'
                  ? strings.botNoAnswer
                  : question.answer.decision === 'answer' && question.answer.articleId
                    ? format(strings.botAnswered, { title: title(question.answer.articleId) })
                    : format(strings.botSuggested, { titles: [question.answer.articleId, ...question.answer.alternatives].filter((id): id is string => Boolean(id)).map(title).join('; ') })}
              </span>
            </li>
          ))}
        </ol>
      )}

      <h3>{strings.articlesSeen}</h3>
      {articles.length === 0 ? (
        <p class="muted">{strings.noArticles}</p>
      ) : (
        <ul class="articles">
          {articles.map((article) => (
            <li key={article.articleId}>
              <span>{title(article.articleId)}</span>{' '}
              <span class={`feedback ${article.helpful === undefined ? 'none' : article.helpful ? 'yes' : 'no'}`}>
                {article.helpful === undefined ? strings.noFeedback : article.helpful ? strings.helped : strings.didNotHelp}
              </span>
            </li>
          ))}
        </ul>
      )}

      <h3>{strings.checkReport}</h3>
      {!report ? (
        <p class="muted">{strings.noChecks}</p>
      ) : (
        <>
          <p>
            {strings.referenceCode}: <code class="code">{report.code}</code>
          </p>
          <table class="checks">
            <thead>
              <tr>
                <th scope="col">{strings.check}</th>
                <th scope="col">{strings.status}</th>
                <th scope="col">{strings.reason}</th>
                <th scope="col">{strings.article}</th>
              </tr>
            </thead>
            <tbody>
              {failuresFirst(report.results).map((result) => (
                <tr key={result.check} class={`status-${result.status}`} data-check={result.check}>
                  <th scope="row">{wordFor(strings, 'check', result.check)}</th>
                  <td>
                    <span class={`status status-${result.status}`}>{wordFor(strings, 'status', result.status)}</span>
                  </td>
                  <td>
                    {reasonWords(locale, result.reason) ?? result.reason} <code>{result.reason}</code>
                    <Measured strings={strings} phrases={measuredPhrases(result.measured, locale)} />
                  </td>
                  <td>{result.article ? title(result.article) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <dl class="facts">
        <dt>{strings.page}</dt>
        <dd class="wrap">{context.page}</dd>
        <dt>{strings.browser}</dt>
        <dd title={context.userAgent}>{browserSummary(context.userAgent)}</dd>
        <dt>{strings.candidateLocale}</dt>
        <dd>{context.locale}</dd>
        {context.kbVersion && (
          <>
            <dt>{strings.kbVersion}</dt>
            <dd>{context.kbVersion}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Measured({ strings, phrases }: { strings: Strings; phrases: string[] }) {
  if (!phrases.length) return null;
  return (
    <span class="measured">
      {strings.measured}: {phrases.join(' · ')}
    </span>
  );
}
