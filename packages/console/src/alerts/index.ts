/**
 * @module Alerts when a conversation joins the agent's queue: a sound, a desktop notification, or both,
 * each off until the agent turns it on, and remembered in this browser. The browser parts (Web Audio,
 * Notification) come in as `AlertDevices`, so the rules run and are tested without a page.
 */
export { AlertSettings, type AlertSettingsProps } from './AlertSettings.tsx';
export { browserAlertDevices } from './devices.ts';
export { ALERTS_STORAGE_KEY, alertArrival, enableDesktop, readAlertPrefs, saveAlertPrefs, type AlertDevices, type AlertPrefs } from './rules.ts';
