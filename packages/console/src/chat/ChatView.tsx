/**
 * @module One chat: the messages (a polite live log), the reply box with its tools, closing with a
 * resolution, and the candidate's context beside it.
 */
import { RESOLUTIONS } from '@lifeline/protocol';
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Agent, ConsoleMessage } from '../api/index.ts';
import { ContextPanel, seenArticles } from '../context/index.ts';
import type { Chat } from '../desk/index.ts';
import { format, wordFor, type ConsoleLocale, type Strings } from '../i18n/index.ts';
import { articleSnippet } from '../kb/index.ts';
import { CannedReplies, KbSearch, localeOfCandidate, ReplyBox, type KbStatus } from '../reply/index.ts';
import { Connection } from '../queue/index.ts';
import { shortcutLabel } from '../shortcuts/index.ts';
import { AssignForm, TransferForm } from './HandOver.tsx';
import { TagsEditor } from './TagsEditor.tsx';

export interface Draft {
  text: string;
  isPrivate: boolean;
}

/** The fields the keyboard shortcuts move the focus to. */
export interface ChatRefs {
  reply: RefObject<HTMLTextAreaElement>;
  canned: RefObject<HTMLButtonElement>;
  kb: RefObject<HTMLInputElement>;
  resolution: RefObject<HTMLSelectElement>;
}

export interface ChatViewProps {
  strings: Strings;
  locale: ConsoleLocale;
  chat: Chat;
  agentName: string;
  now: number;
  kb: KbStatus;
  config: { articleUrl?: string | undefined; placeholders: Record<string, string> };
  draft: Draft;
  cannedOpen: boolean;
  /** Leads assign conversations to these accounts; absent for agents. */
  agents: Agent[] | undefined;
  refs: ChatRefs;
  onDraft(draft: Draft): void;
  onCannedOpen(open: boolean): void;
  onSend(text: string, isPrivate: boolean): void;
  onRetry(clientMessageId: string): void;
  onClose(resolution: string): void;
  onTransfer(queue: 'tier1' | 'tier2', note: string): void;
  onAssign(agentId: string): void;
  onTags(tags: string[]): void;
  onDismiss(): void;
  onReload(): void;
}

