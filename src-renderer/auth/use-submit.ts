/** One form submission to the core: busy while it runs, the core's message when it fails. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/index.js';

export function useSubmit<T>(
  action: () => Promise<T>,
  onDone: (value: T) => void,
): {
  busy: boolean;
  error: string | undefined;
  setError(message: string | undefined): void;
  submit(): void;
} {
  const { i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = () => {
    setBusy(true);
    setError(undefined);
    action().then(
      (value) => {
        setBusy(false);
        onDone(value);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure instanceof ApiError ? failure.localized(i18n.language) : String(failure));
      },
    );
  };
  return { busy, error, setError, submit };
}
