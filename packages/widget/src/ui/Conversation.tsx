/**
 * @module The conversation: greeting and quick replies, then questions and the bot's answers, announced politely.
 * @jsxRuntime classic
 * @jsx h
 * @jsxFrag Fragment
 */
import { Fragment, h } from 'preact';
import type { TranscriptItem } from '../bot/index.ts';
import { format } from '../i18n/index.ts';
import type { UiActions, ViewModel } from './view-model.ts';

export function Conversation({ model, actions }: { model: ViewModel; actions: UiActions }) {
  const { strings } = model;
  return (
    <>
      <div class="log" role="log" aria-live="polite" aria-relevant="additions" aria-label={strings.title}>
        <div class="msg bot">
          <p>{strings.greeting}</p>
          {model.quickReplies.length > 0 && (
            <div class="row" role="group" aria-label={strings.quickRepliesLabel}>
              {model.quickReplies.map((article) => (
                <button type="button" class="chip" key={article.id} onClick={() => actions.choose(article.id)}>
                  {article.title}
                </button>
              ))}
            </div>
          )}
          <div class="row">
            <button type="button" class="btn" onClick={() => actions.checks()}>
              {strings.checkSetup}
            </button>
          </div>
        </div>
        {model.items.map((item) => (
          <Item key={item.key} item={item} model={model} actions={actions} />
        ))}
      </div>
      {model.kbStatus === 'loading' && (
        <p class="status" role="status">
          {model.pending ? strings.thinking : strings.loading}
        </p>
      )}
      {model.kbStatus === 'failed' && <LoadFailed model={model} actions={actions} />}
    </>
  );
}

/** The answers or a view's code could not be loaded: it loads again by itself when the network returns, or on Retry. */
export function LoadFailed({ model, actions }: { model: ViewModel; actions: UiActions }) {
  return (
    <div class="status" role="alert">
      <p>{model.strings.loadFailed}</p>
      <button type="button" class="btn" onClick={actions.retry}>
        {model.strings.retry}
      </button>
    </div>
  );
}

function Item({ item, model, actions }: { item: TranscriptItem; model: ViewModel; actions: UiActions }) {
  const { strings } = model;
  switch (item.kind) {
    case 'question':
      return (
        <div class="msg you">
          <span class="sr">{strings.you}: </span>
          {item.text}
        </div>
      );
    case 'answer':
      return <Answer item={item} model={model} actions={actions} />;
    case 'feedback-reply':
      return (
        <div class="msg bot">
          <p>{item.helpful ? strings.thanks : strings.sorry}</p>
          {/* "…or talk to a person": with the button that does it. */}
          {!item.helpful && <PersonButton model={model} actions={actions} />}
        </div>
      );
    case 'checks':
      return (
        <div class="msg bot">
          <p>{format(strings.checksDone, { passed: String(item.passed), total: String(item.total), code: item.code })}</p>
        </div>
      );
    case 'escalated':
      return (
        <div class="msg bot">
          <p>{strings.escalated}</p>
          {model.supportHours && <p>{format(strings.supportHours, { hours: model.supportHours })}</p>}
          {/* Back to the chat (or a new one once it has ended). */}
          {model.chat && <PersonButton model={model} actions={actions} />}
        </div>
      );
  }
}

function Answer({ item, model, actions }: { item: Extract<TranscriptItem, { kind: 'answer' }>; model: ViewModel; actions: UiActions }) {
  const { strings } = model;
  const article = item.articleId ? model.article(item.articleId) : undefined;
  if (!article) {
    return (
      <div class="msg bot">
        <span class="sr">{strings.bot}: </span>
        <p>{strings.noAnswer}</p>
        <PersonButton model={model} actions={actions} />
      </div>
    );
  }
  const alternatives = item.alternatives.flatMap((id) => model.article(id) ?? []);
  return (
    <div class="msg bot answer" data-article={article.id}>
      <span class="sr">{strings.bot}: </span>
      <p>{strings.answerIntro}</p>
      <p class="title">{article.title}</p>
      <p>{article.summary}</p>
      <div class="row">
        <button type="button" class="btn" onClick={() => actions.read(article.id)}>
          {strings.readSteps}
        </button>
        {article.check && (
          <button type="button" class="chip" onClick={() => actions.checks(article.check)}>
            {strings.testNow}
          </button>
        )}
        {/* The candidate asked for a person: the way there, at once. */}
        {article.handover && (
          <button type="button" class="btn" onClick={actions.escalate}>
            {strings.talkToPerson}
          </button>
        )}
      </div>
      {alternatives.length > 0 && (
        <div class="row" role="group" aria-label={strings.didYouMean}>
          <span>{strings.didYouMean}</span>
          {alternatives.map((alt) => (
            <button type="button" class="chip" key={alt.id} onClick={() => actions.choose(alt.id)}>
              {alt.title}
            </button>
          ))}
        </div>
      )}
      <div class="row" role="group" aria-label={strings.helpful}>
        <span aria-hidden="true">{strings.helpful}</span>
        {[true, false].map((helpful) => (
          <button
            type="button"
            class="chip"
            key={String(helpful)}
            aria-pressed={item.helpful === helpful}
            disabled={item.helpful !== undefined}
            onClick={() => actions.rate(article.id, helpful)}
          >
            {helpful ? strings.yes : strings.no}
          </button>
        ))}
      </div>
    </div>
  );
}

function PersonButton({ model, actions }: { model: ViewModel; actions: UiActions }) {
  return (
    <div class="row">
      <button type="button" class="btn" onClick={actions.escalate}>
        {model.strings.talkToPerson}
      </button>
    </div>
  );
}
