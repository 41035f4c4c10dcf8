/**
 * The signing certificate: none, a PKCS#12 file, or a USB token (PKCS#11 module and slot), and
 * whether signed copies carry the visible "bản sao điện tử" stamp. The password or PIN is asked
 * at each signature, never here.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery, type MethodOutput } from '../../api/index.js';
import { QueryState } from '../QueryState.js';
import { optionalKey } from './optional-key.js';
import { SaveStatus } from './SaveStatus.js';
import { useConfigSave } from './use-config-save.js';

type Signing = MethodOutput<'config.get'>['config']['signing'];
const providers = ['none', 'pkcs12', 'pkcs11'] as const;
const text = (v: string) => (v.trim() ? v.trim() : undefined);

function SigningForm(props: { signing: Signing }) {
  const { t } = useTranslation();
  const id = useId();
  const { state, save } = useConfigSave();
  const [provider, setProvider] = useState(props.signing.provider);
  const [file, setFile] = useState(props.signing.pkcs12File ?? '');
  const [module, setModule] = useState(props.signing.pkcs11Module ?? '');
  const [slot, setSlot] = useState(props.signing.pkcs11Slot?.toString() ?? '');
  const [stamp, setStamp] = useState(props.signing.visibleStamp);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const was = props.signing;
    save({
      signing: {
        provider,
        visibleStamp: stamp,
        ...optionalKey(
          'pkcs12File',
          provider === 'pkcs12' ? text(file) : undefined,
          was.pkcs12File,
        ),
        ...optionalKey(
          'pkcs11Module',
          provider === 'pkcs11' ? text(module) : undefined,
          was.pkcs11Module,
        ),
        ...optionalKey(
          'pkcs11Slot',
          provider === 'pkcs11' && slot.trim() ? Number(slot) : undefined,
          was.pkcs11Slot,
        ),
      },
    });
  };
  const f = (s: string) => `${id}-${s}`;
  return (
    <form className="form-grid" onSubmit={submit} aria-label={t('settings.signingHeading')}>
      <label htmlFor={f('provider')}>{t('settings.signingProvider')}</label>
      <select
        id={f('provider')}
        value={provider}
        onChange={(e) => setProvider(e.target.value as Signing['provider'])}
      >
        {providers.map((p) => (
          <option key={p} value={p}>
            {t(`settings.signingProviders.${p}`)}
          </option>
        ))}
      </select>
      {provider === 'pkcs12' && (
        <>
          <label htmlFor={f('file')}>{t('settings.pkcs12File')}</label>
          <input
            id={f('file')}
            placeholder="/etc/sohoa/chung-thu.p12"
            value={file}
            onChange={(e) => setFile(e.target.value)}
          />
        </>
      )}
      {provider === 'pkcs11' && (
        <>
          <label htmlFor={f('module')}>{t('settings.pkcs11Module')}</label>
          <input
            id={f('module')}
            placeholder="/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"
            value={module}
            onChange={(e) => setModule(e.target.value)}
          />
          <label htmlFor={f('slot')}>{t('settings.pkcs11Slot')}</label>
          <input
            id={f('slot')}
            inputMode="numeric"
            value={slot}
            onChange={(e) => setSlot(e.target.value)}
          />
        </>
      )}
      <span className="form-label">{t('settings.stamp')}</span>
      <label className="checkbox">
        <input type="checkbox" checked={stamp} onChange={(e) => setStamp(e.target.checked)} />{' '}
        {t('settings.stampHelp')}
      </label>
      <p className="field-check">{t('settings.secretNever')}</p>
      <div className="actions">
        <button type="submit" className="primary" disabled={state.kind === 'busy'}>
          {t('settings.save')}
        </button>
      </div>
      <SaveStatus state={state} />
    </form>
  );
}

export function SigningCard() {
  const { t } = useTranslation();
  const view = useApiQuery('config.get', {});
  return (
    <section className="card" aria-labelledby="settings-signing">
      <h2 id="settings-signing">{t('settings.signingHeading')}</h2>
      <QueryState query={view}>
        {({ config }) => <SigningForm signing={config.signing} />}
      </QueryState>
    </section>
  );
}
