/** @module `npx vite packages/console` (dev server) and `npx vite build packages/console` (to dist/console/). */
import { defineConfig } from 'vite';
import { consoleViteConfig } from './build/build.ts';

export default defineConfig({ ...consoleViteConfig(), configFile: undefined });
