/**
 * @module The widget's UI: launcher, and a non-modal dialog holding the conversation or an article.
 * @jsxRuntime classic
 * @jsx h
 * @jsxFrag Fragment
 */
import { Fragment, h } from 'preact';
import { Composer } from './Composer.tsx';
import { Conversation, LoadFailed } from './Conversation.tsx';
import { LAUNCHER_ICON } from './launcher-style.ts';
import type { UiActions, ViewModel } from './view-model.ts';

export function App({ model, actions }: { model: ViewModel; actions: UiActions }) {
  const { strings, open } = model;
  const classes = ['root', model.dark ? 'dark' : '', model.side === 'left' ? 'left' : '', open ? 'open' : ''].filter(Boolean).join(' ');
  return (
    <div class={classes} dir={model.dir} lang={model.lang} style={model.themeVars}>
      <button
        type="button"
        class={model.side === 'left' ? 'launcher left' : 'launcher'}
        aria-label={strings.launcherLabel}
        aria-expanded={open}
        aria-controls="lifeline-panel"
        onClick={actions.toggle}
        onPointerEnter={actions.warm}
        onFocus={actions.warm}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d={LAUNCHER_ICON} />
        </svg>
        {strings.launcher}
      </button>
      <div
        id="lifeline-panel"
        class={model.minimised ? 'panel min' : 'panel'}
        role="dialog"
        aria-labelledby="lifeline-title"
        hidden={!open}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            actions.close();
          }
        }}
      >
        <div class="header">
          <h2 id="lifeline-title" tabIndex={-1}>
            {strings.title}
          </h2>
          {/* Folds the panel to this header: the exam shows again, the help and the chat go on. */}
          <button type="button" class="icon-btn min-btn" aria-label={strings.minimise} aria-pressed={model.minimised} onClick={actions.minimise}>
            <span aria-hidden="true">{model.minimised ? '▴' : '–'}</span>
          </button>
          <button type="button" class="icon-btn" aria-label={strings.close} onClick={actions.close}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        {open && !model.minimised && <PanelBody model={model} actions={actions} />}
      </div>
    </div>
  );
}

function PanelBody({ model, actions }: { model: ViewModel; actions: UiActions }) {
  const { reading, ArticleView, strings } = model;
  const article = reading && ArticleView ? <ArticleView article={reading} strings={strings} actions={actions} /> : undefined;
  const flow = !article && model.flowPanel !== undefined;
  return (
    <>
      {model.people !== undefined && (
        <div class="people">
          {model.people && <p>{model.people}</p>}
          <button type="button" class="chip" onClick={actions.escalate}>
            {strings.talkToPerson}
          </button>
        </div>
      )}
      <div class="body">
        {model.failed ? (
          <>
            <button type="button" class="chip back" onClick={actions.back}>
              <span aria-hidden="true">{'‹ '}</span>
              {strings.back}
            </button>
            <LoadFailed model={model} actions={actions} />
          </>
        ) : (
          (article ??
          (flow ? (
            (model.flowPanel ?? (
              <p class="status" role="status">
                {strings.loading}
              </p>
            ))
          ) : (
            <Conversation model={model} actions={actions} />
          )))
        )}
      </div>
      {!article && !flow && <Composer strings={strings} hint={model.hint} onAsk={actions.ask} />}
    </>
  );
}
