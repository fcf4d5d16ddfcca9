/**
 * @module Where the candidate types a question. Uncontrolled: the form is read on submit, so no hooks ship.
 * @jsxRuntime classic
 * @jsx h
 * @jsxFrag Fragment
 */
import { Fragment, h } from 'preact';
import type { UiStrings } from '../i18n/index.ts';

/** Questions longer than this are cut: nobody types more into a help box, and the search stays fast. */
export const MAX_QUESTION_CHARS = 500;

export function Composer({ strings, hint, onAsk }: { strings: UiStrings; hint: boolean; onAsk: (question: string) => void }) {
  return (
    <>
      {hint && (
        <p class="hint" role="status">
          {strings.empty}
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
        <input id="lifeline-question" name="question" type="text" autoComplete="off" maxLength={MAX_QUESTION_CHARS} placeholder={strings.inputPlaceholder} />
        <button type="submit" class="btn">
          {strings.send}
        </button>
      </form>
    </>
  );
}
