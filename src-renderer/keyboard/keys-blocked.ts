/**
 * Whether the app's own keys are off. The lock screen and the administrator's dialog cover the
 * work, which stays mounted and inert behind them; its window-wide listeners would still hear
 * what is typed there (a password, Escape, Alt+1) and act on the hidden work.
 */
import { createContext, useContext } from 'react';

export const KeysBlockedContext = createContext(false);

export function useKeysBlocked(): boolean {
  return useContext(KeysBlockedContext);
}
