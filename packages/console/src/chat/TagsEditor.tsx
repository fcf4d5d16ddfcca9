/** @module A conversation's topic tags: typed as a list, suggested from the KB topics of the articles involved, saved with PUT /tags. */
import { useEffect, useState } from 'preact/hooks';
import { format, type Strings } from '../i18n/index.ts';

/** The gateway's rule for a tag (ConversationTags in @lifeline/protocol). */
const TAG = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** "Camera, exam day" → ['camera', 'exam-day']; what cannot be a tag is returned apart. */
export function parseTags(text: string): { tags: string[]; rejected: string[] } {
  const words = text
    .split(',')
    .map((word) => word.trim().toLowerCase().replace(/\s+/g, '-'))
    .filter(Boolean);
  return { tags: [...new Set(words.filter((word) => TAG.test(word)))], rejected: words.filter((word) => !TAG.test(word)) };
}

export function TagsEditor({ strings, chatId, tags, suggestions, onSave }: { strings: Strings; chatId: string; tags: string[]; suggestions: string[]; onSave(tags: string[]): void }) {
  const [text, setText] = useState(tags.join(', '));
  const [rejected, setRejected] = useState<string[]>([]);
  useEffect(() => setText(tags.join(', ')), [tags.join(',')]);
  const fieldId = `tags-${chatId}`;
  const save = (value: string) => {
    const parsed = parseTags(value);
    setRejected(parsed.rejected);
    setText(parsed.tags.join(', '));
    onSave(parsed.tags);
  };
  const offered = suggestions.filter((tag) => !tags.includes(tag));
  return (
    <form
      class="tags"
      onSubmit={(event) => {
        event.preventDefault();
        save(text);
      }}
    >
      <label for={fieldId}>{strings.tags}</label>
      <input id={fieldId} value={text} onInput={(event) => setText(event.currentTarget.value)} />
      <button type="submit">{strings.tagsSave}</button>
      {offered.length > 0 && (
        <span class="suggested">
          <span class="muted">{strings.tagsSuggested}</span>
          {offered.map((tag) => (
            <button key={tag} type="button" class="chip" aria-label={format(strings.tagsAdd, { tag })} onClick={() => save([...tags, tag].join(', '))}>
              + {tag}
            </button>
          ))}
        </span>
      )}
      {rejected.length > 0 && (
        <p class="warning" role="alert">
          {format(strings.tagsInvalid, { tags: rejected.join(', ') })}
        </p>
      )}
    </form>
  );
}
