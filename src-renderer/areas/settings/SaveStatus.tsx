import { useTranslation } from 'react-i18next';
import type { SaveState } from './use-config-save.js';

/** The outcome of a settings form, announced to screen readers. */
export function SaveStatus(props: { state: SaveState }) {
  const { t, i18n } = useTranslation();
  if (props.state.kind === 'saved')
    return (
      <p role="status" className="ok-text">
        {t('settings.saved')}
      </p>
    );
  if (props.state.kind === 'error')
    return (
      <p role="alert" className="error-text preline">
        {t('settings.notSaved', { reason: props.state.error.localized(i18n.language) })}
      </p>
    );
  return null;
}
