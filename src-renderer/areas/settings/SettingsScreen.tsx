/**
 * The Cài đặt area: language, scanners and scan profiles, the station's agency and gateway,
 * the signing certificate, and what the running core reports (version, configuration layers).
 */
import { useTranslation } from 'react-i18next';
import { AboutCard } from './AboutCard.js';
import { ConfigCard } from './ConfigCard.js';
import { ScannerCard } from './ScannerCard.js';
import { SigningCard } from './SigningCard.js';
import { StationCard } from './StationCard.js';

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <>
      <section className="card" aria-labelledby="settings-language">
        <h2 id="settings-language">{t('language.label')}</h2>
        <p>{t('screen.nowLanguage')}</p>
      </section>
      <ScannerCard />
      <StationCard />
      <SigningCard />
      <AboutCard />
      <ConfigCard />
    </>
  );
}
