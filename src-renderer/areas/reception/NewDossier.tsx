/**
 * Step 1 before a dossier exists: choose the procedure, fill in the applicant, create. The
 * procedure search has the focus first ("/" brings it back); Ctrl+Enter creates.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiQuery, type ApiError, type MethodInput } from '../../api/index.js';
import { ShortcutButton, useShortcut } from '../../keyboard/index.js';
import { updateReceptionFlow } from '../../workflow/flow/index.js';
import type { Procedure } from '../../../src-main/domain/index.js';
import { QueryState } from '../QueryState.js';
import { ApplicantForm } from './ApplicantForm.js';
import { ProcedurePicker } from './ProcedurePicker.js';
import { rememberUse } from './procedure-memory.js';

const FORM_ID = 'new-dossier-form';

export function NewDossier() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const procedures = useApiQuery('catalog.procedures', {});
  const config = useApiQuery('config.get', {}, ['config.changed']);
  const [procedure, setProcedure] = useState<Procedure>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const search = useRef<HTMLInputElement>(null);
  useShortcut('focusSearch', () => search.current?.focus());

  const create = (input: MethodInput<'dossier.create'>) => {
    setBusy(true);
    setError(undefined);
    api.call('dossier.create', input).then(
      (created) => {
        rememberUse(input.MaTTHC);
        updateReceptionFlow({ MaHoSo: created.dossier.MaHoSo, step: 'receive' });
      },
      (failure: ApiError) => {
        setBusy(false);
        setError(failure);
      },
    );
  };
  const submit = () =>
    (document.getElementById(FORM_ID) as HTMLFormElement | null)?.requestSubmit();

  return (
    <>
      <section className="card" aria-labelledby="procedure-heading">
        <h2 id="procedure-heading">{t('reception.procedure.heading')}</h2>
        <QueryState query={procedures}>
          {(list) => (
            <ProcedurePicker
              procedures={list}
              {...(procedure ? { selected: procedure } : {})}
              ref={search}
              onSelect={setProcedure}
            />
          )}
        </QueryState>
      </section>
      {procedure && (
        <section className="card" aria-labelledby="applicant-heading">
          <h2 id="applicant-heading">{t('reception.applicant.heading')}</h2>
          <p className="chosen-procedure" data-testid="chosen-procedure">
            {t('reception.procedure.chosen', {
              name: procedure.TenTTHC,
              code: procedure.MaTTHC,
            })}
            {procedure.ThoiHanGiaiQuyet !== undefined &&
              ` · ${t('reception.procedure.days', { count: procedure.ThoiHanGiaiQuyet })}`}
          </p>
          <QueryState query={config}>
            {({ config: c }) => (
              <ApplicantForm
                key={procedure.MaTTHC}
                formId={FORM_ID}
                procedure={procedure}
                agency={{
                  ...(c.agency.code ? { code: c.agency.code } : {}),
                  ...(c.agency.name ? { name: c.agency.name } : {}),
                }}
                busy={busy}
                onSubmit={create}
              />
            )}
          </QueryState>
          {error && (
            <p role="alert" className="error-text preline">
              {t('reception.createFailed', { reason: error.localized(i18n.language) })}
            </p>
          )}
          <div className="actions">
            <ShortcutButton shortcut="next" className="primary" disabled={busy} onPress={submit}>
              {t('reception.create')}
            </ShortcutButton>
          </div>
        </section>
      )}
    </>
  );
}
