/** @module LifelineError: every failure a person must act on, as data with a stable code. */

/** Where in a source file a problem is, 1-based, as editors and terminals expect. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface LifelineErrorOptions {
  cause?: unknown;
  location?: SourceLocation;
}

/**
 * The one error type Lifeline raises or returns. `code` is stable (tests and
 * callers switch on it); `message` tells a person what to fix.
 */
export class LifelineError extends Error {
  override readonly name = 'LifelineError';
  readonly code: string;
  readonly location: SourceLocation | undefined;

  constructor(code: string, message: string, options: LifelineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.location = options.location;
  }
}

export function isLifelineError(value: unknown): value is LifelineError {
  return value instanceof LifelineError;
}

/** `file:line:col` the way compilers print it, so terminals make it clickable. */
export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}
