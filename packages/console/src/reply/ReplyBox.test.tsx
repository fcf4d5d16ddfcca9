// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import '../../../widget/src/test-support.ts';
import { stringsFor } from '../i18n/index.ts';
import { ReplyBox } from './ReplyBox.tsx';

afterEach(cleanup);

/** The reply box as the chat holds it: the text and the private switch live outside it. */
function Harness({ onSend, initial = '' }: { onSend: Mock<(text: string, isPrivate: boolean) => void>; initial?: string }) {
  const [text, setText] = useState(initial);
  const [isPrivate, setPrivate] = useState(false);
  return <ReplyBox strings={stringsFor('en')} chatId="c1" candidateName="Ana" text={text} isPrivate={isPrivate} disabled={false} onText={setText} onPrivate={setPrivate} onSend={onSend} />;
}

function setup(initial = '') {
  const onSend = vi.fn<(text: string, isPrivate: boolean) => void>();
  render(<Harness onSend={onSend} initial={initial} />);
  const box = () => screen.getByRole('textbox') as HTMLTextAreaElement;
  const type = (text: string) => fireEvent.input(box(), { target: { value: text } });
  return { onSend, box, type };
}

describe('ReplyBox', () => {
  it('sends on Enter, trimmed, and empties itself', () => {
    const { onSend, box, type } = setup();
    type('  Open the privacy shutter, please.  ');
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('Open the privacy shutter, please.', false);
    expect(box().value).toBe('');
  });

  it('does not send on Shift+Enter: the browser adds the line', () => {
    const { onSend, box, type } = setup();
    type('first line');
    const event = new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true, cancelable: true });
    box().dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(onSend).not.toHaveBeenCalled();
    expect(box().value).toBe('first line');
  });

  it('does not send while an input method is composing, nor an empty reply', () => {
    const { onSend, box, type } = setup();
    type('にほん');
    fireEvent.keyDown(box(), { key: 'Enter', isComposing: true });
    type('   ');
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
  });

  it('sends a private note when the switch is on, and says so on the label and the button', () => {
    const { onSend, box, type } = setup();
    fireEvent.click(screen.getByRole('checkbox', { name: /Private note/ }));
    expect(screen.getByLabelText('Private note about Ana (only agents see it)')).toBe(box());
    type('driver issue?');
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(onSend).toHaveBeenCalledWith('driver issue?', true);
  });

  it('refuses to send an article’s unfilled placeholder and names it', () => {
    const { onSend, box, type } = setup('Write to {{support.email}} or call {{ support.phone }}.');
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Fill in {{support.email}}, {{support.phone}} before sending.');
    expect(box().value).toContain('{{support.email}}');
    type('Write to help@example.com.');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('Write to help@example.com.', false);
  });
});
