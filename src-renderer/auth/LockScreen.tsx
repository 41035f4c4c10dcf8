/**
 * The lock screen over the clerk's work (which stays mounted, hidden and inert behind it).
 * Local mode: the signed-in clerk's password unlocks; another clerk may sign the session out.
 * OS mode: the operating system's account has no SoHoa password (the OS screen lock is IT's
 * guard), so the screen is a privacy curtain the clerk lifts with one press.
 */
import { useId, useState, type FormEvent } from 'react';
import type { AuthStatus, Clerk } from './auth-status.js';
import { useApi } from '../api/index.js';
import { AuthCard } from './AuthCard.js';
import { useAuthTexts } from './i18n.js';
import { useSubmit } from './use-submit.js';

export function LockScreen(props: {
  mode: AuthStatus['mode'];
  clerk: Clerk;
  onUnlocked(status: AuthStatus): void;
  onSignOut(): void;
}) {
  const t = useAuthTexts();
  const api = useApi();
  const id = useId();
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(
    () => api.call('auth.unlock', { password }),
    props.onUnlocked,
  );
  const { clerk } = props;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setPassword('');
    submit();
  };
  return (
    <AuthCard title={t('lockedTitle')} intro={t('lockedIntro')} modal>
      <p>
        <strong>{t('lockedAs', { name: clerk.displayName, username: clerk.username })}</strong>
      </p>
      {props.mode === 'os' ? (
        <button type="button" className="primary" autoFocus onClick={submit} disabled={busy}>
          {t('continueAs', { username: clerk.username })}
        </button>
      ) : (
        <form className="auth-form" onSubmit={onSubmit}>
          <label htmlFor={`${id}-password`}>{t('password')}</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('unlocking') : t('unlock')}
          </button>
          <button type="button" onClick={props.onSignOut}>
            {t('switchClerk')}
          </button>
        </form>
      )}
    </AuthCard>
  );
}
