import { useTranslation } from 'react-i18next';
import { useLinkState } from '../api/index.js';

/**
 * Browser mode opened without the token (a bookmark, a copied address): say what to do instead
 * of showing an app that silently has no data.
 */
export function AccessBanner() {
  const { t } = useTranslation();
  if (useLinkState() !== 'unauthorized') return null;
  return (
    <div className="access-banner" role="alert">
      <strong>{t('access.title')}</strong> {t('access.help')}
    </div>
  );
}
