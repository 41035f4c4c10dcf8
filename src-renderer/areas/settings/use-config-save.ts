/**
 * Saves a change to the user's configuration (`config.set`, validated by the core before it is
 * written) and says how it went, in the clerk's language.
 */
import { useState } from 'react';
import { useApi, type ApiError } from '../../api/index.js';

export type SaveState =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved' } | { kind: 'error'; error: ApiError };

export function useConfigSave() {
  const api = useApi();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const save = (patch: Record<string, unknown>) => {
    setState({ kind: 'busy' });
    api.call('config.set', { patch }).then(
      () => setState({ kind: 'saved' }),
      (error: ApiError) => setState({ kind: 'error', error }),
    );
  };
  return { state, save };
}
