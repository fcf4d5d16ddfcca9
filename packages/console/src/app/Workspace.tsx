/**
 * @module The signed-in console: the header (views, line, presence, language, shortcuts, sign-out),
 * the queue, the chat tabs with the chat in front, the leads' views, the keyboard shortcuts, and
 * an aria-live region for what arrives out of sight.
 */
import type { AgentSession } from '@lifeline/protocol';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AlertSettings, alertArrival, browserAlertDevices, readAlertPrefs, saveAlertPrefs, type AlertDevices, type AlertPrefs } from '../alerts/index.ts';
import type { Agent, ConsoleApi } from '../api/index.ts';
import { ChatTabs, ChatView, panelId, tabId, type Draft } from '../chat/index.ts';
import type { ConsoleConfig } from '../config.ts';
import { Desk, MAX_CHATS, type DeskState } from '../desk/index.ts';
import { errorText, format, LOCALE_NAMES, LOCALES, wordFor, type ConsoleLocale, type Strings } from '../i18n/index.ts';
import { AuditView, RatingsView } from '../leads/index.ts';
import { QueueList } from '../queue/index.ts';
import { localeOfCandidate } from '../reply/index.ts';
import { HelpOverlay, matchShortcut, shortcutLabel, type ShortcutAction } from '../shortcuts/index.ts';
import { useDeskState, useKbs, useNow } from './hooks.ts';

type View = 'chats' | 'audit' | 'ratings';

export interface WorkspaceProps {
  api: ConsoleApi;
  session: AgentSession;
  config: ConsoleConfig;
  strings: Strings;
  locale: ConsoleLocale;
  onLocale(locale: ConsoleLocale): void;
  onSignOut(): void;
  onSignedOut(): void;
  /** Where the alert choices are kept (localStorage, unless blocked). */
  storage: Storage | undefined;
  /** The sound and notifications; the browser's by default. */
  alertDevices?: AlertDevices;
}

const EMPTY_DRAFT: Draft = { text: '', isPrivate: false };

