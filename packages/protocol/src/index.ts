/** @module @lifeline/protocol: the zod schemas and types every other package agrees on. */
export * from './errors.ts';
export * from './kb.ts';
export * from './kb-source.ts';
export * from './widget.ts';
export * from './checks.ts';
export * from './check-reasons.ts';
export * from './check-policy.ts';
export * from './run-checks-options.ts';
export * from './conversation.ts';
export * from './console.ts';
