/** Which scanner and which scan profile; the last choice is remembered for this station. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/index.js';
import { useScanTexts } from './i18n.js';
import { rememberScannerChoice, type ScannerChoice } from './scanner-memory.js';

export function ScannerPicker(props: {
  choice: ScannerChoice;
  onChange: (choice: ScannerChoice) => void;
  disabled: boolean;
}) {
  const t = useScanTexts();
  const { i18n } = useTranslation();
  // a scanner switched on or plugged in after the step opened shows up by itself
  const devices = useApiQuery('scan.devices', {}, [], 5_000, (list) => list.length === 0);
  // until both answer no scanner is chosen and Scan stays off, so a failed ask is asked again
  const profiles = useApiQuery('scan.profiles', {}, [], 5_000);
  const { choice, onChange } = props;

  // Fall back to what is there when the remembered scanner or profile is gone.
  useEffect(() => {
    if (devices.state !== 'ok' || profiles.state !== 'ok') return;
    const device = devices.data.some((d) => d.id === choice.device)
      ? choice.device
      : (profiles.data.device ?? devices.data[0]?.id);
    const profile = profiles.data.profiles.some((p) => p.id === choice.profile)
      ? choice.profile
      : profiles.data.defaultProfile;
    if (device !== choice.device || profile !== choice.profile)
      onChange({ ...(device ? { device } : {}), ...(profile ? { profile } : {}) });
  }, [devices, profiles, choice, onChange]);

  const change = (next: ScannerChoice) => {
    rememberScannerChoice(next);
    onChange(next);
  };

  return (
    <div className="scan-scanner">
      <label>
        <span>{t('scanner')}</span>
        {devices.state === 'ok' && devices.data.length > 0 ? (
          <select
            value={choice.device ?? ''}
            disabled={props.disabled}
            onChange={(e) => change({ ...choice, device: e.target.value })}
          >
            {devices.data.map((d) => (
              <option key={d.id} value={d.id}>
                {`${d.vendor} ${d.model}`.trim() || d.id} ({d.id})
              </option>
            ))}
          </select>
        ) : (
          <output aria-live="polite" className={devices.state === 'loading' ? '' : 'error-text'}>
            {devices.state === 'loading'
              ? t('loadingScanners')
              : devices.state === 'error'
                ? devices.error.localized(i18n.language)
                : t('noScanner')}
          </output>
        )}
      </label>
      <label>
        <span>{t('profile')}</span>
        <select
          value={choice.profile ?? ''}
          disabled={props.disabled || profiles.state !== 'ok'}
          onChange={(e) => change({ ...choice, profile: e.target.value })}
        >
          {profiles.state === 'ok' &&
            profiles.data.profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} — {p.dpi} dpi, {p.source}
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}
