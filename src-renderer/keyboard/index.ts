export { ShortcutHelp } from './ShortcutHelp.js';
export { useShortcut } from './use-shortcut.js';
export { useWindowKeydown } from './use-window-keydown.js';
export { KeysBlockedContext } from './keys-blocked.js';
export { shortcutKeys, isTyping } from './shortcuts.js';
export type { ShortcutId } from './shortcuts.js';
export { ShortcutButton } from './ShortcutButton.js';
