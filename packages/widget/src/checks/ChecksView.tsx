/**
 * @module The checks view: progress, what the candidate must do now (the tone, the screen picker, the
 * ID photo, a live preview or level), then each check's result in plain words with its fix and "run again".
 */
import type { CheckId, CheckResult, CheckStatus } from '@lifeline/protocol';
import type { CandidateStep, SpeakerControl } from '@lifeline/checks';
import { format, type UiStrings } from '../i18n/index.ts';
import { figuresLine } from './figures.ts';
import type { ChecksStrings } from './i18n/index.ts';

export interface ChecksState {
  order: CheckId[];
  results: ReadonlyMap<CheckId, CheckResult>;
  current: CheckId | undefined;
  index: number;
  total: number;
  prompt: { kind: 'speaker'; control: SpeakerControl; answer(heard: boolean): void } | { kind: 'candidate'; step: CandidateStep; go(): void } | undefined;
  preview: HTMLVideoElement | undefined;
  level: number;
  waitingToStart: boolean;
  stopped: boolean;
  /** The reference code of the last finished run's report. */
  code: string | undefined;
  locale: string;
}

export interface ChecksActions {
  start(): void;
  rerun(check: CheckId): void;
  rerunAll(): void;
  stop(): void;
  read(articleId: string): void;
  leave(): void;
  escalate(): void;
}

interface Props {
  state: ChecksState;
  strings: ChecksStrings;
  ui: UiStrings;
  articleTitle(id: string): string | undefined;
  actions: ChecksActions;
}

/** Shape and word as well as color, so the status never depends on color alone. */
const MARKS: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✕', skipped: '–' };

