/**
 * Read something from the core and keep it current: calls `method` once, again whenever one of
 * `refreshOn` events arrives, and again when the link to the core comes back after a break.
 * The result says honestly whether the value is known, still loading or failed.
 */
import { useEffect, useState } from 'react';
import type { ApiError } from './api-error.js';
import { useApi } from './context.js';
import type { EventName, MethodInput, MethodName, MethodOutput } from './transport.js';

export type ApiQuery<T> =
  { state: 'loading' } | { state: 'ok'; data: T } | { state: 'error'; error: ApiError };

export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  refreshOn: readonly EventName[] = [],
): ApiQuery<MethodOutput<M>> {
  const api = useApi();
  const [query, setQuery] = useState<ApiQuery<MethodOutput<M>>>({ state: 'loading' });
  const inputKey = JSON.stringify(input ?? {});
  const eventsKey = refreshOn.join('\n');

  useEffect(() => {
    let live = true;
    let wasOpen = false;
    const load = () => {
      api.call(method, JSON.parse(inputKey) as MethodInput<M>).then(
        (data) => live && setQuery({ state: 'ok', data }),
        (error: ApiError) => live && setQuery({ state: 'error', error }),
      );
    };
    load();
    const offs = eventsKey
      ? eventsKey.split('\n').map((event) => api.on(event as EventName, load))
      : [];
    offs.push(
      api.onLink((state) => {
        if (state === 'open' && wasOpen) load();
        if (state === 'open') wasOpen = true;
      }),
    );
    return () => {
      live = false;
      for (const off of offs) off();
    };
  }, [api, method, inputKey, eventsKey]);

  return query;
}
