/** @module The checks view's words, one lazy chunk per language (the widget's own words stay in its language chunk). */
import type { CheckId, CheckReason, CheckStatus } from '@lifeline/protocol';
import type { UiLocale } from '../../i18n/index.ts';

/** A check in the list: its result's status, or running, or waiting for its turn. */
export type ItemStatus = CheckStatus | 'running' | 'pending';

export interface ChecksStrings {
  title: string;
  intro: string;
  start: string;
  progress: string;
  stopped: string;
  done: string;
  allPassed: string;
  /** What needs attention, by name: `{names}` is the list of check names. */
  someFailed: string;
  reference: string;
  referenceHint: string;
  runAgain: string;
  runAllAgain: string;
  howToFix: string;
  stop: string;
  /** A finished check's status, or where an unfinished one stands. */
  status: Record<ItemStatus, string>;
  names: Record<CheckId, string>;
  preview: string;
  speak: string;
  level: string;
  heardQuestion: string;
  heardYes: string;
  heardNo: string;
  playAgain: string;
  output: string;
  sharePrompt: string;
  shareButton: string;
  idPrompt: string;
  takePhoto: string;
  figures: {
    resolution: string;
    frameRate: string;
    network: string;
    /** The microphone listened to: `{device}`. */
    input: string;
    sharpness: string;
    screens: { one: string; more: string };
    surface: Record<'monitor' | 'window' | 'browser' | 'unknown', string>;
  };
  /** Every reason a check can give: what was found and the fix, in one or two plain sentences. */
  reasons: Record<CheckReason, string>;
}

export async function loadChecksStrings(locale: UiLocale): Promise<ChecksStrings> {
  return locale === 'es' ? (await import('./es.ts')).checksStrings : (await import('./en.ts')).checksStrings;
}
