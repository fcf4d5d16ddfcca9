/**
 * @module The checks view: progress, what the candidate must do now (the tone, the screen picker, the
 * ID photo, a live preview or level), then each check's result in plain words with its fix and "run again".
 * @jsxRuntime classic
 * @jsx h
 * @jsxFrag Fragment
 */
import { Fragment, h } from 'preact';
import type { CheckId, CheckResult } from '@lifeline/protocol';
import type { CandidateStep, SpeakerControl } from '@lifeline/checks';
import { format, type UiStrings } from '../i18n/index.ts';
import { figuresLine } from './figures.ts';
import type { ChecksStrings, ItemStatus } from './i18n/index.ts';

export type Prompt = { kind: 'speaker'; control: SpeakerControl; answer(heard: boolean): void } | { kind: 'candidate'; step: CandidateStep; go(): void };

/** What the view reads from the flow, and what its buttons ask the flow to do. */
export interface ChecksModel {
  readonly order: readonly CheckId[];
  readonly results: ReadonlyMap<CheckId, CheckResult>;
  readonly current: CheckId | undefined;
  readonly index: number;
  readonly total: number;
  readonly prompt: Prompt | undefined;
  readonly preview: HTMLVideoElement | undefined;
  /** The microphone level, 0..1. */
  readonly level: number;
  readonly waitingToStart: boolean;
  readonly stopped: boolean;
  /** The reference code of the last finished run's report. */
  readonly code: string | undefined;
  readonly locale: string;
  begin(): void;
  rerun(check?: CheckId): void;
  stop(): void;
  articleTitle(id: string): string | undefined;
  read(articleId: string): void;
  leave(): void;
  escalate(): void;
}

interface Props {
  flow: ChecksModel;
  strings: ChecksStrings;
  ui: UiStrings;
}

/** Shape and word as well as color, so the status never depends on color alone. */
const MARKS: Record<ItemStatus, string> = { pass: '✓', warn: '!', fail: '✕', skipped: '–', running: '…', pending: '' };

/** When the run is done, the list reads worst first: what failed, then warnings, what was not checked, what passed. */
const ORDER: ItemStatus[] = ['fail', 'warn', 'skipped', 'pass'];

