/**
 * Translation keys are checked by the compiler: `t('…')` only accepts keys of the Vietnamese
 * resources (the reference language); tests/renderer checks English has the same keys.
 */
import 'i18next';
import type vi from './vi.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}
