import { useTranslation } from 'react-i18next';
import { languages } from '../i18n/index.js';
import { useSetLanguage } from '../i18n/use-language.js';

/** Two toggle buttons, each named in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { setLanguage, saveError } = useSetLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {languages.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={i18n.resolvedLanguage === lng}
          onClick={() => setLanguage(lng)}
        >
          {t(`language.${lng}`)}
        </button>
      ))}
      {saveError && (
        <span role="alert" className="error-text">
          {t('language.notSaved', { reason: saveError.localized(i18n.language) })}
        </span>
      )}
    </div>
  );
}
