#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so `npx lifeline-gateway` works right after `npm ci`, with no build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
