/** Clerk sign-in, first run and lock screen around the app (issue #12). */
export { AuthGate } from './AuthGate.js';
