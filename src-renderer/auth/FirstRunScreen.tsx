/** Local mode with no account yet: the first administrator is created here and signed in. */
import { useId, useState, type FormEvent } from 'react';
import type { AuthStatus } from './auth-status.js';
import { useApi } from '../api/index.js';
import { AuthCard } from './AuthCard.js';
import { useAuthTexts } from './i18n.js';
import { useSubmit } from './use-submit.js';

export function FirstRunScreen(props: {
  passwordMinLength: number;
  onCreated(status: AuthStatus): void;
}) {
  const t = useAuthTexts();
  const api = useApi();
  const id = useId();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, error, setError, submit } = useSubmit(
    () => api.call('auth.setupAdmin', { username, displayName, password }),
    props.onCreated,
  );
  const min = props.passwordMinLength;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < min) return setError(t('passwordTooShort', { min }));
    if (password !== repeat) return setError(t('passwordsDiffer'));
    submit();
  };
  const field = (
    key: string,
    label: string,
    value: string,
    set: (v: string) => void,
    extra: Record<string, unknown> = {},
  ) => (
    <>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        name={key}
        required
        value={value}
        onChange={(e) => set(e.target.value)}
        {...extra}
      />
    </>
  );
  return (
    <AuthCard title={t('firstRunTitle')} intro={t('firstRunIntro')}>
      <form className="auth-form" onSubmit={onSubmit}>
        {field('username', t('username'), username, setUsername, {
          autoComplete: 'username',
          autoCapitalize: 'none',
          spellCheck: false,
          autoFocus: true,
        })}
        {field('displayName', t('displayName'), displayName, setDisplayName, {
          autoComplete: 'name',
        })}
        {field('password', t('newPassword', { min }), password, setPassword, {
          type: 'password',
          autoComplete: 'new-password',
        })}
        {field('repeat', t('repeatPassword'), repeat, setRepeat, {
          type: 'password',
          autoComplete: 'new-password',
        })}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('createAdmin')}
        </button>
      </form>
    </AuthCard>
  );
}
