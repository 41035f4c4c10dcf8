/**
 * What an area will hold, stated plainly, and what of it works today — never sample data.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaId } from './area-id.js';

/** `now` describes what already works; `children` is that working part, shown after it. */
export function PlannedArea(props: { area: AreaId; now?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  const plans = t(`areas.${props.area}.plans`, { returnObjects: true }) as string[];
  return (
    <>
      <p className="area-summary">{t(`areas.${props.area}.summary`)}</p>
      <section className="card" aria-labelledby={`${props.area}-now`}>
        <h2 id={`${props.area}-now`}>{t('screen.nowHeading')}</h2>
        {props.now ?? <p>{t('screen.nowNothing')}</p>}
      </section>
      {props.children}
      <section className="card" aria-labelledby={`${props.area}-plans`}>
        <h2 id={`${props.area}-plans`}>{t('screen.plansHeading')}</h2>
        <ul className="plans">
          {plans.map((plan) => (
            <li key={plan}>{plan}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
