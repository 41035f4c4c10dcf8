/**
 * The "?" overlay: every shortcut with what it does. A modal dialog (the native <dialog>, so
 * focus stays inside and Escape closes it), opened by "?" or by the button in the top bar.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutKeys, shortcuts } from './shortcuts.js';
import { useShortcut } from './use-shortcut.js';

export function ShortcutHelp() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const open = () => {
    if (!dialog.current?.open) dialog.current?.showModal();
  };
  useShortcut('help', open);
  const keys = shortcutKeys('help');
  return (
    <>
      <button
        type="button"
        className="help-button"
        onClick={open}
        aria-keyshortcuts={keys}
        title={t('app.shortcut', { keys })}
      >
        {t('shortcuts.open')} <kbd aria-hidden="true">{keys}</kbd>
      </button>
      <dialog ref={dialog} className="shortcut-help" aria-labelledby="shortcut-help-title">
        <h2 id="shortcut-help-title">{t('shortcuts.title')}</h2>
        <table>
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <kbd>{s.keys}</kbd>
                </th>
                <td>{t(`shortcuts.${s.id}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" autoFocus onClick={() => dialog.current?.close()}>
          {t('common.close')}
        </button>
      </dialog>
    </>
  );
}
