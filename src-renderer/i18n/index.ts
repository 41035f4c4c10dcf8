/**
 * Interface language: Vietnamese by default (the counters' language), English on request.
 * The choice is remembered per machine; `<html lang>` follows it so screen readers and
 * hyphenation use the right language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import vi from './vi.json';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'sohoa.lang';

function savedLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(storageKey);
    return saved === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export async function initI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    try {
      window.localStorage.setItem(storageKey, lng);
    } catch {
      // storage may be disabled (private window); the choice then lasts for this page only
    }
  });
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: savedLanguage(),
    fallbackLng: 'vi',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}