export function ChecksView({ flow, strings, ui }: Props) {
  const running = flow.current !== undefined;
  const finished = [...flow.results.values()];
  const done = !running && !flow.waitingToStart && finished.length > 0;
  const rank = (check: CheckId) => ORDER.indexOf(flow.results.get(check)?.status ?? 'pass');
  // Array.prototype.sort is stable: within a status, the run's order stays.
  const order = done ? [...flow.order].sort((a, b) => rank(a) - rank(b)) : flow.order;
  const attention = order.filter((check) => rank(check) < 2).map((check) => strings.names[check]);
  const status = running
    ? format(strings.progress, { n: String(flow.index + 1), total: String(flow.total), name: strings.names[flow.current!] })
    : done
      ? `${flow.stopped ? `${strings.stopped} ` : ''}${format(strings.done, { passed: String(finished.filter((r) => r.status === 'pass').length), total: String(finished.length) })}`
      : '';
  return (
    <section class="checks" aria-labelledby="lifeline-checks-title">
      <button type="button" class="chip back" onClick={flow.leave}>
        <span aria-hidden="true">{'‹ '}</span>
        {ui.back}
      </button>
      <h3 id="lifeline-checks-title" tabIndex={-1}>
        {strings.title}
      </h3>
      {flow.waitingToStart && (
        <>
          <p>{strings.intro}</p>
          <button type="button" class="btn" onClick={flow.begin}>
            {strings.start}
          </button>
        </>
      )}
      <p class="status" role="status">
        {status}
      </p>
      {running && (
        <>
          <progress max={flow.total} value={flow.index} aria-label={status} />
          <Live flow={flow} strings={strings} />
          <div class="row">
            <button type="button" class="chip" onClick={flow.stop}>
              {strings.stop}
            </button>
          </div>
        </>
      )}
      {done && (
        // First, and focused: what needs attention by name, with the failed items and their fixes right under it.
        <p class="summary" tabIndex={-1}>
          {attention.length ? format(strings.someFailed, { names: new Intl.ListFormat(flow.locale).format(attention) }) : strings.allPassed}
        </p>
      )}
      <ul class="check-list">
        {order.map((check) => (
          <Item key={check} check={check} flow={flow} strings={strings} />
        ))}
      </ul>
      {done && (
        <div class="reference">
          {flow.code && (
            <>
              <p>
                {strings.reference}: <strong class="code">{flow.code}</strong>
              </p>
              <p class="figures">{strings.referenceHint}</p>
            </>
          )}
          <div class="row">
            <button type="button" class="btn" onClick={() => flow.rerun()}>
              {strings.runAllAgain}
            </button>
            {attention.length > 0 && (
              <button type="button" class="chip" onClick={flow.escalate}>
                {ui.talkToPerson}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

/** What the running check shows or asks: the camera picture, the microphone meter, a question with its buttons. */
function Live({ flow, strings }: { flow: ChecksModel; strings: ChecksStrings }) {
  const { prompt, preview } = flow;
  // The first button is the one to press; the others are alternatives.
  const [question, buttons = []]: [string, [string, () => void][]] | [] =
    prompt?.kind === 'speaker'
      ? [
          strings.heardQuestion,
          [
            [strings.heardYes, () => prompt.answer(true)],
            [strings.heardNo, () => prompt.answer(false)],
            [strings.playAgain, prompt.control.replay],
          ],
        ]
      : prompt
        ? prompt.step === 'screen-share'
          ? [strings.sharePrompt, [[strings.shareButton, prompt.go]]]
          : [strings.idPrompt, [[strings.takePhoto, prompt.go]]]
        : [];
  const outputs = prompt?.kind === 'speaker' ? prompt.control : undefined;
  const percent = Math.round(flow.level * 100);
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
      {flow.current === 'microphone' && (
        <div class="prompt">
          <p>{strings.speak}</p>
          <div class="meter" role="meter" aria-label={strings.level} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <span style={{ width: `${percent}%` }} />
          </div>
        </div>
      )}
      {question && (
        <div class="prompt" role="group" aria-label={question}>
          <p>{question}</p>
          <div class="row">
            {buttons.map(([label, press], i) => (
              <button key={label} type="button" class={i ? 'chip' : 'btn'} onClick={press}>
                {label}
              </button>
            ))}
          </div>
          {outputs && outputs.outputs.length > 1 && (
            <div class="row">
              <label for="lifeline-output">{strings.output}</label>
              <select id="lifeline-output" onChange={(event) => void outputs.chooseOutput((event.target as HTMLSelectElement).value)}>
                {outputs.outputs.map((output) => (
                  <option key={output.id} value={output.id}>
                    {output.label}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      )}
    </>
  );
}

function Item({ check, flow, strings }: { check: CheckId; flow: ChecksModel; strings: ChecksStrings }) {
  const name = strings.names[check];
  const result = flow.results.get(check);
  const status: ItemStatus = result?.status ?? (flow.current === check ? 'running' : 'pending');
  const figures = result && figuresLine(result, strings, flow.locale);
  const article = result?.article;
  const title = article && flow.articleTitle(article);
  return (
    <li class={`check ${status}`} data-check={check} data-status={status} data-reason={result?.reason}>
      <span class="mark" aria-hidden="true">
        {MARKS[status]}
      </span>
      <div>
        <p>
          <span class="check-name">{name}</span>: {strings.status[status]}
        </p>
        {result && <p>{strings.reasons[result.reason] ?? result.reason}</p>}
        {figures && <p class="figures">{figures}</p>}
        {result && status !== 'pass' && !flow.current && (
          <div class="row">
            {title && status !== 'skipped' && (
              <button type="button" class="chip" onClick={() => flow.read(article)}>
                {strings.howToFix}
                <span class="sr">: {title}</span>
              </button>
            )}
            <button type="button" class="chip" onClick={() => flow.rerun(check)}>
              {strings.runAgain}
              <span class="sr">: {name}</span>
            </button>
          </div>
        )}
      </div>
    </li>
  );
}