export function ChecksView({ state, strings, ui, articleTitle, actions }: Props) {
  const running = state.current !== undefined;
  const finished = [...state.results.values()];
  const done = !running && !state.waitingToStart && finished.length > 0;
  const passed = finished.filter((r) => r.status === 'pass').length;
  const needsAttention = finished.some((r) => r.status === 'fail' || r.status === 'warn');
  const status = running
    ? format(strings.progress, { n: String(state.index + 1), total: String(state.total), name: strings.names[state.current!] })
    : done
      ? `${state.stopped ? `${strings.stopped} ` : ''}${format(strings.done, { passed: String(passed), total: String(finished.length) })}`
      : '';
  return (
    <section class="checks" aria-labelledby="lifeline-checks-title">
      <button type="button" class="chip back" onClick={actions.leave}>
        <span aria-hidden="true">{'‹ '}</span>
        {ui.back}
      </button>
      <h3 id="lifeline-checks-title" tabIndex={-1}>
        {strings.title}
      </h3>
      {state.waitingToStart && (
        <>
          <p>{strings.intro}</p>
          <button type="button" class="btn" onClick={actions.start}>
            {strings.start}
          </button>
        </>
      )}
      <p class="status" role="status">
        {status}
      </p>
      {running && (
        <>
          <progress max={state.total} value={state.index} aria-label={status} />
          <Live state={state} strings={strings} />
          <div class="row">
            <button type="button" class="chip" onClick={actions.stop}>
              {strings.stop}
            </button>
          </div>
        </>
      )}
      <ul class="check-list">
        {state.order.map((check) => (
          <Item key={check} check={check} result={state.results.get(check)} current={state.current === check} running={running} strings={strings} articleTitle={articleTitle} actions={actions} locale={state.locale} />
        ))}
      </ul>
      {done && (
        <div class="summary" tabIndex={-1}>
          <p>{needsAttention ? strings.someFailed : strings.allPassed}</p>
          <ReferenceCode code={state.code} strings={strings} />
          <div class="row">
            <button type="button" class="btn" onClick={actions.rerunAll}>
              {strings.runAllAgain}
            </button>
            {needsAttention && (
              <button type="button" class="chip" onClick={actions.escalate}>
                {ui.talkToPerson}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function ReferenceCode({ code, strings }: { code: string | undefined; strings: ChecksStrings }) {
  if (!code) return null;
  return (
    <>
      <p>
        {strings.reference}: <strong class="code">{code}</strong>
      </p>
      <p class="figures">{strings.referenceHint}</p>
    </>
  );
}

function Live({ state, strings }: { state: ChecksState; strings: ChecksStrings }) {
  const { prompt, preview } = state;
  return (
    <>
      {preview && (
        <div
          class="preview"
          role="img"
          aria-label={strings.preview}
          // The check owns the video element (it samples frames from it); the view only shows it.
          ref={(element) => {
            if (element && element.firstChild !== preview) element.replaceChildren(preview);
          }}
        />
      )}
      {state.current === 'microphone' && (
        <div class="prompt">
          <p>{strings.speak}</p>
          <div class="meter" role="meter" aria-label={strings.level} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(state.level * 100)}>
            <span style={{ width: `${Math.round(state.level * 100)}%` }} />
          </div>
        </div>
      )}
      {prompt?.kind === 'speaker' && <SpeakerPrompt control={prompt.control} answer={prompt.answer} strings={strings} />}
      {prompt?.kind === 'candidate' && (
        <div class="prompt">
          <p>{prompt.step === 'screen-share' ? strings.sharePrompt : strings.idPrompt}</p>
          <button type="button" class="btn" onClick={prompt.go}>
            {prompt.step === 'screen-share' ? strings.shareButton : strings.takePhoto}
          </button>
        </div>
      )}
    </>
  );
}

function SpeakerPrompt({ control, answer, strings }: { control: SpeakerControl; answer(heard: boolean): void; strings: ChecksStrings }) {
  return (
    <div class="prompt" role="group" aria-label={strings.heardQuestion}>
      <p>{strings.heardQuestion}</p>
      <div class="row">
        <button type="button" class="btn" onClick={() => answer(true)}>
          {strings.heardYes}
        </button>
        <button type="button" class="chip" onClick={() => answer(false)}>
          {strings.heardNo}
        </button>
        <button type="button" class="chip" onClick={control.replay}>
          {strings.playAgain}
        </button>
      </div>
      {control.outputs.length > 1 && (
        <div class="row">
          <label for="lifeline-output">{strings.output}</label>
          <select id="lifeline-output" onChange={(event) => void control.chooseOutput((event.target as HTMLSelectElement).value)}>
            {control.outputs.map((output) => (
              <option key={output.id} value={output.id}>
                {output.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}

interface ItemProps {
  check: CheckId;
  result: CheckResult | undefined;
  current: boolean;
  running: boolean;
  strings: ChecksStrings;
  articleTitle(id: string): string | undefined;
  actions: ChecksActions;
  locale: string;
}

function Item({ check, result, current, running, strings, articleTitle, actions, locale }: ItemProps) {
  const name = strings.names[check];
  if (!result) {
    return (
      <li class="check" data-check={check} data-status={current ? 'running' : 'pending'}>
        <span class="mark" aria-hidden="true">
          {current ? '…' : ''}
        </span>
        <p>
          <span class="check-name">{name}</span>: {current ? strings.running : strings.pending}
        </p>
      </li>
    );
  }
  const figures = figuresLine(result, strings, locale);
  const title = result.article ? articleTitle(result.article) : undefined;
  const needsFix = result.status !== 'pass';
  return (
    <li class={`check ${result.status}`} data-check={check} data-status={result.status} data-reason={result.reason}>
      <span class="mark" aria-hidden="true">
        {MARKS[result.status]}
      </span>
      <div>
        <p>
          <span class="check-name">{name}</span>: {strings.status[result.status]}
        </p>
        <p>{strings.reasons[result.reason] ?? result.reason}</p>
        {figures && <p class="figures">{figures}</p>}
        {needsFix && !running && (
          <div class="row">
            {result.article && title && result.status !== 'skipped' && (
              <button type="button" class="chip" onClick={() => actions.read(result.article!)}>
                {strings.howToFix}
                <span class="sr">: {title}</span>
              </button>
            )}
            <button type="button" class="chip" onClick={() => actions.rerun(check)}>
              {strings.runAgain}
              <span class="sr">: {name}</span>
            </button>
          </div>
        )}
      </div>
    </li>
  );
}
