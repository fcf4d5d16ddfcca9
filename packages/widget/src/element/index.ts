/**
 * @module `<lifeline-support kb-url="/kb/" locale="es" phase="before">`: the widget as a custom
 * element. Its API is on `.lifeline`; every event is also dispatched as a DOM `lifeline-<event>`.
 */
import { LAUNCHER_CSS } from '../ui/launcher-style.ts';
import { configFromAttributes } from '../attributes/index.ts';
import { sessionStorageOrUndefined } from '../session/index.ts';
import { LIFELINE_EVENTS, LifelineWidget, type LifelineApi } from '../widget.ts';

export const ELEMENT_TAG = 'lifeline-support';

export class LifelineSupportElement extends HTMLElement {
  static observedAttributes = ['locale', 'phase'];
  /** Extra config a script sets before the element connects (context, theme, quickReplies...). */
  config: Record<string, unknown> = {};
  private widget: LifelineWidget | undefined;

  get lifeline(): LifelineApi | undefined {
    return this.widget;
  }

  connectedCallback(): void {
    if (this.widget) return;
    const widget = new LifelineWidget({ host: this, launcherCss: LAUNCHER_CSS, storage: sessionStorageOrUndefined() });
    this.widget = widget;
    for (const event of LIFELINE_EVENTS) {
      widget.on(event, (detail) => this.dispatchEvent(new CustomEvent(`lifeline-${event}`, { detail })));
    }
    widget.init({ ...configFromAttributes(this.attributeConfig()), ...this.config });
  }

  disconnectedCallback(): void {
    this.widget?.destroy();
    this.widget = undefined;
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (!this.widget || previous === value || value === null) return;
    if (name === 'locale') this.widget.setLocale(value);
    if (name === 'phase') this.widget.setContext({ phase: value });
  }

  /** `kb-url` and `data-kb-url` both read as `kbUrl`. */
  private attributeConfig(): Record<string, string> {
    const values: Record<string, string> = {};
    for (const { name, value } of Array.from(this.attributes)) {
      const bare = name.startsWith('data-') ? name.slice(5) : name;
      values[bare.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())] = value;
    }
    return values;
  }
}

export function defineLifelineSupport(registry: CustomElementRegistry | undefined = globalThis.customElements): void {
  if (registry && !registry.get(ELEMENT_TAG)) registry.define(ELEMENT_TAG, LifelineSupportElement);
}
