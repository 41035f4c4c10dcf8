/**
 * The dossier's readiness, asked again whenever its pages change or finish processing, and after
 * each waiver (whose answer is the new report).
 */
import { useCallback, useEffect, useState } from 'react';
import { useApi, type ApiError, type MethodOutput } from '../../api/index.js';

type Report = MethodOutput<'dossier.checkReady'>;

export function useReadiness(MaHoSo: string) {
  const api = useApi();
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<ApiError>();
  const load = useCallback(
    () =>
      api.call('dossier.checkReady', { MaHoSo }).then(
        (r) => {
          setReport(r);
          setError(undefined);
        },
        (e: ApiError) => setError(e),
      ),
    [api, MaHoSo],
  );
  useEffect(() => {
    void load();
    const offs = [
      api.on('pages.changed', () => void load()),
      api.on('scan.pageAcquired', () => void load()),
      api.on('pipeline.pageProcessed', (e) => e.MaHoSo === MaHoSo && void load()),
      api.on('dossier.changed', (e) => e.MaHoSo === MaHoSo && void load()),
    ];
    return () => offs.forEach((off) => off());
  }, [api, load, MaHoSo]);
  return { report, error, setReport };
}
