/**
 * Read something from the core and keep it current: calls `method` once, again whenever one of
 * `refreshOn` events arrives, again when the link to the core comes back after a break, and —
 * when asked to — again a while after a failure or an answer that is not final yet.
 * The result says honestly whether the value is known, still loading or failed.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ApiError } from './api-error.js';
import { useApi } from './context.js';
import type { EventName, MethodInput, MethodName, MethodOutput } from './transport.js';

export type ApiQuery<T> =
  { state: 'loading' } | { state: 'ok'; data: T } | { state: 'error'; error: ApiError };

export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  refreshOn: readonly EventName[] = [],
  /** Ask again this long after a failure (for facts that can recover, like a scanner host). */
  retryAfterMs?: number,
  /** …and after an answer this says is not final yet (no scanner plugged in so far). */
  askAgainWhen?: (data: MethodOutput<M>) => boolean,
): ApiQuery<MethodOutput<M>> {
  const api = useApi();
  const [query, setQuery] = useState<ApiQuery<MethodOutput<M>>>({ state: 'loading' });
  const inputKey = JSON.stringify(input ?? {});
  const eventsKey = refreshOn.join('\n');
  const latestAskAgain = useRef(askAgainWhen);
  useLayoutEffect(() => {
    latestAskAgain.current = askAgainWhen;
  });

  useEffect(() => {
    let live = true;
    let wasOpen = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      clearTimeout(retry);
      api.call(method, JSON.parse(inputKey) as MethodInput<M>).then(
        (data) => {
          if (!live) return;
          setQuery({ state: 'ok', data });
          if (retryAfterMs !== undefined && latestAskAgain.current?.(data))
            retry = setTimeout(load, retryAfterMs);
        },
        (error: ApiError) => {
          if (!live) return;
          setQuery({ state: 'error', error });
          // without access, asking again cannot help; the page says how to get access
          if (retryAfterMs !== undefined && error.code !== 'UNAUTHORIZED')
            retry = setTimeout(load, retryAfterMs);
        },
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
      clearTimeout(retry);
      for (const off of offs) off();
    };
  }, [api, method, inputKey, eventsKey, retryAfterMs]);

  return query;
}
