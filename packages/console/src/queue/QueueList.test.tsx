// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../widget/src/test-support.ts';
import { stringsFor } from '../i18n/index.ts';
import { NOW, queueItem } from '../test-fixtures.ts';
import { QueueList, type QueueListProps } from './QueueList.tsx';

afterEach(cleanup);

const WAITING = [
  queueItem(),
  queueItem({ id: 'conv-soon', candidateName: 'Ben Ode', phase: 'before', createdAt: new Date(NOW - 30_000).toISOString(), firstQuestion: undefined, checksCode: undefined }),
  queueItem({ id: 'conv-after', candidateName: 'Cleo Ruiz', phase: 'after', examStart: undefined, createdAt: new Date(NOW - 12 * 60_000).toISOString(), firstQuestion: 'where are my results?', queue: 'tier2' }),
];

function show(overrides: Partial<QueueListProps> = {}) {
  const props: QueueListProps = {
    strings: stringsFor('en'),
    locale: 'en',
    queue: { waiting: WAITING, mine: [], tickets: [] },
    capacity: 4,
    now: NOW,
    canTake: true,
    onTake: vi.fn(),
    onTakeNext: vi.fn(),
    ...overrides,
  };
  render(<QueueList {...props} />);
  return props;
}

const rows = () => within(screen.getByRole('list')).getAllByRole('listitem');

describe('QueueList', () => {
  it('keeps the gateway’s order and shows phase, exam, minutes waiting, first question and check code', () => {
    show();
    expect(screen.getByRole('heading', { name: /Queue/ })).toHaveProperty('textContent', 'Queue 3 waiting');
    const [during, soon, after] = rows();
    expect(rows().map((row) => row.getAttribute('data-conversation'))).toEqual(['conv-during', 'conv-soon', 'conv-after']);
    expect(within(during!).getByText('During the exam')).toBeTruthy();
    expect(within(during!).getByText(/Biology 101/)).toBeTruthy();
    expect(within(during!).getByText('my camera is black')).toBeTruthy();
    expect(within(during!).getByText('Checks 1F5K-8G6H-2A7')).toBeTruthy();
    expect(within(during!).getByText(/^3 min waiting/)).toBeTruthy();
    expect(within(soon!).getByText('Before the exam')).toBeTruthy();
    expect(within(soon!).getByText('No question typed')).toBeTruthy();
    expect(within(soon!).queryByText(/^Checks/)).toBeNull();
    expect(within(after!).getByText('Tier 2')).toBeTruthy();
  });

  it('marks a wait over the one-minute first-reply target, in words too', () => {
    show();
    const [during, soon] = rows();
    expect(within(during!).getByText(/3 min waiting/).className).toContain('late');
    expect(within(during!).getByText(/over the 1-minute target/)).toBeTruthy();
    expect(within(soon!).getByText(/0 min waiting/).className).not.toContain('late');
  });

  it('takes the next one, or the one chosen by name', () => {
    const props = show();
    fireEvent.click(screen.getByRole('button', { name: /Take next/ }));
    expect(props.onTakeNext).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Take the conversation with Cleo Ruiz' }));
    expect(props.onTake).toHaveBeenCalledWith('conv-after');
  });

  it('disables taking while the agent cannot take more, and says when nobody waits', () => {
    show({ canTake: false });
    expect(screen.getByRole('button', { name: /Take next/ })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Take the conversation with Ana García' })).toHaveProperty('disabled', true);
    cleanup();
    show({ queue: { waiting: [], mine: [queueItem()], tickets: [] }, capacity: 2 });
    expect(screen.getByText('Nobody is waiting.')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Take next/ })).toHaveProperty('disabled', true);
    expect(screen.getByText('My chats: 1 of 2')).toBeTruthy();
  });

  it('lists tickets apart, taken by name; gives leads an Open beside Take', () => {
    const props = show({ queue: { waiting: WAITING.slice(0, 1), mine: [], tickets: [queueItem({ id: 'ticket-1', candidateName: 'Dora Night', status: 'ticket', phase: 'after' })] }, onLookIn: vi.fn() });
    const tickets = screen.getByRole('region', { name: /Tickets/ });
    fireEvent.click(within(tickets).getByRole('button', { name: 'Take the conversation with Dora Night' }));
    expect(props.onTake).toHaveBeenCalledWith('ticket-1');
    fireEvent.click(screen.getByRole('button', { name: 'Open the conversation with Ana García without taking it' }));
    expect(props.onLookIn).toHaveBeenCalledWith('conv-during');
    cleanup();
    show();
    expect(screen.queryByRole('region', { name: /Tickets/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /without taking it/ })).toBeNull();
  });

  it('speaks Spanish', () => {
    show({ strings: stringsFor('es'), locale: 'es' });
    expect(screen.getByRole('button', { name: /Atender siguiente/ })).toBeTruthy();
    expect(within(rows()[0]!).getByText('Durante el examen')).toBeTruthy();
    expect(within(rows()[0]!).getByText(/^3 min de espera/)).toBeTruthy();
  });
});
