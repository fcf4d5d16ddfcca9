/** @module The console app: sign-in, then the workspace. */
export { App, type AppProps } from './App.tsx';
