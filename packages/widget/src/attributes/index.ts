/**
 * @module Reads a config from `data-*` attributes (script tag or `<lifeline-support>`), for setup without
 * JavaScript. A lazy chunk for the script tag: only pages that use the attributes download it.
 */

/**
 * `data-kb-url`, `data-chat-url`, `data-locale`, `data-phase`, `data-exam-name`, `data-primary`,
 * `data-side`, `data-z-index`, `data-top-bar`, `data-theme`, `data-open`, `data-persist`; `data-link-<name>` and
 * `data-support-<name>` fill placeholders. Values stay strings where the schema wants strings,
 * so a typo reaches validation and is reported, not silently dropped.
 */
export function configFromAttributes(attributes: Record<string, string | undefined>): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  const theme: Record<string, unknown> = {};
  const context: Record<string, Record<string, string> | string> = {};
  const put = (group: string, key: string, value: string) => {
    const target = (context[group] as Record<string, string> | undefined) ?? {};
    target[key] = value;
    context[group] = target;
  };
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    switch (name) {
      case 'kbUrl':
        config.kbUrl = value;
        break;
      case 'locale':
        config.locale = value;
        break;
      case 'chatUrl':
        // The token still comes from the page's own script (Lifeline('setToken', …)): it is per candidate.
        config.chat = { url: value };
        break;
      case 'open':
      case 'persist':
        config[name] = value === '' || value === 'true' ? true : value === 'false' ? false : value;
        break;
      case 'primary':
      case 'side':
        theme[name] = value;
        break;
      case 'theme':
        theme.mode = value;
        break;
      case 'zIndex':
      case 'topBar':
        theme[name] = /^\d+$/.test(value) ? Number(value) : value;
        break;
      case 'phase':
        context.phase = value;
        break;
      default: {
        const grouped = /^(exam|link|support|platform|candidate)([A-Z]\w*)$/.exec(name);
        if (grouped?.[1] && grouped[2]) {
          const group = grouped[1] === 'link' ? 'links' : grouped[1];
          put(group, grouped[2][0]!.toLowerCase() + grouped[2].slice(1), value);
        }
      }
    }
  }
  if (Object.keys(theme).length) config.theme = theme;
  if (Object.keys(context).length) config.context = context;
  return config;
}
