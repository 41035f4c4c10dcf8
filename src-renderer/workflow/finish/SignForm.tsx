/**
 * The certificate password or the token PIN, asked at the moment of signing. It lives only in
 * this field until the finish call is sent, is cleared right after, and is never stored.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function SignForm(props: {
  provider: 'pkcs12' | 'pkcs11';
  secret: string;
  onSecret: (secret: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="sign-form">
      <label htmlFor={id}>{t(`finish.secret.${props.provider}`)}</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        aria-describedby={`${id}-hint`}
        value={props.secret}
        onChange={(e) => props.onSecret(e.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {t('finish.secretHint')}
      </p>
    </div>
  );
}
