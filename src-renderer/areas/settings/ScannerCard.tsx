/**
 * Scanners and scan profiles: the scanners the station sees, which one it uses, and the
 * profiles (source, resolution, colour, page size) with the default one.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery, type MethodOutput } from '../../api/index.js';
import { QueryState } from '../QueryState.js';
import { emptyProfile, ProfileForm } from './ProfileForm.js';
import { SaveStatus } from './SaveStatus.js';
import { useConfigSave } from './use-config-save.js';

export function ScannerCard() {
  const { t } = useTranslation();
  const id = useId();
  const devices = useApiQuery('scan.devices', {}, ['config.changed']);
  const scanner = useApiQuery('scan.profiles', {}, ['config.changed']);
  const { state, save } = useConfigSave();
  const [editing, setEditing] = useState<string>();
  // scan.saveProfile answers with the new settings; they hold until the query reads newer ones
  const [saved, setSaved] = useState<{ basis: unknown; value: MethodOutput<'scan.profiles'> }>();
  const shown =
    scanner.state === 'ok' && saved?.basis === scanner.data
      ? { state: 'ok' as const, data: saved.value }
      : scanner;
  return (
    <section className="card" aria-labelledby="settings-scanners">
      <h2 id="settings-scanners">{t('settings.scannersHeading')}</h2>
      <QueryState query={shown}>
        {(config) => (
          <>
            <label htmlFor={id}>{t('settings.device')}</label>{' '}
            <select
              id={id}
              value={config.device ?? ''}
              onChange={(e) => save({ scanner: { device: e.target.value || null } })}
            >
              <option value="">{t('settings.deviceFirst')}</option>
              {devices.state === 'ok' &&
                devices.data.map((d) => (
                  <option key={d.id} value={d.id}>
                    {`${d.vendor} ${d.model}`.trim()} ({d.id})
                  </option>
                ))}
            </select>
            {devices.state === 'error' && <p className="error-text">{devices.error.message}</p>}
            <SaveStatus state={state} />
            <h3>{t('settings.profilesHeading')}</h3>
            <table className="data" data-testid="scan-profiles">
              <thead>
                <tr>
                  <th scope="col">{t('settings.profileName')}</th>
                  <th scope="col">{t('settings.source')}</th>
                  <th scope="col">{t('settings.dpi')}</th>
                  <th scope="col">{t('settings.colour')}</th>
                  <th scope="col">{t('settings.pageSize')}</th>
                  <th scope="col">{t('reception.checklist.action')}</th>
                </tr>
              </thead>
              <tbody>
                {config.profiles.map((p) => (
                  <tr key={p.id} data-profile={p.id}>
                    <th scope="row">
                      {p.name}
                      {p.id === config.defaultProfile && ` (${t('settings.isDefault')})`}
                    </th>
                    <td>{t(`settings.sources.${p.source}`)}</td>
                    <td className="num">{p.dpi}</td>
                    <td>{t(`settings.colours.${p.colour}`)}</td>
                    <td>{p.pageSize === 'auto' ? t('settings.pageSizeAuto') : p.pageSize}</td>
                    <td>
                      <button
                        type="button"
                        aria-label={t('settings.editProfile', { name: p.name })}
                        onClick={() => setEditing(p.id)}
                      >
                        {t('settings.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {editing === undefined ? (
              <div className="actions">
                <button type="button" onClick={() => setEditing('')}>
                  {t('settings.newProfile')}
                </button>
              </div>
            ) : (
              <ProfileForm
                key={editing}
                profile={config.profiles.find((p) => p.id === editing) ?? emptyProfile}
                isDefault={editing === config.defaultProfile}
                onDone={(value) => {
                  setEditing(undefined);
                  if (value && scanner.state === 'ok') setSaved({ basis: scanner.data, value });
                }}
              />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
