/**
 * Where the finished dossier stands with the province, live from sync events. Followed by its
 * id: a dossier received offline gets its official code from the province on the way, and the
 * clerk sees the new code here.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/index.js';

const events = ['sync.itemChanged', 'sync.connectivityChanged'] as const;

export function SyncProgress(props: {
  dossierId: number;
  MaHoSo: string;
  /** The province replaced the provisional code. */
  onCodeChanged: (MaHoSo: string) => void;
}) {
  const { t } = useTranslation();
  const recent = useApiQuery('dossier.list', { limit: 100 }, events);
  const status = useApiQuery('sync.status', {}, events);
  const dossier =
    recent.state === 'ok' ? recent.data.find((d) => d.id === props.dossierId) : undefined;
  const { MaHoSo, onCodeChanged } = props;
  useEffect(() => {
    if (dossier && dossier.MaHoSo !== MaHoSo) onCodeChanged(dossier.MaHoSo);
  }, [dossier, MaHoSo, onCodeChanged]);
  if (status.state !== 'ok') return null;
  if (!dossier) return null;
  const waiting = status.data.waiting.find((w) => w.MaHoSo === dossier.MaHoSo);
  const state = dossier.syncState;
  return (
    <p role="status" aria-live="polite" data-testid="finish-sync" data-sync={state}>
      {t(`finish.sync.${state}`, { code: dossier.MaHoSo })}
      {waiting?.attention && ` ${t('queue.refused', { message: waiting.attention })}`}
      {state === 'queued' && !status.data.configured && ` ${t('finish.sync.notConfigured')}`}
      {state === 'queued' &&
        status.data.configured &&
        status.data.connectivity === 'offline' &&
        ` ${t('queue.offlineHelp')}`}
    </p>
  );
}
