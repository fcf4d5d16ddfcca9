// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { transcript } from '../bot/index.ts';
import { strings } from '../i18n/en.ts';
import '../test-support.ts';
import { Composer } from './Composer.tsx';
import { Conversation } from './Conversation.tsx';
import type { ArticleSummary, UiActions, ViewModel } from './view-model.ts';

afterEach(cleanup);

const ARTICLES: Record<string, ArticleSummary> = {
  'camera-not-working': { id: 'camera-not-working', title: 'My camera is not working', summary: 'Close other apps.', check: 'camera', handover: undefined },
  'browser-permissions': { id: 'browser-permissions', title: 'Allow the camera in the browser', summary: 'Allow it.', check: 'permissions', handover: undefined },
  'system-requirements': { id: 'system-requirements', title: 'System requirements', summary: 'A recent browser.', check: 'system', handover: undefined },
};

type SpiedActions = { [K in keyof UiActions]: Mock<UiActions[K]> };

function actions(): SpiedActions {
  const none = () => vi.fn<() => void>();
  const byId = () => vi.fn<(articleId: string) => void>();
  return { toggle: none(), close: none(), ask: vi.fn(), choose: byId(), read: byId(), back: none(), rate: vi.fn(), escalate: none(), retry: none(), warm: none(), minimise: none(), checks: vi.fn() };
}

function model(overrides: Partial<ViewModel> = {}): ViewModel {
  return {
    strings,
    lang: 'en',
    dir: 'ltr',
    dark: false,
    side: 'right',
    themeVars: {},
    open: true,
    kbStatus: 'ready',
    items: [],
    quickReplies: [],
    reading: undefined,
    ArticleView: undefined,
    flowPanel: undefined,
    failed: false,
    chat: false,
    people: undefined,
    minimised: false,
    article: (id) => ARTICLES[id],
    supportHours: undefined,
    pending: false,
    hint: '',
    ...overrides,
  };
}

const KB = 'v1';

describe('Conversation', () => {
  it('greets with the quick replies, and picking one chooses its article', () => {
    const act = actions();
    render(<Conversation model={model({ quickReplies: [ARTICLES['camera-not-working']!] })} actions={act} />);
    const log = screen.getByRole('log', { name: 'Exam help' });
    expect(within(log).getByText(strings.greeting)).toBeTruthy();
    fireEvent.click(within(screen.getByRole('group', { name: 'Common topics' })).getByRole('button', { name: 'My camera is not working' }));
    expect(act.choose).toHaveBeenCalledWith('camera-not-working');
  });

  it('shows a suggestion with its alternatives and rating buttons', () => {
    const act = actions();
    const items = transcript([
      { type: 'question', at: 1, text: 'camera' },
      { type: 'answer', at: 2, decision: 'suggest', articleId: 'camera-not-working', alternatives: ['browser-permissions', 'system-requirements'], kbVersion: KB },
    ]);
    render(<Conversation model={model({ items })} actions={act} />);
    expect(screen.getByText('camera')).toBeTruthy();
    expect(screen.getByText('My camera is not working')).toBeTruthy();
    const alternatives = screen.getByRole('group', { name: strings.didYouMean });
    expect(within(alternatives).getAllByRole('button').map((b) => b.textContent)).toEqual(['Allow the camera in the browser', 'System requirements']);
    fireEvent.click(within(alternatives).getByRole('button', { name: 'System requirements' }));
    expect(act.choose).toHaveBeenCalledWith('system-requirements');
    fireEvent.click(screen.getByRole('button', { name: strings.readSteps }));
    expect(act.read).toHaveBeenCalledWith('camera-not-working');
    fireEvent.click(screen.getByRole('button', { name: strings.no }));
    expect(act.rate).toHaveBeenCalledWith('camera-not-working', false);
  });

  it('disables rating once an answer is rated, and thanks', () => {
    const items = transcript([
      { type: 'answer', at: 2, decision: 'answer', articleId: 'camera-not-working', alternatives: [], kbVersion: KB },
      { type: 'feedback', at: 3, articleId: 'camera-not-working', helpful: true },
    ]);
    render(<Conversation model={model({ items })} actions={actions()} />);
    const rating = screen.getByRole('group', { name: strings.helpful });
    const [yes, no] = within(rating).getAllByRole('button') as HTMLButtonElement[];
    expect([yes?.disabled, no?.disabled]).toEqual([true, true]);
    expect(yes?.getAttribute('aria-pressed')).toBe('true');
    expect(no?.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByText(strings.thanks)).toBeTruthy();
  });

  it('offers a person with every answer it does not have, and the button escalates', () => {
    const act = actions();
    const none = { type: 'answer' as const, at: 1, decision: 'none' as const, alternatives: [], kbVersion: KB };
    render(<Conversation model={model({ items: transcript([none, none]) })} actions={act} />);
    const buttons = screen.getAllByRole('button', { name: strings.talkToPerson });
    expect(buttons).toHaveLength(2);
    fireEvent.click(buttons.at(-1)!);
    expect(act.escalate).toHaveBeenCalledTimes(1);
  });

  it('shows the support hours after an escalation when the host gave them', () => {
    render(<Conversation model={model({ items: transcript([{ type: 'escalate', at: 1 }]), supportHours: '9–17' })} actions={actions()} />);
    expect(screen.getByText(strings.escalated)).toBeTruthy();
    expect(screen.getByText('Support hours: 9–17')).toBeTruthy();
  });

  it('says it is loading, or searching when a question waits', () => {
    const { rerender } = render(<Conversation model={model({ kbStatus: 'loading' })} actions={actions()} />);
    expect(screen.getByRole('status').textContent).toBe(strings.loading);
    rerender(<Conversation model={model({ kbStatus: 'loading', pending: true })} actions={actions()} />);
    expect(screen.getByRole('status').textContent).toBe(strings.thinking);
  });

  it('offers a retry when the answers could not load', () => {
    const act = actions();
    render(<Conversation model={model({ kbStatus: 'failed' })} actions={act} />);
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: strings.retry }));
    expect(act.retry).toHaveBeenCalledTimes(1);
  });

  it('renders a question as text, never as HTML', () => {
    render(<Conversation model={model({ items: transcript([{ type: 'question', at: 1, text: '<img src=x onerror=alert(1)>' }]) })} actions={actions()} />);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });
});

describe('Composer', () => {
  it('asks the typed question and clears the input', () => {
    const onAsk = vi.fn();
    render(<Composer strings={strings} hint="" onAsk={onAsk} />);
    const input = screen.getByRole('textbox', { name: strings.inputLabel }) as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'my camera is black' } });
    fireEvent.click(screen.getByRole('button', { name: strings.send }));
    expect(onAsk).toHaveBeenCalledWith('my camera is black');
    expect(input.value).toBe('');
  });

  it('passes an empty question on, for the widget to hint, and shows the hint', () => {
    const onAsk = vi.fn();
    const { rerender } = render(<Composer strings={strings} hint="" onAsk={onAsk} />);
    fireEvent.submit(screen.getByRole('textbox').closest('form')!);
    expect(onAsk).toHaveBeenCalledWith('');
    expect(screen.queryByRole('status')).toBeNull();
    rerender(<Composer strings={strings} hint="empty" onAsk={onAsk} />);
    expect(screen.getByRole('status').textContent).toBe(strings.empty);
    rerender(<Composer strings={strings} hint="cut" onAsk={onAsk} />);
    expect(screen.getByRole('status').textContent).toBe(strings.cut);
  });
});
