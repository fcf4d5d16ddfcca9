// @vitest-environment jsdom
import { waitFor } from '@testing-library/preact';
import type { LifelineError } from '@lifeline/protocol';
import { describe, expect, it } from 'vitest';
import { expectConsole } from '../test-support.ts';
import { mountWidget } from '../test-widget.ts';
import { configFromAttributes } from '../attributes/index.ts';
import { describeInvalid, validateConfig } from './index.ts';

/** Inits a widget with a bad config and waits for the errors, which come from a lazy chunk. */
async function initErrors(config: unknown): Promise<LifelineError[]> {
  const mounted = mountWidget();
  let returned: boolean | undefined;
  expect(() => (returned = mounted.widget.init(config))).not.toThrow();
  expect(returned).toBe(false);
  await waitFor(() => expect(mounted.details('error').length).toBeGreaterThan(0));
  return mounted.details<LifelineError>('error');
}

const BAD_CONFIGS: { name: string; config: unknown; field: string }[] = [
  { name: 'kbUrl missing', config: {}, field: 'kbUrl' },
  { name: 'kbUrl empty', config: { kbUrl: '' }, field: 'kbUrl' },
  { name: 'theme.primary not a hex color', config: { kbUrl: '/kb/', theme: { primary: 'blue' } }, field: 'theme.primary' },
  { name: 'an unknown key', config: { kbUrl: '/kb/', kbURL: '/kb/' }, field: 'kbURL' },
  { name: 'locale not a string', config: { kbUrl: '/kb/', locale: 5 }, field: 'locale' },
  { name: 'context.phase not a phase', config: { kbUrl: '/kb/', context: { phase: 'soon' } }, field: 'context.phase' },
  { name: 'an unknown key in theme', config: { kbUrl: '/kb/', theme: { colour: '#000000' } }, field: 'theme.colour' },
  { name: 'theme.zIndex not a whole number', config: { kbUrl: '/kb/', theme: { zIndex: 1.5 } }, field: 'theme.zIndex' },
  { name: 'checks not an object', config: { kbUrl: '/kb/', checks: 5 }, field: 'checks' },
  { name: 'a config that is not an object', config: '/kb/', field: 'config' },
  { name: 'a config that is a list', config: [{ kbUrl: '/kb/' }], field: 'config' },
  { name: 'no config at all', config: undefined, field: 'config' },
];

describe('init with a bad config', () => {
  it.each(BAD_CONFIGS)('reports $name as config.invalid, naming $field with an example', async ({ config, field }) => {
    expectConsole();
    const errors = await initErrors(config);
    expect(errors.map((e) => e.code)).toEqual(errors.map(() => 'config.invalid'));
    expect(errors.some((e) => e.message.includes(field))).toBe(true);
    for (const error of errors) {
      expect(error.name).toBe('LifelineError');
      expect(error.message).toContain('for example');
    }
  });

  it('reports each mistake of a config once', async () => {
    expectConsole();
    const errors = await initErrors({ theme: { primary: 'blue' }, locale: 5 });
    expect(errors).toHaveLength(3);
    expect(errors.map((e) => e.message.split(' ')[0]).sort()).toEqual(['kbUrl', 'locale', 'theme.primary']);
  });

  it('says what the value was and what it should be', async () => {
    expectConsole();
    const [error] = await initErrors({ kbUrl: '/kb/', context: { phase: 'soon' } });
    expect(error?.message).toContain('"soon"');
    expect(error?.message).toContain('"before"');
  });

  it('writes "an object", not "a object"', async () => {
    expectConsole();
    const [error] = await initErrors({ kbUrl: '/kb/', checks: 5 });
    expect(error?.message).toContain('checks must be an object, got number 5');
  });

  it('points a misspelled key at the right one', async () => {
    expectConsole();
    const errors = await initErrors({ kbURL: '/kb/' });
    const unknown = errors.find((e) => e.message.startsWith('kbURL'));
    // The example is the right key with a right value.
    expect(unknown?.message).toMatch(/for example kbUrl: "\/kb\/"/);
  });

  it('logs each error once with console.error, however often init is called', async () => {
    const console = expectConsole();
    const mounted = mountWidget();
    mounted.widget.init({ kbUrl: '/kb/', theme: { primary: 'blue' } });
    mounted.widget.init({ kbUrl: '/kb/', theme: { primary: 'blue' } });
    await waitFor(() => expect(mounted.details('error')).toHaveLength(2));
    expect(console).toHaveBeenCalledTimes(1);
    expect(String(console.mock.calls[0]![0])).toMatch(/^\[Lifeline\] config\.invalid: theme\.primary/);
  });

  it('does not render or load anything after a bad config', async () => {
    expectConsole();
    const mounted = mountWidget();
    mounted.widget.init({ theme: { primary: 'blue' } });
    await waitFor(() => expect(mounted.details('error').length).toBeGreaterThan(0));
    expect(mounted.shadow.querySelector('.root')).toBeNull();
    expect(mounted.details('ready')).toEqual([]);
  });
});

