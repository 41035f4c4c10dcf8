/**
 * A query asked again every few seconds while the screen shows it: a job run by the CLI in
 * another process sends no events, so its progress is read, not pushed.
 */
import { useEffect, useState } from 'react';
import {
  useApi,
  type ApiError,
  type ApiQuery,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../api/index.js';

export function usePolled<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  everyMs: number,
  /** Changes when the caller knows the answer changed (a decision was recorded). */
  version = 0,
): ApiQuery<MethodOutput<M>> {
  const api = useApi();
  const [query, setQuery] = useState<ApiQuery<MethodOutput<M>>>({ state: 'loading' });
  const inputKey = JSON.stringify(input ?? {});
  useEffect(() => {
    let live = true;
    const load = () =>
      api.call(method, JSON.parse(inputKey) as MethodInput<M>).then(
        (data) => live && setQuery({ state: 'ok', data }),
        (error: ApiError) => live && setQuery({ state: 'error', error }),
      );
    void load();
    const timer = setInterval(() => void load(), everyMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, method, inputKey, everyMs, version]);
  return query;
}
