import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutKeys, type ShortcutId } from './shortcuts.js';
import { useShortcut } from './use-shortcut.js';

/**
 * A button that also answers its shortcut, shows the keys on its face and announces them
 * (`aria-keyshortcuts`). The shortcut only works while the button is enabled.
 */
export function ShortcutButton(
  props: { shortcut: ShortcutId; onPress: () => void; children: ReactNode } & Omit<
    ButtonHTMLAttributes<HTMLButtonElement>,
    'onClick' | 'children'
  >,
) {
  const { t } = useTranslation();
  const { shortcut, onPress, children, ...rest } = props;
  const keys = shortcutKeys(shortcut);
  useShortcut(shortcut, onPress, !rest.disabled);
  return (
    <button
      type="button"
      {...rest}
      onClick={onPress}
      aria-keyshortcuts={keys}
      title={t('app.shortcut', { keys })}
    >
      {children} <kbd aria-hidden="true">{keys}</kbd>
    </button>
  );
}
