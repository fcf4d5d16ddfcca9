/**
 * @module Where the candidate types a question. Uncontrolled: the form is read on submit, so no hooks ship.
 * @jsxRuntime classic
 * @jsx h
 * @jsxFrag Fragment
 */
import { Fragment, h } from 'preact';
import type { UiStrings } from '../i18n/index.ts';

/** Questions longer than this are cut, and the candidate is told: the search stays fast, and a long paste's first lines say what it is about. */
export const MAX_QUESTION_CHARS = 500;

export function Composer({ strings, hint, onAsk }: { strings: UiStrings; hint: 'empty' | 'cut' | ''; onAsk: (question: string) => void }) {
  return (
    <>
      {hint && (
        <p class="hint" role="status">
          {strings[hint]}
        </p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const input = event.currentTarget.elements.namedItem('question') as HTMLInputElement | null;
          const question = input?.value ?? '';
          if (input && question.trim()) input.value = '';
          onAsk(question);
        }}
      >
        <label class="sr" for="lifeline-question">
          {strings.inputLabel}
        </label>
        <input id="lifeline-question" name="question" type="text" autoComplete="off" placeholder={strings.inputPlaceholder} />
        <button type="submit" class="btn">
          {strings.send}
        </button>
      </form>
    </>
  );
}
