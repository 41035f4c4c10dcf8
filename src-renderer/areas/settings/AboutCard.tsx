import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/index.js';
import { QueryState } from '../QueryState.js';

/** Version, transport and data folder as the running core reports them (for IT staff). */
export function AboutCard() {
  const { t } = useTranslation();
  const info = useApiQuery('app.info', {});
  return (
    <section className="card" aria-labelledby="settings-about">
      <h2 id="settings-about">{t('settings.aboutHeading')}</h2>
      <QueryState query={info}>
        {(data) => (
          <dl className="facts" data-testid="app-info">
            <dt>{t('settings.version')}</dt>
            <dd>{`${data.name} ${data.version}`}</dd>
            <dt>{t('settings.transport')}</dt>
            <dd>{t(`settings.transports.${data.transport}`)}</dd>
            <dt>{t('settings.dataDir')}</dt>
            <dd>
              <code>{data.dataDir}</code>
            </dd>
            <dt>{t('settings.platform')}</dt>
            <dd>
              {[
                data.platform,
                `Node ${data.versions.node}`,
                data.versions.electron ? `Electron ${data.versions.electron}` : undefined,
              ]
                .filter(Boolean)
                .join(' · ')}
            </dd>
          </dl>
        )}
      </QueryState>
    </section>
  );
}
