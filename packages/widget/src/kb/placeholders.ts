/**
 * @module Fills `{{name}}` placeholders in titles and summaries with the host's context; a missing
 * value becomes the knowledge base's fallback for it, never a raw `{{...}}`. (Article HTML: see ../article.)
 */
import type { HostContext } from '@lifeline/protocol';

export const PLACEHOLDER = /\{\{\s*([a-zA-Z]+(?:\.[a-zA-Z]+)*)\s*\}\}/g;

/** The words that stand for a placeholder the host left empty: the compiled KB's `fallbacks`. */
export type Fallback = (name: string) => string;

export function contextValue(context: HostContext, name: string): string | undefined {
  const [group, key, ...rest] = name.split('.');
  if (!group || !key || rest.length > 0) return undefined;
  const values = (context as Record<string, unknown>)[group];
  if (typeof values !== 'object' || values === null) return undefined;
  const value = (values as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** An http(s) address, or undefined: a host's typo never becomes a `javascript:` link. */
export function safeUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, globalThis.location?.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function fillText(text: string, context: HostContext, fallback: Fallback): string {
  return text.replace(PLACEHOLDER, (_, name: string) => contextValue(context, name) ?? fallback(name));
}
