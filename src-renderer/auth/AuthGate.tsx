/**
 * Who is at the counter, around the whole app. In `local` identity mode nothing of the app
 * shows until a clerk signs in (or, at first run, creates the administrator); in `os` mode the
 * OS account is the clerk and the app shows at once. In both, the screen locks after the
 * configured idle time: the app stays mounted behind the lock (hidden and inert), so unlocking
 * continues exactly where the clerk was. Any screen's call that finds the session gone or locked
 * brings the gate back to sign-in or to the lock.
 */
import { Fragment, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProvider, useApi } from '../api/index.js';
import { KeysBlockedContext } from '../keyboard/index.js';
import type { AuthStatus } from './auth-status.js';
import { AdminDialog } from './AdminDialog.js';
import { FirstRunScreen } from './FirstRunScreen.js';
import { useAuthTexts } from './i18n.js';
import { LockScreen } from './LockScreen.js';
import { SessionBar } from './SessionBar.js';
import { watchSession } from './session-watch.js';
import { SignInScreen } from './SignInScreen.js';
import { useIdle } from './use-idle.js';
import './auth.css';

type GateState = { kind: 'checking' } | { kind: 'unknown' } | { kind: 'known'; status: AuthStatus };

export function AuthGate(props: { children: ReactNode }) {
  const t = useAuthTexts();
  const { i18n } = useTranslation();
  const api = useApi();
  const [state, setState] = useState<GateState>({ kind: 'checking' });
  // Why sign-in is asked for again (session expired, account disabled…).
  const [notice, setNotice] = useState<string | undefined>();
  // OS mode: the curtain is the renderer's alone (there is no password to check).
  const [curtain, setCurtain] = useState(false);
  const [adminOpen, setAdminOpen] = useState(false);

  const known = (status: AuthStatus) => setState({ kind: 'known', status });
  const refresh = useCallback(() => {
    api.call('auth.status', {}).then(
      (status) => setState({ kind: 'known', status }),
      // The core refused this page (browser mode without the token) or is down: the app
      // itself says so, as it does without sign-in.
      () => setState({ kind: 'unknown' }),
    );
  }, [api]);
  useEffect(refresh, [refresh]);

  const watched = useMemo(
    () =>
      watchSession(api, (error) => {
        if (error.code !== 'SESSION_LOCKED') setNotice(error.localized(i18n.language));
        refresh();
      }),
    [api, refresh, i18n],
  );

  const status = state.kind === 'known' ? state.status : undefined;
  const clerk = status?.clerk ?? null;
  const locked = (status?.locked ?? false) || curtain;

  const lock = useCallback(() => {
    if (status?.mode !== 'local') return setCurtain(true);
    api.call('auth.lock', {}).then(known, refresh);
  }, [api, status?.mode, refresh]);
  const signOut = () => {
    setCurtain(false);
    setAdminOpen(false);
    setNotice(undefined);
    api.call('auth.signOut', {}).then(known, refresh);
  };
  useIdle(status?.idleLockSeconds ?? 0, clerk !== null && !locked, lock);

  if (state.kind === 'checking') return <p className="auth-checking">{t('checking')}</p>;
  if (state.kind === 'unknown') return <>{props.children}</>;
  const { status: current } = state;
  if (current.mode === 'local' && current.firstRun)
    return <FirstRunScreen passwordMinLength={current.passwordMinLength} onCreated={known} />;
  if (current.clerk === null)
    return (
      <SignInScreen
        {...(notice ? { notice } : {})}
        onSignedIn={(signedIn) => {
          setNotice(undefined);
          known(signedIn);
        }}
      />
    );

  return (
    <ApiProvider transport={watched}>
      <div className={`auth-shell ${current.mode}`}>
        {current.mode === 'local' && (
          <SessionBar
            clerk={current.clerk}
            onAdmin={() => setAdminOpen(true)}
            onLock={lock}
            onSignOut={signOut}
          />
        )}
        <div
          className="auth-app"
          inert={locked || adminOpen}
          aria-hidden={locked || undefined}
          data-locked={locked}
        >
          {/* Another clerk starts with a fresh app, never with the previous one's work. */}
          <KeysBlockedContext.Provider value={locked || adminOpen}>
            <Fragment key={current.clerk.username}>{props.children}</Fragment>
          </KeysBlockedContext.Provider>
        </div>
        {adminOpen && !locked && current.clerk.role === 'admin' && (
          <AdminDialog
            passwordMinLength={current.passwordMinLength}
            onClose={() => setAdminOpen(false)}
          />
        )}
        {locked && (
          <LockScreen
            mode={current.mode}
            clerk={current.clerk}
            onUnlocked={(unlocked) => {
              setCurtain(false);
              known(unlocked);
            }}
            onSignOut={signOut}
          />
        )}
      </div>
    </ApiProvider>
  );
}
