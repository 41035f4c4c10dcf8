/**
 * The particulars of a result paper as the clerk types them — name, result code, number (số
 * hiệu), date of issue — and how saving went, shared by the scanner and the file ways of handing
 * a paper back.
 */
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ResultParticulars {
  TenGiayTo: string;
  MaKetQua?: string;
  SoGiayTo?: string;
  NgayCap?: string;
}

/** dd/mm/yyyy or yyyy-mm-dd (the date input) → yyyyMMdd; anything else is left for the core to refuse. */
function toDay(value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return `${iso[1]}${iso[2]}${iso[3]}`;
  return value.replace(/\D/g, '');
}

export function useResultFields() {
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [number, setNumber] = useState('');
  const [issued, setIssued] = useState('');
  const particulars = (): ResultParticulars => ({
    TenGiayTo: name,
    ...(code.trim() ? { MaKetQua: code.trim() } : {}),
    ...(number.trim() ? { SoGiayTo: number.trim() } : {}),
    ...(issued ? { NgayCap: toDay(issued) } : {}),
  });
  const reset = useCallback(() => {
    setName('');
    setCode('');
    setNumber('');
    setIssued('');
  }, []);
  const values = { name, code, number, issued };
  const set = { name: setName, code: setCode, number: setNumber, issued: setIssued };
  return { values, set, particulars, reset };
}

export function ResultFields(props: {
  fields: ReturnType<typeof useResultFields>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { values, set } = props.fields;
  const f = (s: string) => `${id}-${s}`;
  return (
    <>
      <label htmlFor={f('name')}>{t('results.name')} *</label>
      <input
        id={f('name')}
        required
        disabled={props.disabled}
        value={values.name}
        onChange={(e) => set.name(e.target.value)}
      />
      <label htmlFor={f('code')}>{t('results.code')}</label>
      <input
        id={f('code')}
        disabled={props.disabled}
        value={values.code}
        onChange={(e) => set.code(e.target.value)}
      />
      <label htmlFor={f('number')}>{t('results.number')}</label>
      <input
        id={f('number')}
        disabled={props.disabled}
        value={values.number}
        onChange={(e) => set.number(e.target.value)}
      />
      <label htmlFor={f('issued')}>{t('results.issued')}</label>
      <input
        id={f('issued')}
        type="date"
        disabled={props.disabled}
        value={values.issued}
        onChange={(e) => set.issued(e.target.value)}
      />
    </>
  );
}

/** How saving went: announced politely when it worked, as an alert when it did not. */
export function SaveMessage(props: { message: { ok: boolean; text: string } | undefined }) {
  const { message } = props;
  if (!message) return null;
  return (
    <p
      role={message.ok ? 'status' : 'alert'}
      className={message.ok ? 'ok-text' : 'error-text preline'}
    >
      {message.text}
    </p>
  );
}
