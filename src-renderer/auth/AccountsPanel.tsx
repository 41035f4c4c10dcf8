/** Local accounts for administrators: add, disable/enable, unlock, reset password, role. */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, useApi, type MethodOutput } from '../api/index.js';
import { useAuthTexts } from './i18n.js';
import { useSubmit } from './use-submit.js';

type Account = MethodOutput<'accounts.list'>[number];

const counterTime = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));

export function AccountsPanel(props: { passwordMinLength: number }) {
  const t = useAuthTexts();
  const api = useApi();
  const id = useId();
  const { i18n } = useTranslation();
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [loadError, setLoadError] = useState<string | undefined>();
  const load = useCallback(() => {
    api
      .call('accounts.list', {})
      .then(setAccounts, (failure: unknown) =>
        setLoadError(
          failure instanceof ApiError ? failure.localized(i18n.language) : String(failure),
        ),
      );
  }, [api, i18n]);
  useEffect(load, [load]);
  const [message, setMessage] = useState<string | undefined>();
  const [resetting, setResetting] = useState<string | undefined>();
  const [newPassword, setNewPassword] = useState('');
  const [form, setForm] = useState({ username: '', displayName: '', role: 'clerk', password: '' });

  const refreshed = () => {
    setMessage(t('done'));
    load();
  };
  const change = useSubmit((action: () => Promise<unknown>) => action(), refreshed);
  const add = useSubmit(
    () =>
      api.call('accounts.add', {
        ...form,
        role: form.role === 'admin' ? 'admin' : 'clerk',
      }),
    () => {
      setForm({ username: '', displayName: '', role: 'clerk', password: '' });
      refreshed();
    },
  );

  const state = (a: Account) =>
    a.disabled
      ? t('stateDisabled')
      : a.lockedUntil && a.lockedUntil > new Date().toISOString()
        ? t('stateLocked', { time: counterTime(a.lockedUntil) })
        : t('stateActive');

  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    add.submit();
  };
  const onReset = (event: FormEvent, username: string) => {
    event.preventDefault();
    change.submit(() => api.call('accounts.resetPassword', { username, password: newPassword }));
    setResetting(undefined);
    setNewPassword('');
  };
  const error = change.error ?? add.error ?? loadError;

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('accountsTitle')}</h2>
      {message && !error && (
        <p className="ok-text" role="status">
          {message}
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <table className="data" aria-label={t('accountsTable')}>
        <thead>
          <tr>
            <th>{t('colUser')}</th>
            <th>{t('colName')}</th>
            <th>{t('colRole')}</th>
            <th>{t('colState')}</th>
            <th>{t('colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.username}>
              <td>{a.username}</td>
              <td>{a.displayName}</td>
              <td>{a.role === 'admin' ? t('roleAdmin') : t('roleClerk')}</td>
              <td>{state(a)}</td>
              <td className="auth-row-actions">
                <button
                  type="button"
                  onClick={() =>
                    change.submit(() =>
                      api.call('accounts.setDisabled', {
                        username: a.username,
                        disabled: !a.disabled,
                      }),
                    )
                  }
                >
                  {a.disabled ? t('enable') : t('disable')}
                </button>
                {a.lockedUntil && (
                  <button
                    type="button"
                    onClick={() =>
                      change.submit(() => api.call('accounts.unlock', { username: a.username }))
                    }
                  >
                    {t('unlockAccount')}
                  </button>
                )}
                <button
                  type="button"
                  onClick={() =>
                    change.submit(() =>
                      api.call('accounts.setRole', {
                        username: a.username,
                        role: a.role === 'admin' ? 'clerk' : 'admin',
                      }),
                    )
                  }
                >
                  {a.role === 'admin' ? t('makeClerk') : t('makeAdmin')}
                </button>
                <button type="button" onClick={() => setResetting(a.username)}>
                  {t('resetPassword')}
                </button>
                {resetting === a.username && (
                  <form onSubmit={(e) => onReset(e, a.username)}>
                    <label htmlFor={`${id}-reset`}>{t('resetFor', { username: a.username })}</label>
                    <input
                      id={`${id}-reset`}
                      type="password"
                      autoComplete="new-password"
                      minLength={props.passwordMinLength}
                      required
                      value={newPassword}
                      onChange={(e) => setNewPassword(e.target.value)}
                    />
                    <button type="submit">{t('save')}</button>
                    <button type="button" onClick={() => setResetting(undefined)}>
                      {t('cancel')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="auth-form" onSubmit={onAdd} aria-labelledby={`${id}-add`}>
        <h3 id={`${id}-add`}>{t('addAccount')}</h3>
        <label htmlFor={`${id}-user`}>{t('username')}</label>
        <input
          id={`${id}-user`}
          required
          autoCapitalize="none"
          spellCheck={false}
          value={form.username}
          onChange={(e) => setForm({ ...form, username: e.target.value })}
        />
        <label htmlFor={`${id}-name`}>{t('displayName')}</label>
        <input
          id={`${id}-name`}
          required
          value={form.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.target.value })}
        />
        <label htmlFor={`${id}-role`}>{t('role')}</label>
        <select
          id={`${id}-role`}
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value })}
        >
          <option value="clerk">{t('roleClerk')}</option>
          <option value="admin">{t('roleAdmin')}</option>
        </select>
        <label htmlFor={`${id}-password`}>
          {t('newPassword', { min: props.passwordMinLength })}
        </label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="new-password"
          required
          minLength={props.passwordMinLength}
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        <button type="submit" className="primary" disabled={add.busy}>
          {t('addAccount')}
        </button>
      </form>
    </section>
  );
}
