/** @module Content hashes: for translations' `source_hash` and for content-addressed build files. */
import { createHash } from 'node:crypto';

export function sha256Hex(text: string, length = 64): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, length);
}

/**
 * The hash a translation records of its English source. Only what a translator
 * translates counts, so a new review date does not mark every translation outdated.
 */
export function translationSourceHash(source: { title: string; summary: string; questions: string[]; keywords: string[]; body: string }): string {
  const canonical = JSON.stringify([source.title, source.summary, source.questions, source.keywords, source.body.replace(/\r\n/g, '\n').trim()]);
  return sha256Hex(canonical, 16);
}
