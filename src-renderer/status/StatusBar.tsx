/**
 * The workstation's state at a glance: the link to the core, the network, the send queue and
 * the scanner. Values come from the core; what it cannot tell is shown as unknown.
 */
import { useTranslation } from 'react-i18next';
import { useLinkState } from '../api/index.js';
import { StatusItem, type Tone } from './StatusItem.js';
import { useWorkstationStatus } from './use-workstation-status.js';

export function StatusBar() {
  const { t, i18n } = useTranslation();
  const link = useLinkState();
  const status = useWorkstationStatus(i18n.language);
  const unknown = {
    value: t('status.unknown'),
    tone: 'unknown' as Tone,
    hint: t('status.unknownHint'),
  };

  const linkItem = {
    open: { value: t('status.coreOpen'), tone: 'ok' as Tone },
    connecting: { value: t('status.coreConnecting'), tone: 'warn' as Tone },
    closed: { value: t('status.coreClosed'), tone: 'bad' as Tone },
    unauthorized: { value: t('status.coreUnauthorized'), tone: 'bad' as Tone },
  }[link];

  const networkHint = t(
    status.networkFromSync ? 'status.networkFromSync' : 'status.networkFromMachine',
  );
  const network = {
    online: { value: t('status.online'), tone: 'ok' as Tone, hint: networkHint },
    offline: { value: t('status.offline'), tone: 'warn' as Tone, hint: networkHint },
    auth_failed: { value: t('status.authFailed'), tone: 'bad' as Tone, hint: networkHint },
  }[status.network];

  const queue =
    status.queueLength === undefined
      ? unknown
      : {
          value: t('status.queueCount', { count: status.queueLength }),
          tone: (status.queueAttention ? 'warn' : 'ok') as Tone,
          ...(status.queueAttention
            ? { hint: t('status.queueAttention', { count: status.queueAttention }) }
            : {}),
        };

  const scanner =
    status.scanner === undefined
      ? { ...unknown, ...(status.scannerProblem ? { hint: status.scannerProblem } : {}) }
      : status.scanner === null
        ? { value: t('status.scannerNone'), tone: 'warn' as Tone }
        : { value: status.scanner, tone: 'ok' as Tone };

  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <ul aria-live="polite">
        <StatusItem id="core" name={t('status.core')} {...linkItem} />
        <StatusItem id="network" name={t('status.network')} {...network} />
        <StatusItem id="queue" name={t('status.queue')} {...queue} />
        <StatusItem id="scanner" name={t('status.scanner')} {...scanner} />
      </ul>
    </footer>
  );
}
