// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../widget/src/test-support.ts';
import { stringsFor } from '../i18n/index.ts';
import { parseTags, TagsEditor } from './TagsEditor.tsx';

afterEach(cleanup);

describe('parseTags', () => {
  it('lower-cases, joins words with "-", drops repeats, and sets apart what cannot be a tag', () => {
    expect(parseTags(' Camera, exam day ,camera,, -bad, ok-2 ')).toEqual({ tags: ['camera', 'exam-day', 'ok-2'], rejected: ['-bad'] });
  });
});

describe('TagsEditor', () => {
  it('saves the typed tags, offers the articles’ topics it does not have yet, and says what it left out', () => {
    const onSave = vi.fn<(tags: string[]) => void>();
    render(<TagsEditor strings={stringsFor('en')} chatId="c1" tags={['technical']} suggestions={['technical', 'check-in']} onSave={onSave} />);
    expect(screen.queryByRole('button', { name: 'Add the tag technical' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add the tag check-in' }));
    expect(onSave).toHaveBeenLastCalledWith(['technical', 'check-in']);
    fireEvent.input(screen.getByLabelText('Tags'), { target: { value: 'technical, Camera Black, ¡no!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save tags' }));
    expect(onSave).toHaveBeenLastCalledWith(['technical', 'camera-black']);
    expect(screen.getByRole('alert').textContent).toContain('¡no!');
  });
});
