import type { HostContext } from '@lifeline/protocol';
import { describe, expect, it } from 'vitest';
import '../test-support.ts';
import { contextValue, fillText, safeUrl, type Fallback } from './placeholders.ts';

/** Fallbacks as a compiled locale file carries them (kb.config.yaml `placeholders`). */
const fallbackFrom = (fallbacks: Record<string, string>): Fallback => (name) => fallbacks[name] ?? '';
const english = async () => fallbackFrom({ 'support.phone': 'the support phone number', 'support.hours': 'the hours shown on the support page', 'exam.name': 'your exam' });
const spanish = async () => fallbackFrom({ 'support.phone': 'teléfono de soporte', 'support.hours': 'el horario indicado en la página de soporte', 'exam.name': 'su examen' });

describe('fillText', () => {
  it('fills placeholders from the context, strings and numbers alike', async () => {
    const context: HostContext = { exam: { name: 'Biology 101' }, policy: { rescheduleHours: 48 } };
    expect(fillText('Reschedule {{exam.name}} up to {{ policy.rescheduleHours }} hours before.', context, await english())).toBe(
      'Reschedule Biology 101 up to 48 hours before.',
    );
  });

  it("puts the knowledge base's fallback where a value is missing, never a raw {{", async () => {
    const text = 'Call {{support.phone}} during {{support.hours}} about {{exam.name}}.';
    expect(fillText(text, {}, await english())).toBe('Call the support phone number during the hours shown on the support page about your exam.');
    expect(fillText('Llame al {{support.phone}} en {{support.hours}}.', {}, await spanish())).toBe('Llame al teléfono de soporte en el horario indicado en la página de soporte.');
  });

  it('returns plain text: a value stays as typed, for the UI to escape', async () => {
    expect(fillText('Hello {{candidate.name}}', { candidate: { name: '<script>alert(1)</script>' } }, await english())).toBe('Hello <script>alert(1)</script>');
  });

  it('leaves text without placeholders alone', async () => {
    expect(fillText('No {braces} here {{', {}, await english())).toBe('No {braces} here {{');
  });
});

describe('contextValue', () => {
  it('reads group.key, and nothing deeper or shallower', () => {
    const context = { exam: { name: 'Biology 101', minutes: 90 }, phase: 'during' } as HostContext;
    expect(contextValue(context, 'exam.name')).toBe('Biology 101');
    expect(contextValue(context, 'exam.minutes')).toBe('90');
    expect(contextValue(context, 'exam')).toBeUndefined();
    expect(contextValue(context, 'exam.name.first')).toBeUndefined();
    expect(contextValue(context, 'phase.x')).toBeUndefined();
    expect(contextValue(context, 'exam.missing')).toBeUndefined();
  });
});

describe('safeUrl', () => {
  it('keeps http(s) addresses', () => {
    expect(safeUrl('https://exams.example.com/bookings')).toBe('https://exams.example.com/bookings');
    expect(safeUrl('http://exams.example.com/')).toBe('http://exams.example.com/');
  });

  it('drops every other scheme and nonsense', () => {
    for (const value of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'mailto:help@example.com', 'https://', '', undefined]) {
      expect(safeUrl(value), String(value)).toBeUndefined();
    }
  });
});
