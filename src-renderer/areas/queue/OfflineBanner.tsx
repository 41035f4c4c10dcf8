/**
 * Says plainly when dossiers cannot reach the province and that nothing is lost: they wait
 * here and leave by themselves when the line is back.
 */
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../api/index.js';

export function OfflineBanner(props: { status: MethodOutput<'sync.status'> }) {
  const { t, i18n } = useTranslation();
  const { status } = props;
  const problem = status.problem?.[i18n.language.startsWith('vi') ? 'vi' : 'en'];
  if (!status.configured) {
    return (
      <div className="banner warn" role="status">
        <strong>{t('queue.notConfigured')}</strong> {t('queue.notConfiguredHelp')}
      </div>
    );
  }
  if (status.connectivity === 'offline' || status.connectivity === 'auth_failed') {
    return (
      <div className="banner bad" role="alert" data-testid="offline-banner">
        <strong>
          {t(`queue.${status.connectivity === 'offline' ? 'offline' : 'authFailed'}`)}
        </strong>{' '}
        {t('queue.offlineHelp')}
        {problem && <span className="banner-detail"> {problem}</span>}
      </div>
    );
  }
  return null;
}
