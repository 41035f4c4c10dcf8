/** Who is signed in (local mode), with lock and sign-out at hand. */
import type { Clerk } from './auth-status.js';
import { useAuthTexts } from './i18n.js';

export function SessionBar(props: {
  clerk: Clerk;
  onAdmin(): void;
  onLock(): void;
  onSignOut(): void;
}) {
  const t = useAuthTexts();
  const { clerk } = props;
  return (
    <div className="auth-session-bar" role="region" aria-label={t('sessionBar')}>
      <span data-testid="signed-in-clerk">
        {t('clerk', { name: clerk.displayName })}
        {clerk.role === 'admin' && ` · ${t('roleAdmin')}`}
      </span>
      {clerk.role === 'admin' && (
        <button type="button" onClick={props.onAdmin}>
          {t('admin')}
        </button>
      )}
      <button type="button" onClick={props.onLock}>
        {t('lockNow')}
      </button>
      <button type="button" onClick={props.onSignOut}>
        {t('signOut')}
      </button>
    </div>
  );
}
