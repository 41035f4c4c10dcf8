/**
 * The open area lives in the URL hash (`#/search`), so reload and the browser's back button
 * keep the clerk where they were. Unknown hashes fall back to reception.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { areas, findArea, type Area } from '../areas/registry.js';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

export function areaHref(area: Area): string {
  return `#/${area.id}`;
}

export function useCurrentArea(): [Area, (area: Area) => void] {
  const hash = useSyncExternalStore(subscribe, currentHash);
  const current = findArea(hash.replace(/^#\/?/, '')) ?? (areas[0] as Area);
  const open = useCallback((area: Area) => {
    window.location.hash = areaHref(area);
  }, []);
  return [current, open];
}
