import { useLayoutEffect, useRef } from 'react';
import { matches, shortcutKeys, type ShortcutId } from './shortcuts.js';

/**
 * Runs `action` when the shortcut is pressed anywhere in the window, while the component is
 * mounted and `enabled`. The latest `action` is used without re-subscribing. Both are set as the
 * component is committed, so a key pressed the moment its button shows already works.
 */
export function useShortcut(id: ShortcutId, action: () => void, enabled = true): void {
  const latest = useRef(action);
  useLayoutEffect(() => {
    latest.current = action;
  });
  useLayoutEffect(() => {
    if (!enabled) return;
    const keys = shortcutKeys(id);
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !matches(event, keys)) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id, enabled]);
}
