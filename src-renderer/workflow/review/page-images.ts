/**
 * Page images for the grid and the preview, as blob: URLs, fetched through `pages.image` at most
 * a few at a time (a fast scroll must not queue hundreds of renderings ahead of what is on
 * screen: the newest request goes first) and kept while recent.
 */
import { useEffect, useState } from 'react';
import { useApi, type Transport } from '../../api/index.js';
import { base64ImageUrl } from '../scan/index.js';

const PARALLEL = 4;
const KEEP = 800;

const cache = new Map<string, Promise<string>>();
const waiting: Array<() => void> = [];
let running = 0;

function slot(): Promise<() => void> {
  return new Promise((resolve) => {
    const go = () => {
      running += 1;
      resolve(() => {
        running -= 1;
        waiting.pop()?.();
      });
    };
    if (running < PARALLEL) go();
    else waiting.push(go);
  });
}

function load(
  api: Transport,
  MaHoSo: string,
  pageId: number,
  version: string,
  size: 'thumbnail' | 'preview',
): Promise<string> {
  const key = `${pageId}:${version}:${size}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const loading = slot().then(async (release) => {
    try {
      const image = await api.call('pages.image', { MaHoSo, pageId, size });
      return base64ImageUrl(image.data, image.mime);
    } finally {
      release();
    }
  });
  cache.set(key, loading);
  loading.catch(() => cache.delete(key));
  for (const [oldest, url] of cache) {
    if (cache.size <= KEEP) break;
    cache.delete(oldest);
    void url.then(
      (u) => URL.revokeObjectURL(u),
      () => undefined,
    );
  }
  return loading;
}

export function usePageImage(
  MaHoSo: string,
  pageId: number | undefined,
  version: string | undefined,
  size: 'thumbnail' | 'preview',
): string | undefined {
  const api = useApi();
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (pageId === undefined || version === undefined) return;
    let live = true;
    load(api, MaHoSo, pageId, version, size).then(
      (loaded) => live && setUrl(loaded),
      () => live && setUrl(undefined),
    );
    return () => {
      live = false;
    };
  }, [api, MaHoSo, pageId, version, size]);
  return url;
}
