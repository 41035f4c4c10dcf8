import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/index.js';
import { QueryState } from '../QueryState.js';

/**
 * Where the configuration comes from (machine file, user file, environment) and the values a
 * counter depends on most; editing them comes with the capabilities that own them.
 */
export function ConfigCard() {
  const { t } = useTranslation();
  const view = useApiQuery('config.get', {}, ['config.changed']);
  const notSet = t('settings.notSet');
  return (
    <section className="card" aria-labelledby="settings-config">
      <h2 id="settings-config">{t('settings.configHeading')}</h2>
      <QueryState query={view}>
        {({ config, layers }) => (
          <>
            <dl className="facts" data-testid="config-values">
              <dt>{t('settings.gateway')}</dt>
              <dd>{config.gateway.baseUrl ?? t('settings.gatewayNone')}</dd>
              <dt>{t('settings.agency')}</dt>
              <dd>
                {config.agency.code
                  ? `${config.agency.code} ${config.agency.name ?? ''}`.trim()
                  : notSet}
              </dd>
              <dt>{t('settings.scannerProfile')}</dt>
              <dd>
                {config.scanner.profiles.find((p) => p.id === config.scanner.defaultProfile)
                  ?.name ?? config.scanner.defaultProfile}
              </dd>
              <dt>{t('settings.signing')}</dt>
              <dd>{t(`settings.signingProviders.${config.signing.provider}`)}</dd>
            </dl>
            <h3>{t('settings.layersHeading')}</h3>
            <ol className="layers" data-testid="config-layers">
              {layers.map((layer) => (
                <li key={layer.kind}>
                  <span className="layer-kind">{t(`settings.layers.${layer.kind}`)}</span>{' '}
                  {layer.kind !== 'env' && <code>{layer.source}</code>}{' '}
                  <span className="layer-presence">
                    {layer.present ? t('settings.present') : t('settings.absent')}
                  </span>
                  {layer.ignored && (
                    <span className="layer-ignored">
                      {' '}
                      {t('settings.ignored', { sections: layer.ignored.join(', ') })}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </>
        )}
      </QueryState>
    </section>
  );
}
