/** @module Finds `{{name}}` placeholders that the host platform fills in at run time. */

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const VALID_NAME = /^[a-zA-Z]+(\.[a-zA-Z]+)*$/;

export interface FoundPlaceholder {
  /** The name inside the braces, trimmed; may be invalid (lint reports it). */
  name: string;
  raw: string;
  valid: boolean;
}

export function findPlaceholders(text: string): FoundPlaceholder[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => {
    const name = match[1] ?? '';
    return { name, raw: match[0], valid: VALID_NAME.test(name) };
  });
}
