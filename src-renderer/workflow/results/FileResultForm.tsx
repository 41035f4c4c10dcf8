/**
 * A result paper scanned elsewhere: its particulars and the file (PDF, PNG or JPEG up to 3 MB),
 * stored as it is into the dossier, filed under the owner for later reuse.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, type ApiError } from '../../api/index.js';
import { fileToBase64 } from '../../files/index.js';
import { ResultFields, SaveMessage, useResultFields } from './ResultFields.js';

const MAX_BYTES = 3 * 1024 * 1024;

export function FileResultForm(props: { MaHoSo: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const fields = useResultFields();
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
        ...fields.particulars(),
        file: await fileToBase64(file),
      });
      setMessage({ ok: true, text: t('results.saved', { name: saved.TenGiayTo }) });
      fields.reset();
      if (fileInput.current) fileInput.current.value = '';
    } catch (error) {
      setMessage({ ok: false, text: (error as ApiError).localized(i18n.language) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form-grid"
      onSubmit={(e) => void submit(e)}
      aria-label={t('results.formLabel')}
    >
      <ResultFields fields={fields} />
      <label htmlFor={`${id}-file`}>{t('results.file')} *</label>
      <input
        id={`${id}-file`}
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
      <SaveMessage message={message} />
    </form>
  );
}
