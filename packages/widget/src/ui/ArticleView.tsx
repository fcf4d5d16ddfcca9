/**
 * @module One article in full: the compiled HTML (sanitized at build time) and its related articles.
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact';
import type { UiStrings } from '../i18n/index.ts';
import type { ArticleDetail, UiActions } from './view-model.ts';

export function ArticleView({ article, strings, actions }: { article: ArticleDetail; strings: UiStrings; actions: UiActions }) {
  return (
    <article class="article">
      <button type="button" class="chip back" onClick={actions.back}>
        <span aria-hidden="true">{'‹ '}</span>
        {strings.back}
      </button>
      {/* The widget moves focus here when the article opens, so a screen reader starts reading it. */}
      <h3 tabIndex={-1}>
        {article.title}
      </h3>
      <div
        // Article links (`data-article`) open inside the widget instead of navigating the exam page.
        onClick={(event) => {
          const link = (event.target as Element | null)?.closest?.('a[data-article]');
          const id = link?.getAttribute('data-article');
          if (id) {
            event.preventDefault();
            actions.read(id);
          }
        }}
        // The HTML is the KB editors' markdown, compiled and sanitized by `lifeline-kb build`; placeholder
        // values from the host are escaped before they are put in. Nothing a candidate typed goes here.
        dangerouslySetInnerHTML={{ __html: article.html }}
      />
      {article.related.length > 0 && (
        <nav aria-label={strings.related}>
          <h2>{strings.related}</h2>
          <div class="row">
            {article.related.map((related) => (
              <button type="button" class="chip" key={related.id} onClick={() => actions.read(related.id)}>
                {related.title}
              </button>
            ))}
          </div>
        </nav>
      )}
    </article>
  );
}
