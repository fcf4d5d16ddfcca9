/**
 * @module @lifeline/widget: `createLifeline(config)` for apps that bundle their own code, and the
 * `<lifeline-support>` custom element (defined on import). Script-tag pages use the loader instead.
 */
import { defineLifelineSupport } from './element/index.ts';
import { sessionStorageOrUndefined } from './session/index.ts';
import { HOST_TAG, LAUNCHER_CSS } from './ui/launcher-style.ts';
import { LifelineWidget, type LifelineApi } from './widget.ts';

export { defineLifelineSupport, ELEMENT_TAG, LifelineSupportElement } from './element/index.ts';
export { LIFELINE_EVENTS, type LifelineApi, type LifelineEvent, type Listener } from './widget.ts';
export type { HostContext, SessionContext, WidgetConfig } from '@lifeline/protocol';

export interface CreateOptions {
  /** Where the widget's host element goes; `document.body` by default. */
  container?: HTMLElement;
  fetch?: typeof fetch;
  storage?: Storage;
}

/** Creates a widget and initializes it; a bad config is reported through `error`, never thrown. */
export function createLifeline(config: unknown, options: CreateOptions = {}): LifelineApi {
  const host = document.createElement(HOST_TAG);
  (options.container ?? document.body).append(host);
  const widget = new LifelineWidget({ host, launcherCss: LAUNCHER_CSS, storage: options.storage ?? sessionStorageOrUndefined(), ...(options.fetch ? { fetch: options.fetch } : {}) });
  const destroy = widget.destroy;
  widget.destroy = () => {
    destroy();
    host.remove();
  };
  widget.init(config);
  return widget;
}

defineLifelineSupport();
