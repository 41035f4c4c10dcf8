/** One action on the core from a form: busy while it runs, the core's message when it fails. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/index.js';

export interface Submission<A extends unknown[]> {
  busy: boolean;
  error: string | undefined;
  setError(message: string | undefined): void;
  submit(...args: A): void;
}

export function useSubmit<A extends unknown[], T>(
  action: (...args: A) => Promise<T>,
  onDone: (value: T) => void,
): Submission<A> {
  const { i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = (...args: A) => {
    setBusy(true);
    setError(undefined);
    action(...args).then(
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
