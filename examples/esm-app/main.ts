/** @module The ES-module example: an app bundled by vite that uses <lifeline-support> from @lifeline/widget. */
import { type LifelineSupportElement } from '@lifeline/widget';

const element = document.querySelector<LifelineSupportElement>('lifeline-support');
const lastAnswer = document.querySelector<HTMLElement>('[data-last-answer]');

element?.lifeline?.setContext({ exam: { name: 'Biology 101', start: '09:00' }, links: { systemCheck: 'https://exams.example.com/system-check' } });

// Every widget event is also a DOM event on the element: lifeline-<event>.
element?.addEventListener('lifeline-answer', (event) => {
  const detail = (event as CustomEvent<{ articleId?: string; decision: string }>).detail;
  if (lastAnswer) lastAnswer.textContent = `Last answer: ${detail.articleId ?? 'none'} (${detail.decision})`;
});

document.querySelector<HTMLButtonElement>('[data-ask]')?.addEventListener('click', (event) => {
  element?.lifeline?.ask((event.currentTarget as HTMLButtonElement).dataset.ask ?? '');
});

const toggle = document.querySelector<HTMLButtonElement>('[data-locale-toggle]');
toggle?.addEventListener('click', () => {
  const spanish = element?.getAttribute('locale') !== 'es';
  element?.setAttribute('locale', spanish ? 'es' : 'en');
  toggle.textContent = spanish ? 'English' : 'Español';
});
