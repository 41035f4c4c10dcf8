/**
 * The dossier being received at this counter (if any, and if it is not `except`), kept fresh
 * as it changes: what "Dùng lại" copies into.
 */
import { useEffect, useState } from 'react';
import { useApi, type MethodOutput } from '../../api/index.js';
import { useReceptionFlow } from '../flow/index.js';

type DossierDetail = MethodOutput<'dossier.get'>;

export function useReuseTarget(except?: string): DossierDetail | undefined {
  const api = useApi();
  const { MaHoSo } = useReceptionFlow();
  const code = MaHoSo && MaHoSo !== except ? MaHoSo : undefined;
  const [detail, setDetail] = useState<DossierDetail>();
  useEffect(() => {
    if (!code) return;
    let live = true;
    const load = () =>
      api.call('dossier.get', { MaHoSo: code }).then(
        (d) => live && setDetail(d),
        // a dossier gone from this store (another counter's session) is simply no target
        () => live && setDetail(undefined),
      );
    void load();
    const off = api.on('dossier.changed', (e) => e.MaHoSo === code && void load());
    return () => {
      live = false;
      off();
    };
  }, [api, code]);
  return code && detail?.dossier.MaHoSo === code ? detail : undefined;
}
