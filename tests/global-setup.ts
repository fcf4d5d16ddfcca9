/** @module Vitest global setup: builds the demo (KB, widget, ES-module app) into dist/ once, so browser test files never build it at the same time. */
import { buildDemo } from '../examples/serve.ts';

export default async function setup(): Promise<void> {
  await buildDemo();
}
