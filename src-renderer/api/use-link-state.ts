import { useEffect, useState } from 'react';
import { useApi } from './context.js';
import type { LinkState } from './transport.js';

/** The live state of the link to the core (always `open` inside Electron). */
export function useLinkState(): LinkState {
  const api = useApi();
  const [state, setState] = useState<LinkState>('connecting');
  useEffect(() => api.onLink(setState), [api]);
  return state;
}
