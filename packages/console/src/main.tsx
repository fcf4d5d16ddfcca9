/** @module The console's entry (index.html): reads the config, picks the language, renders the app. */
import { render } from 'preact';
import { ConsoleApi } from './api/index.ts';
import { App } from './app/index.ts';
import { readConfig } from './config.ts';
import { LOCALE_STORAGE_KEY, resolveLocale } from './i18n/index.ts';
import './styles.css';

/** localStorage, unless the browser's privacy settings block it (reading the property throws then). */
const storage = (() => {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
})();

render(
  <App api={new ConsoleApi()} config={readConfig(document)} initialLocale={resolveLocale(storage?.getItem(LOCALE_STORAGE_KEY), navigator.languages)} storage={storage} />,
  document.getElementById('app')!,
);
