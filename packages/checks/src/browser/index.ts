/** @module The browser check: name and version (client hints, else the User-Agent) and the features the exam needs, against the policy. */
import { judgeBrowser, missingFeatures, readPlatform } from '../platform/index.ts';
import type { Check } from '../run/context.ts';

export const browser: Check = async ({ policy }) => judgeBrowser(await readPlatform(navigator), missingFeatures(policy.features, globalThis), policy);
