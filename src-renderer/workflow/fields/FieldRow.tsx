/**
 * One value read off a page: the value (choosing it shows it on the page), where it came from,
 * how sure the reading is, and — for the applicant's fields — what to do with it. When the
 * applicant already has another value, both are shown and the clerk picks one.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, type ApiError } from '../../api/index.js';
import { displayValue, useKindName, useTargetName } from './names.js';
import type { ApplicantTarget, ExtractedField } from './types.js';

export type Outcome =
  | { kind: 'used'; target: ApplicantTarget; value: string }
  | { kind: 'kept'; target: ApplicantTarget }
  | { kind: 'error'; error: ApiError };

export function FieldRow(props: {
  MaHoSo: string;
  field: ExtractedField;
  editable: boolean;
  shown: boolean;
  onShow: () => void;
  /** What came of the clerk's decision, shown (in the current language) by the panel. */
  onOutcome: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const kindName = useKindName();
  const targetName = useTargetName();
  const id = useId();
  const [comparing, setComparing] = useState(false);
  const [busy, setBusy] = useState(false);
  // the buttons that take the focus back when the question closes (the clicked one may be gone)
  const showButton = useRef<HTMLButtonElement>(null);
  const useButton = useRef<HTMLButtonElement>(null);
  /** Where the focus goes once the question closes: back to Use if put off, else the value. */
  const refocus = useRef<'use' | 'show'>(undefined);
  useEffect(() => {
    if (comparing || !refocus.current) return;
    (refocus.current === 'use' ? useButton.current : showButton.current)?.focus();
    refocus.current = undefined;
  }, [comparing]);
  const { field } = props;
  const target = field.target;
  const value = displayValue(field);
  const place = t('fields.page', {
    n: field.pageIndex + 1,
    component: field.TenThanhPhanHoSo,
  });

  const decide = async (decision: 'use' | 'keep') => {
    if (!target) return;
    setBusy(true);
    try {
      await api.call('dossier.decideField', {
        MaHoSo: props.MaHoSo,
        fieldId: field.id,
        value: field.value,
        decision,
      });
      // the Use button goes once the applicant has the value: keep the focus on the row
      if (comparing) refocus.current = 'show';
      else showButton.current?.focus();
      setComparing(false);
      props.onOutcome(
        decision === 'use'
          ? { kind: 'used', target, value: field.proposed ?? field.value }
          : { kind: 'kept', target },
      );
    } catch (error) {
      props.onOutcome({ kind: 'error', error: error as ApiError });
    } finally {
      setBusy(false);
    }
  };

  const differs = field.current !== undefined && field.status !== 'same';
  const canUse = props.editable && field.valid && target !== undefined && field.status !== 'same';

  return (
    <li
      className={[
        'fields-item',
        field.status === 'open' && field.valid ? 'fields-open' : '',
        props.shown ? 'fields-shown' : '',
      ].join(' ')}
      data-field-id={field.id}
      data-kind={field.kind}
    >
      <button
        ref={showButton}
        type="button"
        className="fields-show"
        aria-pressed={props.shown}
        aria-label={t('fields.show', { kind: kindName(field.kind), value, place })}
        onClick={props.onShow}
      >
        <span className="fields-value">{value}</span>
      </button>
      <span className="fields-meta">
        {place} · {t('fields.confidence', { percent: Math.round(field.confidence * 100) })}
      </span>
      {!field.valid && <span className="fields-invalid">{t('fields.invalid')}</span>}
      {target && field.status && field.status !== 'open' && (
        <span className={`fields-state-${field.status}`}>
          {t(`fields.status.${field.status}`, { target: targetName(target) })}
        </span>
      )}
      {canUse && !comparing && (
        <button
          ref={useButton}
          type="button"
          className={field.status === 'open' ? 'primary' : undefined}
          disabled={busy}
          aria-label={t('fields.useFor', { kind: kindName(field.kind), value })}
          onClick={() => (differs ? setComparing(true) : void decide('use'))}
        >
          {t('fields.use')}
        </button>
      )}
      {comparing && target && (
        <Compare
          id={id}
          target={targetName(target)}
          typed={field.current ?? ''}
          scanned={field.proposed ?? field.value}
          busy={busy}
          onUse={() => void decide('use')}
          onKeep={() => void decide('keep')}
          onCancel={() => {
            refocus.current = 'use';
            setComparing(false);
          }}
        />
      )}
    </li>
  );
}

/** What was typed against what was scanned; the clerk chooses, Escape puts the question off. */
function Compare(props: {
  id: string;
  target: string;
  typed: string;
  scanned: string;
  busy: boolean;
  onUse: () => void;
  onKeep: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      className="fields-compare"
      role="group"
      aria-labelledby={`${props.id}-compare`}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        props.onCancel();
      }}
    >
      <p id={`${props.id}-compare`}>{t('fields.differs', { target: props.target })}</p>
      <dl>
        <dt>{t('fields.typed')}</dt>
        <dd data-role="typed">{props.typed}</dd>
        <dt>{t('fields.scanned')}</dt>
        <dd data-role="scanned">{props.scanned}</dd>
      </dl>
      <div className="actions">
        <button
          type="button"
          ref={first}
          className="primary"
          disabled={props.busy}
          onClick={props.onUse}
        >
          {t('fields.replace')}
        </button>
        <button type="button" disabled={props.busy} onClick={props.onKeep}>
          {t('fields.keep')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('fields.cancel')}
        </button>
      </div>
    </div>
  );
}
