/** @module Signing in to the console. */
export { SignIn } from './SignIn.tsx';
