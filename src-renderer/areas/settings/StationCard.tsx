/**
 * The station's place in the province: its agency (code and name, printed on receipts and used
 * as the receiving agency) and the provincial gateway (address, client id, and whether the client
 * secret is stored; an administrator sets it below, and it is never shown).
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery, type MethodOutput } from '../../api/index.js';
import { QueryState } from '../QueryState.js';
import { GatewaySecretForm, SecretStateText } from './GatewaySecretForm.js';
import { optionalKey } from './optional-key.js';
import { SaveStatus } from './SaveStatus.js';
import { useConfigSave } from './use-config-save.js';

type Config = MethodOutput<'config.get'>['config'];
const text = (v: string) => (v.trim() ? v.trim() : undefined);

type SecretState = MethodOutput<'sync.clientSecret'>;

function StationForm(props: { config: Config; secret: SecretState | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const { state, save } = useConfigSave();
  const [agencyCode, setAgencyCode] = useState(props.config.agency.code ?? '');
  const [agencyName, setAgencyName] = useState(props.config.agency.name ?? '');
  const [baseUrl, setBaseUrl] = useState(props.config.gateway.baseUrl ?? '');
  const [clientId, setClientId] = useState(props.config.gateway.clientId ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { agency, gateway } = props.config;
    save({
      agency: {
        ...optionalKey('code', text(agencyCode), agency.code),
        ...optionalKey('name', text(agencyName), agency.name),
      },
      gateway: {
        ...optionalKey('baseUrl', text(baseUrl), gateway.baseUrl),
        ...optionalKey('clientId', text(clientId), gateway.clientId),
      },
    });
  };
  const f = (s: string) => `${id}-${s}`;
  return (
    <form className="form-grid" onSubmit={submit} aria-label={t('settings.stationHeading')}>
      <label htmlFor={f('code')}>{t('settings.agencyCode')}</label>
      <input
        id={f('code')}
        placeholder="000.00.06.H56"
        value={agencyCode}
        onChange={(e) => setAgencyCode(e.target.value)}
      />
      <label htmlFor={f('name')}>{t('settings.agencyName')}</label>
      <input id={f('name')} value={agencyName} onChange={(e) => setAgencyName(e.target.value)} />
      <label htmlFor={f('url')}>{t('settings.gatewayUrl')}</label>
      <input
        id={f('url')}
        type="url"
        placeholder="https://motcua.example.gov.vn/sohoa/v1"
        value={baseUrl}
        onChange={(e) => setBaseUrl(e.target.value)}
      />
      <label htmlFor={f('client')}>{t('settings.clientId')}</label>
      <input id={f('client')} value={clientId} onChange={(e) => setClientId(e.target.value)} />
      <span className="form-label">{t('settings.clientSecret')}</span>
      <p className="field-check" data-testid="secret-state">
        <SecretStateText state={props.secret} />
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={state.kind === 'busy'}>
          {t('settings.save')}
        </button>
      </div>
      <SaveStatus state={state} />
    </form>
  );
}

export function StationCard() {
  const { t } = useTranslation();
  const view = useApiQuery('config.get', {});
  const stored = useApiQuery('sync.clientSecret', {});
  // What the last change answered, else what the core said when the screen opened.
  const [changed, setChanged] = useState<SecretState>();
  const secret = changed ?? (stored.state === 'ok' ? stored.data : undefined);
  return (
    <section className="card" aria-labelledby="settings-station">
      <h2 id="settings-station">{t('settings.stationHeading')}</h2>
      <QueryState query={view}>
        {({ config }) => <StationForm config={config} secret={secret} />}
      </QueryState>
      <GatewaySecretForm state={secret} onChanged={setChanged} />
    </section>
  );
}
