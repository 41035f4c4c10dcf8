/** The administrator's tools (accounts, retention) over the app, from the session bar. */
import { useEffect, useId, useRef } from 'react';
import { useWindowKeydown } from '../keyboard/index.js';
import { AccountsPanel } from './AccountsPanel.js';
import { useAuthTexts } from './i18n.js';
import { RetentionPanel } from './RetentionPanel.js';

export function AdminDialog(props: { passwordMinLength: number; onClose(): void }) {
  const t = useAuthTexts();
  const id = useId();
  const close = useRef<HTMLButtonElement>(null);
  const { onClose } = props;
  useEffect(() => close.current?.focus(), []);
  useWindowKeydown((event) => {
    if (event.key === 'Escape') onClose();
  });
  return (
    <div className="auth-screen">
      <section
        className="auth-card auth-admin"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
      >
        <div className="auth-admin-head">
          <h1 id={`${id}-title`}>{t('adminTitle')}</h1>
          <button type="button" ref={close} onClick={onClose}>
            {t('close')}
          </button>
        </div>
        <AccountsPanel passwordMinLength={props.passwordMinLength} />
        <RetentionPanel />
      </section>
    </div>
  );
}
