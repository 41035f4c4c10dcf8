import { matches, shortcutKeys, type ShortcutId } from './shortcuts.js';
import { useWindowKeydown } from './use-window-keydown.js';

/** Runs `action` when the shortcut is pressed anywhere in the window, while mounted and `enabled`. */
export function useShortcut(id: ShortcutId, action: () => void, enabled = true): void {
  useWindowKeydown(
    (event) => {
      if (event.defaultPrevented || !matches(event, shortcutKeys(id))) return;
      event.preventDefault();
      action();
    },
    { enabled },
  );
}
