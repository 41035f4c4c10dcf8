/**
 * The gateway's client secret: whether one is stored (never the secret: the core does not give it
 * back), and for an administrator a field to set or replace it and a button to remove it. The
 * core keeps it in the keychain and the running sync engine takes it up at once.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiQuery, type ApiError, type MethodOutput } from '../../api/index.js';
import { useSecretTexts } from './secret-i18n.js';

type SecretState = MethodOutput<'sync.clientSecret'>;

export function SecretStateText(props: { state: SecretState | undefined }) {
  const t = useSecretTexts();
  if (!props.state) return null;
  return (
    <>
      {props.state.stored ? t('stored') : t('missing')}
      {props.state.fromEnvironment && ` ${t('fromEnvironment')}`}
    </>
  );
}

export function GatewaySecretForm(props: {
  state: SecretState | undefined;
  onChanged: (state: SecretState) => void;
}) {
  const t = useSecretTexts();
  const { i18n } = useTranslation();
  const api = useApi();
  const id = useId();
  const auth = useApiQuery('auth.status', {});
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const admin = auth.state === 'ok' && auth.data.clerk?.role === 'admin';

  const change = async (next: string | null) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const { configured, ...state } = await api.call('sync.setClientSecret', { secret: next });
      props.onChanged(state);
      setSecret('');
      const done = next === null ? 'cleared' : configured ? 'saved' : 'savedNotConfigured';
      setMessage({ ok: true, text: t(done) });
    } catch (error) {
      setMessage({ ok: false, text: (error as ApiError).localized(i18n.language) });
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void change(secret);
  };
  const clear = () => {
    if (window.confirm(t('confirmClear'))) void change(null);
  };

  if (auth.state !== 'ok') return null;
  return (
    <form className="form-grid" onSubmit={submit} aria-label={t('formLabel')}>
      {admin ? (
        <>
          <label htmlFor={`${id}-secret`}>{t('newSecret')}</label>
          <input
            id={`${id}-secret`}
            type="password"
            autoComplete="off"
            required
            minLength={8}
            maxLength={512}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('save')}
            </button>
            {props.state?.stored && (
              <button type="button" onClick={clear} disabled={busy}>
                {t('clear')}
              </button>
            )}
          </div>
        </>
      ) : (
        <p className="hint">{t('adminOnly')}</p>
      )}
      {message && (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'ok-text' : 'error-text preline'}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
