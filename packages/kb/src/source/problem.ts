/** @module A problem found in the knowledge base, printed as `file:line:col  code  message`. */
import { formatLocation, type SourceLocation } from '@lifeline/protocol';

export type Severity = 'error' | 'warning';

export interface Problem extends SourceLocation {
  code: string;
  severity: Severity;
  message: string;
}

export function problem(location: SourceLocation, code: string, message: string, severity: Severity = 'error'): Problem {
  return { ...location, code, message, severity };
}

export function formatProblem(p: Problem): string {
  const tag = p.severity === 'warning' ? `${p.code} (warning)` : p.code;
  return `${formatLocation(p)}  ${tag}  ${p.message}`;
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
}
