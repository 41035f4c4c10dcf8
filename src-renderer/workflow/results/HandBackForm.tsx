/**
 * Handing back the results: the clerk digitizes each result paper (giấy tờ kết quả) the citizen
 * collects — its result code, name, number and date of issue, and the scanned file (PDF, PNG
 * or JPEG up to 3 MB) — into the dossier, filed under the owner for later reuse.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, type ApiError } from '../../api/index.js';
import { fileToBase64 } from '../../files/index.js';

const MAX_BYTES = 3 * 1024 * 1024;

/** dd/mm/yyyy or yyyy-mm-dd (the date input) → yyyyMMdd; anything else is left for the core to refuse. */
function toDay(value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return `${iso[1]}${iso[2]}${iso[3]}`;
  return value.replace(/\D/g, '');
}

export function HandBackForm(props: { MaHoSo: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [number, setNumber] = useState('');
  const [issued, setIssued] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return setMessage({ ok: false, text: t('results.needFile') });
    if (file.size > MAX_BYTES) return setMessage({ ok: false, text: t('results.tooLarge') });
    setBusy(true);
    setMessage(undefined);
    try {
      const saved = await api.call('dossier.addResult', {
        MaHoSo: props.MaHoSo,
        TenGiayTo: name,
        file: await fileToBase64(file),
        ...(code.trim() ? { MaKetQua: code.trim() } : {}),
        ...(number.trim() ? { SoGiayTo: number.trim() } : {}),
        ...(issued ? { NgayCap: toDay(issued) } : {}),
      });
      setMessage({ ok: true, text: t('results.saved', { name: saved.TenGiayTo }) });
      setCode('');
      setName('');
      setNumber('');
      setIssued('');
      if (fileInput.current) fileInput.current.value = '';
    } catch (error) {
      setMessage({ ok: false, text: (error as ApiError).localized(i18n.language) });
    } finally {
      setBusy(false);
    }
  };

  const f = (s: string) => `${id}-${s}`;
  return (
    <form
      className="form-grid"
      onSubmit={(e) => void submit(e)}
      aria-label={t('results.formLabel')}
    >
      <label htmlFor={f('name')}>{t('results.name')} *</label>
      <input id={f('name')} required value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={f('code')}>{t('results.code')}</label>
      <input id={f('code')} value={code} onChange={(e) => setCode(e.target.value)} />
      <label htmlFor={f('number')}>{t('results.number')}</label>
      <input id={f('number')} value={number} onChange={(e) => setNumber(e.target.value)} />
      <label htmlFor={f('issued')}>{t('results.issued')}</label>
      <input
        id={f('issued')}
        type="date"
        value={issued}
        onChange={(e) => setIssued(e.target.value)}
      />
      <label htmlFor={f('file')}>{t('results.file')} *</label>
      <input
        id={f('file')}
        ref={fileInput}
        type="file"
        required
        accept="application/pdf,image/png,image/jpeg"
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('results.save')}
        </button>
      </div>
      {message && (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'ok-text' : 'error-text preline'}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