describe('validateConfig', () => {
  it('accepts a full config', () => {
    const result = validateConfig({
      kbUrl: '/kb/',
      locale: 'es',
      context: { phase: 'during', exam: { name: 'Biology 101', durationMinutes: 90 }, links: { support: 'https://help.example.com' } },
      theme: { primary: '#0b57d0', side: 'left', zIndex: 10, mode: 'dark' },
      persist: false,
      open: true,
      quickReplies: ['exam-frozen'],
    });
    expect(result.ok).toBe(true);
  });

  it('describes issues lazily, with the code it was given', async () => {
    const result = validateConfig({ kbUrl: 1 });
    if (result.ok) throw new Error('expected an invalid config');
    expect(result.code).toBe('config.invalid');
    const errors = await describeInvalid(result);
    expect(errors.map((e) => [e.code, e.message.split(' ')[0]])).toEqual([['config.invalid', 'kbUrl']]);
  });
});

describe('configFromAttributes', () => {
  it('maps data-* attributes to a config', () => {
    expect(
      configFromAttributes({
        kbUrl: '/kb/',
        chatUrl: 'https://gateway.example.com',
        locale: 'es',
        phase: 'during',
        examName: 'Biology 101',
        linkSupport: 'https://help.example.com/support',
        supportHours: '9–17',
        primary: '#0b57d0',
        side: 'left',
        theme: 'dark',
        zIndex: '1000',
        open: '',
        persist: 'false',
      }),
    ).toEqual({
      kbUrl: '/kb/',
      chat: { url: 'https://gateway.example.com' },
      locale: 'es',
      open: true,
      persist: false,
      theme: { primary: '#0b57d0', side: 'left', mode: 'dark', zIndex: 1000 },
      context: {
        phase: 'during',
        exam: { name: 'Biology 101' },
        links: { support: 'https://help.example.com/support' },
        support: { hours: '9–17' },
      },
    });
  });

  it('turns open="true" and open="" into true, and keeps other values for validation to report', () => {
    expect(configFromAttributes({ open: 'true' })).toEqual({ open: true });
    expect(configFromAttributes({ open: '' })).toEqual({ open: true });
    expect(configFromAttributes({ open: 'yes' })).toEqual({ open: 'yes' });
    expect(configFromAttributes({ zIndex: 'high' })).toEqual({ theme: { zIndex: 'high' } });
  });

  it('ignores unknown and undefined attributes', () => {
    expect(configFromAttributes({ bundle: 'x.js', something: 'else', kbUrl: undefined })).toEqual({});
  });

  it('gives a config the widget accepts', () => {
    expect(validateConfig(configFromAttributes({ kbUrl: '/kb/', zIndex: '5', open: '', examName: 'Biology 101' })).ok).toBe(true);
  });

  it('gives a config the widget reports when a value is wrong', async () => {
    expectConsole();
    const errors = await initErrors(configFromAttributes({ kbUrl: '/kb/', zIndex: 'high' }));
    expect(errors.map((e) => [e.code, e.message.split(' ')[0]])).toEqual([['config.invalid', 'theme.zIndex']]);
  });
});
