/**
 * The interface language is part of the configuration (`ui.language`), so IT staff can set a
 * machine-wide default and a clerk's choice follows them from the browser to the desktop app.
 * The copy in localStorage only paints the first frame in the right language before the core
 * answers.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, type ApiError, type MethodOutput } from '../api/index.js';
import type { Language } from './index.js';

/** Follows the configured language: at start and whenever the configuration changes. */
export function useConfiguredLanguage(): void {
  const api = useApi();
  const { i18n } = useTranslation();
  useEffect(() => {
    let live = true;
    const apply = (view: MethodOutput<'config.get'>) => {
      if (live && view.config.ui.language !== i18n.resolvedLanguage)
        void i18n.changeLanguage(view.config.ui.language);
    };
    // Unreachable core: the page keeps the language it painted with; the status bar says why.
    api.call('config.get', {}).then(apply, () => undefined);
    const off = api.on('config.changed', apply);
    return () => {
      live = false;
      off();
    };
  }, [api, i18n]);
}

/** Switches the language now and saves the choice in the user's configuration. */
export function useSetLanguage(): {
  setLanguage: (lng: Language) => void;
  saveError: ApiError | undefined;
} {
  const api = useApi();
  const { i18n } = useTranslation();
  const [saveError, setSaveError] = useState<ApiError>();
  const setLanguage = useCallback(
    (lng: Language) => {
      void i18n.changeLanguage(lng);
      setSaveError(undefined);
      api
        .call('config.set', { patch: { ui: { language: lng } } })
        .catch((error: ApiError) => setSaveError(error));
    },
    [api, i18n],
  );
  return { setLanguage, saveError };
}