export function Workspace(props: WorkspaceProps) {
  const { api, session, config, strings, locale } = props;
  const desk = useMemo(() => new Desk(api, session, {}, props.onSignedOut), [api, session]);
  const state = useDeskState(desk);
  const now = useNow(15_000);
  const [view, setView] = useState<View>('chats');
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [cannedOpen, setCannedOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [agents, setAgents] = useState<Agent[] | undefined>(undefined);
  const [alertPrefs, setAlertPrefs] = useState<AlertPrefs>(() => readAlertPrefs(props.storage));
  const devices = useMemo(() => props.alertDevices ?? browserAlertDevices(), [props.alertDevices]);
  const refs = { reply: useRef<HTMLTextAreaElement>(null), canned: useRef<HTMLButtonElement>(null), kb: useRef<HTMLInputElement>(null), resolution: useRef<HTMLSelectElement>(null) };
  const kbs = useKbs(
    config.kbUrl,
    state.chats.map((chat) => localeOfCandidate(chat.detail?.context.locale)),
  );
  const isLead = session.agent.role === 'lead';
  const active = state.chats.find((chat) => chat.id === state.active);
  const openCount = state.chats.filter((chat) => !chat.ended).length;
  const canTake = state.presence === 'online' && openCount < Math.min(MAX_CHATS, session.agent.capacity);

  useEffect(() => {
    desk.start();
    return () => desk.stop();
  }, [desk]);

  useEffect(() => {
    if (isLead) void api.agents().then((answer) => answer.ok && setAgents(answer.value));
  }, [api, isLead]);

  // The unread count in the tab's title, for an agent looking at another window.
  useEffect(() => {
    const unread = state.chats.reduce((sum, chat) => sum + chat.unread, 0);
    document.title = unread ? `(${unread}) ${strings.appTitle}` : strings.appTitle;
  }, [state.chats, strings]);

  // A conversation joined the queue (the desk announces it while the agent is online): the alerts chosen.
  useEffect(() => {
    const said = state.announcement;
    if (said?.kind === 'arrival') alertArrival(alertPrefs, devices, { title: strings.appTitle, body: format(strings.announceArrival, { name: said.name }) });
  }, [state.announcement?.n]);

  // Back in the window: the chat in front counts as read.
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && desk.state.active && desk.focus(desk.state.active);
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [desk]);

  const focusSoon = (target: { current: HTMLElement | null }) => setTimeout(() => target.current?.focus(), 0);

  const take = async (which: string) => {
    await desk.take(which);
    setView('chats');
    focusSoon(refs.reply);
  };

  const run = (action: ShortcutAction) => {
    const chatNumber = /^chat(\d)$/.exec(action)?.[1];
    if (chatNumber) {
      const chat = desk.state.chats[Number(chatNumber) - 1];
      if (chat) {
        setView('chats');
        desk.focus(chat.id);
        focusSoon(refs.reply);
      }
      return;
    }
    switch (action) {
      case 'help':
        return setHelpOpen((open) => !open);
      case 'takeNext':
        if (canTake) void take('next');
        return;
      case 'nextChat':
        desk.focusNext();
        return focusSoon(refs.reply);
      case 'reply':
        return focusSoon(refs.reply);
      case 'private':
        if (active) setDrafts((all) => ({ ...all, [active.id]: { ...(all[active.id] ?? EMPTY_DRAFT), isPrivate: !(all[active.id] ?? EMPTY_DRAFT).isPrivate } }));
        return;
      case 'canned':
        return setCannedOpen(true);
      case 'kb':
        return focusSoon(refs.kb);
      case 'close': {
        // Chosen already: Alt+X closes. Not yet: the choice, where ↑ ↓ pick and Enter closes.
        const resolution = refs.resolution.current;
        if (resolution?.value) return resolution.form?.requestSubmit();
        return focusSoon(refs.resolution);
      }
      case 'presence':
        return void desk.setPresence(desk.state.presence === 'online' ? 'away' : 'online');
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = matchShortcut(event);
      if (!action || (helpOpen && action !== 'help')) return;
      event.preventDefault();
      run(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  return (
    <div class="console">
      <header class="bar">
        <h1 class="brand">{strings.appTitle}</h1>
        {isLead && (
          <nav aria-label={strings.views} class="views">
            {(['chats', 'audit', 'ratings'] as const).map((name) => (
              <button key={name} type="button" aria-current={view === name ? 'page' : undefined} onClick={() => setView(name)}>
                {wordFor(strings, 'view', name)}
              </button>
            ))}
          </nav>
        )}
        <span class={`line line-${state.line}`} role="status">
          {wordFor(strings, 'line', state.line)}
        </span>
        <fieldset class="presence">
          <legend>
            {strings.presence} <kbd>{shortcutLabel('presence')}</kbd>
          </legend>
          {(['online', 'away'] as const).map((presence) => (
            <label key={presence}>
              <input type="radio" name="presence" value={presence} checked={state.presence === presence} onChange={() => void desk.setPresence(presence)} />
              {wordFor(strings, 'presence', presence)}
            </label>
          ))}
        </fieldset>
        <LanguageSelect strings={strings} locale={locale} onLocale={props.onLocale} />
        <button type="button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?" title="?">
          {strings.shortcuts}
        </button>
        <span class="agent">{format(strings.signedInAs, { name: session.agent.name, role: wordFor(strings, 'role', session.agent.role) })}</span>
        <button type="button" onClick={props.onSignOut}>
          {strings.signOut}
        </button>
      </header>

      {state.notice && (
        <div class="notice" role="alert" data-code={state.notice}>
          {errorText(strings, state.notice)}{' '}
          <button type="button" onClick={() => desk.dismissNotice()}>
            {strings.dismissNotice}
          </button>
        </div>
      )}

      <div class="desk">
        <aside class="side">
          {state.presence === 'away' && <p class="away">{strings.presenceAwayNote}</p>}
          <QueueList
            strings={strings}
            locale={locale}
            queue={state.queue}
            capacity={session.agent.capacity}
            now={now}
            canTake={canTake}
            onTake={(id) => void take(id)}
            onTakeNext={() => void take('next')}
            onLookIn={isLead ? (id) => void desk.open(id, true).then(() => setView('chats')) : undefined}
          />
          <AlertSettings
            strings={strings}
            prefs={alertPrefs}
            devices={devices}
            onPrefs={(prefs) => {
              setAlertPrefs(prefs);
              saveAlertPrefs(props.storage, prefs);
            }}
          />
        </aside>
        <main class="main">
          {view === 'audit' && isLead ? (
            <AuditView api={api} strings={strings} locale={locale} agents={agents} />
          ) : view === 'ratings' && isLead ? (
            <RatingsView api={api} strings={strings} locale={locale} />
          ) : (
            <>
              <h2 class="visually-hidden">{strings.view_chats}</h2>
              {state.chats.length === 0 ? (
                <p class="muted no-chats">{strings.noChats}</p>
              ) : (
                <>
                  <ChatTabs strings={strings} chats={state.chats} active={state.active} onFocus={(id) => desk.focus(id)} />
                  {active && (
                    <div role="tabpanel" id={panelId(active.id)} aria-labelledby={tabId(active.id)} class="panel">
                      <ChatView
                        key={active.id}
                        strings={strings}
                        locale={locale}
                        chat={active}
                        agentName={session.agent.name}
                        now={now}
                        kb={kbs[localeOfCandidate(active.detail?.context.locale)] ?? { state: 'loading' }}
                        config={config}
                        draft={drafts[active.id] ?? EMPTY_DRAFT}
                        cannedOpen={cannedOpen}
                        agents={agents}
                        refs={refs}
                        onDraft={(draft) => {
                          setDrafts((all) => ({ ...all, [active.id]: draft }));
                          // A private note is nothing the candidate should see coming.
                          if (draft.text.trim() && !draft.isPrivate && !active.ended) desk.typed(active.id);
                          else desk.stoppedTyping(active.id);
                        }}
                        onCannedOpen={setCannedOpen}
                        onSend={(text, isPrivate) => void desk.send(active.id, text, isPrivate)}
                        onRetry={(clientMessageId) => void desk.retry(active.id, clientMessageId)}
                        onClose={(resolution) => void desk.close(active.id, resolution)}
                        onTransfer={(queue, note) => void desk.transfer(active.id, queue, note)}
                        onAssign={(agentId) => void desk.assign(active.id, agentId)}
                        onTags={(tags) => void desk.setTags(active.id, tags)}
                        onDismiss={() => desk.dismiss(active.id)}
                        onReload={() => void desk.reloadChat(active.id)}
                      />
                    </div>
                  )}
                </>
              )}
            </>
          )}
        </main>
      </div>

      <Announcer strings={strings} state={state} />
      {helpOpen && <HelpOverlay strings={strings} onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

export function LanguageSelect({ strings, locale, onLocale }: { strings: Strings; locale: ConsoleLocale; onLocale(locale: ConsoleLocale): void }) {
  return (
    <label class="language">
      <span class="visually-hidden">{strings.language}</span>
      <select value={locale} aria-label={strings.language} onChange={(event) => onLocale(event.currentTarget.value as ConsoleLocale)}>
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Reads out what happens out of sight: a message in a chat that is not in front (the chat in front
 * has its own live log), a candidate arriving in the queue, a chat opened.
 */
function Announcer({ strings, state }: { strings: Strings; state: DeskState }) {
  const said = state.announcement;
  let text = '';
  if (said?.kind === 'message' && (said.chatId !== state.active || document.visibilityState === 'hidden')) text = format(strings.announceMessage, { name: said.name, text: said.text });
  if (said?.kind === 'arrival') text = format(strings.announceArrival, { name: said.name });
  if (said?.kind === 'taken') text = format(strings.announceTaken, { name: said.name });
  return (
    <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-n={said?.n}>
      {text}
    </div>
  );
}
