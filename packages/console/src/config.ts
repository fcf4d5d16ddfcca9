/**
 * @module The console's config: written by the gateway into index.html as
 * `<meta name="lifeline-console-config" content="{json}">` (consoleStatic), defaults otherwise.
 * A meta tag, not an inline script, so the page keeps `default-src 'self'`.
 */
import * as z from 'zod/mini';

export const CONFIG_META_NAME = 'lifeline-console-config';

export const ConsoleConfig = z.object({
  /** Where the compiled KB is served (manifest.json and the locale files), as the widget's `kbUrl`. */
  kbUrl: z._default(z.string().check(z.minLength(1)), '/kb/'),
  /**
   * A link to an article that the candidate can open, with `{id}` and `{locale}` filled in. Without
   * it, inserting an article inserts its title and summary only: the KB has no public page per article.
   */
  articleUrl: z.optional(z.string().check(z.includes('{id}'))),
  /**
   * The platform's values for the articles' placeholders (`links.support`, `support.phone`…), as the
   * host gives them to the widget. One the console lacks stays as `{{name}}` for the agent to fill in.
   */
  placeholders: z._default(z.record(z.string(), z.string()), {}),
});
export type ConsoleConfig = z.infer<typeof ConsoleConfig>;

/** The config in the page's meta tag; a missing or broken one gives the defaults (and says so once). */
export function readConfig(doc: Document): ConsoleConfig {
  const raw = doc.querySelector(`meta[name="${CONFIG_META_NAME}"]`)?.getAttribute('content');
  let value: unknown = {};
  if (raw) {
    try {
      value = JSON.parse(raw);
    } catch {
      value = undefined;
    }
  }
  const parsed = ConsoleConfig.safeParse(value);
  if (parsed.success) return parsed.data;
  console.warn(`lifeline console: ignoring the ${CONFIG_META_NAME} meta tag (${parsed.error.issues[0]?.message ?? 'not JSON'}); using the defaults`);
  return ConsoleConfig.parse({});
}