export function ChatView(props: ChatViewProps) {
  const { strings, locale, chat, agentName, now, kb, draft, refs } = props;
  const detail = chat.detail;
  const [resolution, setResolution] = useState('');
  const log = useRef<HTMLDivElement>(null);
  const count = (detail?.messages.length ?? 0) + chat.pending.length;
  useEffect(() => {
    log.current?.scrollTo?.({ top: log.current.scrollHeight });
  }, [count, chat.id]);
  // Closed from the keyboard, the focus was on the form that is now gone: it goes to what comes next.
  const dismiss = useRef<HTMLButtonElement>(null);
  const ended = chat.ended;
  useEffect(() => {
    if (ended && (document.activeElement === document.body || document.activeElement === null)) dismiss.current?.focus();
  }, [ended]);

  if (!detail) {
    return (
      <div class="chat loading">
        {chat.loadError ? (
          <p role="alert">
            {format(strings.loadFailed, { code: chat.loadError })}{' '}
            <button type="button" onClick={props.onReload}>
              {strings.retryLoad}
            </button>
          </p>
        ) : (
          <p class="muted">{strings.loading}</p>
        )}
      </div>
    );
  }

  const name = detail.candidateName;
  const candidateLocale = localeOfCandidate(detail.context.locale);
  const insert = (text: string) => {
    props.onDraft({ ...draft, text: draft.text.trim() ? `${draft.text.trimEnd()}\n${text}` : text });
    refs.reply.current?.focus();
  };
  const articleTitle = (id: string) => (kb.state === 'ready' ? kb.kb.article(id)?.title : undefined);
  const transferTo = detail.queue === 'tier2' ? 'tier1' : 'tier2';
  const suggestedTags = suggestTags(detail, (id) => (kb.state === 'ready' ? kb.kb.article(id)?.topic : undefined));

  return (
    <div class="chat">
      <div class="conversation">
        <div class="chat-head">
          <div>
            <h2 id={`chat-title-${chat.id}`}>{name}</h2>
            <span class="muted">
              {detail.examName} · <span class={`phase phase-${detail.phase}`}>{wordFor(strings, 'phase', detail.phase)}</span>
            </span>{' '}
            {!ended && <Connection strings={strings} connected={detail.candidateConnected} live />}
          </div>
          {!ended && (
            <form
              class="close-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (resolution) props.onClose(resolution);
              }}
            >
              <label for={`resolution-${chat.id}`}>
                {strings.resolution} <kbd>{shortcutLabel('close')}</kbd>
              </label>
              <select
                id={`resolution-${chat.id}`}
                ref={refs.resolution}
                value={resolution}
                aria-keyshortcuts="Alt+X"
                onChange={(event) => setResolution(event.currentTarget.value)}
                onKeyDown={(event) => {
                  // A select does not submit its form on Enter: here it does, so Alt+X, ↓, Enter closes.
                  if (event.key !== 'Enter' || !event.currentTarget.value) return;
                  event.preventDefault();
                  props.onClose(event.currentTarget.value);
                }}
              >
                <option value="">{strings.chooseResolution}</option>
                {RESOLUTIONS.map((code) => (
                  <option key={code} value={code}>
                    {wordFor(strings, 'resolution', code)}
                  </option>
                ))}
              </select>
              <button type="submit" disabled={!resolution} aria-label={format(strings.closeConversationLabel, { name })}>
                {strings.closeConversation}
              </button>
            </form>
          )}
        </div>

        {!ended && (
          <div class="hand-overs">
            {detail.status === 'assigned' && <TransferForm strings={strings} chatId={chat.id} to={transferTo} onTransfer={(note) => props.onTransfer(transferTo, note)} />}
            {props.agents && <AssignForm strings={strings} chatId={chat.id} agents={props.agents} current={detail.agentId} onAssign={props.onAssign} />}
          </div>
        )}

        <div class="messages" ref={log} role="log" aria-live="polite" aria-label={format(strings.messagesWith, { name })} tabIndex={0}>
          <ol>
          {detail.messages.map((message) => (
            <MessageItem key={message.id} message={message} strings={strings} locale={locale} agentName={agentName} candidateName={name} />
          ))}
          {chat.pending.map((pending) => (
            <li key={pending.clientMessageId} class={`message mine pending${pending.private ? ' private' : ''}`}>
              <span class="who">{pending.private ? strings.privateNoteTag : strings.you}</span>
              <p class="text">{pending.text}</p>
              {pending.state === 'sending' ? (
                <span class="muted state">{strings.sending}</span>
              ) : (
                <span class="state failed">
                  {format(strings.notSent, { code: pending.code ?? '' })}{' '}
                  <button type="button" onClick={() => props.onRetry(pending.clientMessageId)}>
                    {strings.retrySend}
                  </button>
                </span>
              )}
            </li>
          ))}
          </ol>
        </div>
        {chat.typing && !ended && (
          <p class="typing muted" aria-hidden="true">
            {format(strings.typing, { name })}
          </p>
        )}

        {ended ? (
          <div class="ended" role="status">
            <p>
              {ended.kind === 'transferred'
                ? format(strings.transferredBanner, { queue: ended.queue })
                : ended.resolution
                  ? format(strings.closedBanner, { resolution: wordFor(strings, 'resolution', ended.resolution) })
                  : strings.closedNoResolution}
            </p>
            <button type="button" ref={dismiss} onClick={props.onDismiss}>
              {strings.dismissChat}
            </button>
          </div>
        ) : (
          <>
            <div class="tools">
              <CannedReplies
                strings={strings}
                locale={locale}
                candidateLocale={candidateLocale}
                chatId={chat.id}
                open={props.cannedOpen}
                onOpen={props.onCannedOpen}
                toggleRef={refs.canned}
                onInsert={(text) => {
                  props.onCannedOpen(false);
                  insert(text);
                }}
              />
              <KbSearch strings={strings} chatId={chat.id} kb={kb} inputRef={refs.kb} onInsert={(hit) => insert(articleSnippet(hit, kb.state === 'ready' ? kb.kb.locale : candidateLocale, props.config))} />
            </div>
            <ReplyBox
              strings={strings}
              chatId={chat.id}
              candidateName={name}
              text={draft.text}
              isPrivate={draft.isPrivate}
              disabled={false}
              textareaRef={refs.reply}
              onText={(text) => props.onDraft({ ...draft, text })}
              onPrivate={(isPrivate) => props.onDraft({ ...draft, isPrivate })}
              onSend={props.onSend}
            />
          </>
        )}
      </div>
      <div class="beside">
        <TagsEditor strings={strings} chatId={chat.id} tags={detail.tags} suggestions={suggestedTags} onSave={props.onTags} />
        <ContextPanel strings={strings} locale={locale} detail={detail} articleTitle={articleTitle} now={now} />
      </div>
    </div>
  );
}

/** The KB topics of the articles the candidate saw and the checks pointed to, as tags to offer. */
function suggestTags(detail: NonNullable<Chat['detail']>, topicOf: (articleId: string) => string | undefined): string[] {
  const ids = [...seenArticles(detail.context.entries).map((article) => article.articleId), ...(detail.context.checks?.results.flatMap((result) => (result.article ? [result.article] : [])) ?? [])];
  return [...new Set(ids.flatMap((id) => topicOf(id) ?? []))];
}

function MessageItem({ message, strings, locale, agentName, candidateName }: { message: ConsoleMessage; strings: Strings; locale: ConsoleLocale; agentName: string; candidateName: string }) {
  const who = message.author === 'candidate' ? candidateName : message.author === 'system' ? strings.system : message.name === agentName ? strings.you : (message.name ?? strings.you);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(message.at));
  return (
    <li class={`message ${message.author}${message.author === 'agent' ? ' mine' : ''}${message.private ? ' private' : ''}`}>
      <span class="who">
        {who}
        {message.private && <span class="tag">{strings.privateNoteTag}</span>} <time dateTime={message.at}>{time}</time>
      </span>
      <p class="text">{message.text}</p>
    </li>
  );
}

