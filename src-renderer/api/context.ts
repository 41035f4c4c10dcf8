import { createContext, createElement, useContext, type ReactNode } from 'react';
import type { Transport } from './transport.js';

const ApiContext = createContext<Transport | undefined>(undefined);

export function ApiProvider(props: { transport: Transport; children: ReactNode }) {
  return createElement(ApiContext.Provider, { value: props.transport }, props.children);
}

export function useApi(): Transport {
  const transport = useContext(ApiContext);
  if (!transport) throw new Error('useApi() outside <ApiProvider>: the app root must provide one');
  return transport;
}
