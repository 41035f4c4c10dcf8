import { useTranslation } from 'react-i18next';
import type { AreaId } from '../area-id.js';
import { PlannedArea } from '../PlannedArea.js';
import { AboutCard } from './AboutCard.js';
import { ConfigCard } from './ConfigCard.js';

export function SettingsScreen(props: { area: AreaId }) {
  const { t } = useTranslation();
  return (
    <PlannedArea
      area={props.area}
      now={
        <ul className="plans">
          <li>{t('screen.nowLanguage')}</li>
          <li>{t('screen.nowAbout')}</li>
        </ul>
      }
    >
      <AboutCard />
      <ConfigCard />
    </PlannedArea>
  );
}
