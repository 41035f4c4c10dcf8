/**
 * Every keyboard shortcut of the app, in one list: the "?" help shows it, and buttons take their
 * hints and `aria-keyshortcuts` from it, so what is shown is what works. Keys are matched on the
 * physical key (`KeyN`, `Enter`) so Vietnamese input methods (Telex, VNI) do not break them.
 */
export interface Shortcut {
  /** As shown and as `aria-keyshortcuts` says it. */
  keys: string;
  /** i18n key under `shortcuts.` describing what it does. */
  id: ShortcutId;
}

export type ShortcutId =
  'areas' | 'help' | 'focusSearch' | 'next' | 'newDossier' | 'favourite' | 'listMove';

export const shortcuts: readonly Shortcut[] = [
  { id: 'areas', keys: 'Alt+1…5' },
  { id: 'help', keys: '?' },
  { id: 'focusSearch', keys: '/' },
  { id: 'next', keys: 'Control+Enter' },
  { id: 'newDossier', keys: 'Alt+N' },
  { id: 'listMove', keys: '↑ ↓ Enter' },
  { id: 'favourite', keys: 'Alt+F' },
];

export function shortcutKeys(id: ShortcutId): string {
  return shortcuts.find((s) => s.id === id)?.keys ?? '';
}

/** Whether the event is typing into a field (single-key shortcuts must not fire there). */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** Matches an event against one of our shortcut strings (`Alt+N`, `Control+Enter`, `?`, `/`). */
export function matches(event: KeyboardEvent, keys: string): boolean {
  const parts = keys.split('+');
  const key = parts.at(-1) ?? '';
  const wants = { alt: parts.includes('Alt'), ctrl: parts.includes('Control') };
  if (event.altKey !== wants.alt || (event.ctrlKey || event.metaKey) !== wants.ctrl) return false;
  if (key === '?' || key === '/') return event.key === key && !isTyping(event);
  if (key.length === 1) return event.code === `Key${key}`;
  return event.key === key;
}
