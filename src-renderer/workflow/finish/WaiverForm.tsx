/** Records why a required component is not handed in (the reason is printed on the receipt). */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export function WaiverForm(props: {
  componentName: string;
  busy: boolean;
  onWaive: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onWaive(reason);
  };
  return (
    <form className="waiver-form" onSubmit={submit}>
      <label htmlFor={id}>{t('finish.waiverReason', { name: props.componentName })}</label>
      <input
        id={id}
        required
        minLength={3}
        autoFocus
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" disabled={props.busy || reason.trim().length < 3}>
        {t('finish.waiverSave')}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('finish.cancel')}
      </button>
    </form>
  );
}
