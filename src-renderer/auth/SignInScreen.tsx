/** Sign-in of a clerk (local identity mode), with why it is asked for when a session ended. */
import { useId, useState, type FormEvent } from 'react';
import type { AuthStatus } from './auth-status.js';
import { useApi } from '../api/index.js';
import { AuthCard } from './AuthCard.js';
import { useAuthTexts } from './i18n.js';
import { useSubmit } from './use-submit.js';

export function SignInScreen(props: { notice?: string; onSignedIn(status: AuthStatus): void }) {
  const t = useAuthTexts();
  const api = useApi();
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(
    () => api.call('auth.signIn', { username, password }),
    props.onSignedIn,
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setPassword('');
    submit();
  };
  return (
    <AuthCard title={t('signInTitle')} intro={t('signInIntro')}>
      {props.notice && !error && (
        <p className="banner" role="status">
          {props.notice}
        </p>
      )}
      <form className="auth-form" onSubmit={onSubmit}>
        <label htmlFor={`${id}-user`}>{t('username')}</label>
        <input
          id={`${id}-user`}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor={`${id}-password`}>{t('password')}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </AuthCard>
  );
}
