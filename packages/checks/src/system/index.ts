/** @module The system check: operating system and version, and phone or tablet, against the policy. */
import { judgeSystem, readPlatform } from '../platform/index.ts';
import type { Check } from '../run/context.ts';

export const system: Check = async ({ policy }) => judgeSystem(await readPlatform(navigator), policy);
