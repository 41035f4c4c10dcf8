import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiQuery } from '../api/index.js';

/** Renders a query's data, or says plainly that it is loading or why it failed. */
export function QueryState<T>(props: { query: ApiQuery<T>; children: (data: T) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const { query } = props;
  if (query.state === 'loading') return <p aria-busy="true">{t('common.loading')}</p>;
  if (query.state === 'error') {
    return (
      <p role="alert" className="error-text">
        {t('common.unavailable', { reason: query.error.localized(i18n.language) })}
      </p>
    );
  }
  return <>{props.children(query.data)}</>;
}
