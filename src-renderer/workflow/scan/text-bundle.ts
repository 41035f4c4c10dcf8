/**
 * A screen's own strings as an i18next namespace (the app's vi/en.json files belong to the
 * frame): Vietnamese is the reference, English must have every key (the compiler checks), and
 * the returned `t` is typed on the keys and follows the language switch.
 */
import type { i18n as I18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Keys as called: plural forms (`x_one`, `x_other`) are asked for as `x` with a `count`. */
export type TextKey<Vi> = keyof Vi extends infer K
  ? K extends `${infer Base}_${'one' | 'other'}`
    ? Base
    : K & string
  : never;

export type TextOf<Vi> = (key: TextKey<Vi>, values?: Record<string, unknown>) => string;

export function defineTexts<const Vi extends Record<string, string>>(
  namespace: string,
  vi: Vi,
  en: Record<keyof Vi, string>,
): () => TextOf<Vi> {
  const register = (i18n: I18n) => {
    if (i18n.hasResourceBundle('vi', namespace)) return;
    i18n.addResourceBundle('vi', namespace, vi);
    i18n.addResourceBundle('en', namespace, en);
  };
  return function useTexts(): TextOf<Vi> {
    const { i18n } = useTranslation(); // re-renders when the language changes
    register(i18n);
    const language = i18n.language;
    return useCallback<TextOf<Vi>>(
      (key, values) => {
        // The app's typing of t() knows only the frame's namespace; TextOf checks these keys.
        const fixedT = i18n.getFixedT.bind(i18n) as unknown as (
          lng: string,
          ns: string,
        ) => (key: string, options: Record<string, unknown>) => string;
        return fixedT(language, namespace)(key, values ?? {});
      },
      [i18n, language],
    );
  };
}
