/**
 * @module Where the agent writes: Enter sends, Shift+Enter adds a line (and Enter while an input
 * method is composing does neither), a switch for private notes, and no sending of an article's
 * unfilled `{{placeholder}}` to a candidate.
 */
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { unfilledPlaceholders } from '../kb/index.ts';
import { format, type Strings } from '../i18n/index.ts';
import { shortcutLabel } from '../shortcuts/index.ts';

export interface ReplyBoxProps {
  strings: Strings;
  chatId: string;
  candidateName: string;
  text: string;
  isPrivate: boolean;
  disabled: boolean;
  onText(text: string): void;
  onPrivate(isPrivate: boolean): void;
  /** The trimmed text; the box empties itself through `onText('')`. */
  onSend(text: string, isPrivate: boolean): void;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

export function ReplyBox({ strings, chatId, candidateName, text, isPrivate, disabled, onText, onPrivate, onSend, textareaRef }: ReplyBoxProps) {
  const [blocked, setBlocked] = useState<string[]>([]);
  const fieldId = `reply-${chatId}`;
  const hintId = `reply-hint-${chatId}`;
  const warningId = `reply-warning-${chatId}`;

  const submit = () => {
    const message = text.trim();
    if (!message || disabled) return;
    const left = unfilledPlaceholders(message);
    setBlocked(left);
    if (left.length) return;
    onSend(message, isPrivate);
    onText('');
  };

  return (
    <form
      class={isPrivate ? 'reply private' : 'reply'}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label for={fieldId}>{format(isPrivate ? strings.noteLabel : strings.replyLabel, { name: candidateName })}</label>
      <textarea
        id={fieldId}
        ref={textareaRef}
        rows={3}
        value={text}
        disabled={disabled}
        aria-describedby={blocked.length ? `${hintId} ${warningId}` : hintId}
        aria-keyshortcuts="Alt+R"
        onInput={(event) => {
          onText(event.currentTarget.value);
          if (blocked.length) setBlocked([]);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
          event.preventDefault();
          submit();
        }}
      />
      {blocked.length > 0 && (
        <p id={warningId} class="warning" role="alert">
          {format(strings.placeholdersLeft, { names: blocked.map((name) => `{{${name}}}`).join(', ') })}
        </p>
      )}
      <div class="reply-row">
        <label class="switch">
          <input type="checkbox" checked={isPrivate} disabled={disabled} aria-keyshortcuts="Alt+P" onChange={(event) => onPrivate(event.currentTarget.checked)} />
          {strings.privateToggle} <kbd>{shortcutLabel('private')}</kbd>
        </label>
        <span id={hintId} class="muted hint">
          {strings.replyHint}
        </span>
        <button type="submit" class="primary" disabled={disabled || !text.trim()}>
          {isPrivate ? strings.addNote : strings.send}
        </button>
      </div>
    </form>
  );
}
