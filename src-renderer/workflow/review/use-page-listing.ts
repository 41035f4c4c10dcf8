/**
 * The dossier's pages, kept current. An edit (`pages.changed`) is shown at once; pages landing or
 * finishing the pipeline arrive in bursts (a 300-sheet feeder, the pipeline catching up), so those
 * are coalesced: at most one reading in flight, and one more after it, a moment later. An edit
 * made while a reading is in flight is read right after it (that reading may predate the edit).
 */
import { useEffect, useState } from 'react';
import { useApi, type ApiError, type ApiQuery } from '../../api/index.js';
import type { PageListing } from './types.js';

const COALESCE_MS = 400;

export function usePageListing(MaHoSo: string): ApiQuery<PageListing> {
  const api = useApi();
  const [query, setQuery] = useState<ApiQuery<PageListing>>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    let inFlight = false;
    let again: 'now' | 'soon' | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = (urgency: 'now' | 'soon' = 'now') => {
      if (inFlight) {
        if (again !== 'now') again = urgency;
        return;
      }
      inFlight = true;
      api
        .call('pages.list', { MaHoSo })
        .then(
          (data) => live && setQuery({ state: 'ok', data }),
          (error: ApiError) => live && setQuery({ state: 'error', error }),
        )
        .finally(() => {
          inFlight = false;
          const next = again;
          again = undefined;
          if (!live || !next) return;
          if (next === 'now') load();
          else later();
        });
    };
    const later = () => {
      if (timer === undefined)
        timer = setTimeout(() => {
          timer = undefined;
          load('soon');
        }, COALESCE_MS);
    };
    let wasOpen = false;
    const offs = [
      api.on('pages.changed', (e) => e.MaHoSo === MaHoSo && load()),
      api.on(
        'scan.pageAcquired',
        (e) => 'dossier' in e.location && e.location.dossier === MaHoSo && later(),
      ),
      api.on('pipeline.pageProcessed', (e) => e.MaHoSo === MaHoSo && later()),
      api.onLink((state) => {
        if (state === 'open' && wasOpen) load();
        if (state === 'open') wasOpen = true;
      }),
    ];
    load();
    return () => {
      live = false;
      clearTimeout(timer);
      offs.forEach((off) => off());
    };
  }, [api, MaHoSo]);

  return query;
}
