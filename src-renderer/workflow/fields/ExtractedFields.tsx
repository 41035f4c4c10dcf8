/**
 * "Thông tin trích xuất": every value read off the dossier's pages, by kind, with its page and
 * confidence; choosing one shows where it was printed. A value that describes the applicant
 * (CCCD, name, phone) can fill in the applicant — when it differs from what was typed at
 * reception, both are shown and the clerk chooses. What the clerk decided is remembered by the
 * core, so a value is asked about once.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/index.js';
import { FieldRow, type Outcome } from './FieldRow.js';
import { useKindName, useTargetName } from './names.js';
import type { ExtractedField } from './types.js';
import './fields.css';

export function ExtractedFields(props: {
  MaHoSo: string;
  /** The field the preview shows, if any. */
  shown: ExtractedField | undefined;
  onShow: (field: ExtractedField) => void;
}) {
  const { t, i18n } = useTranslation();
  const kindName = useKindName();
  const targetName = useTargetName();
  const [outcome, setOutcome] = useState<Outcome>();
  // fields change when a page is read (again) or removed, and when the applicant changes
  const query = useApiQuery('dossier.fields', { MaHoSo: props.MaHoSo }, [
    'pipeline.pageProcessed',
    'pages.changed',
    'dossier.changed',
  ]);

  return (
    <section className="card fields-panel" aria-labelledby="fields-title">
      <h3 id="fields-title">{t('fields.heading')}</h3>
      {query.state === 'loading' && <p aria-busy="true">{t('fields.loading')}</p>}
      {query.state === 'error' && (
        <p role="alert" className="error-text">
          {t('fields.failed', { reason: query.error.localized(i18n.language) })}
        </p>
      )}
      {query.state === 'ok' &&
        (() => {
          const { groups, editable } = query.data;
          const open = groups
            .flatMap((g) => g.fields)
            .filter((f) => f.status === 'open' && f.valid).length;
          return (
            <>
              <p className="muted">
                {groups.length === 0
                  ? t('fields.none')
                  : !editable
                    ? t('fields.readOnly')
                    : open > 0
                      ? t('fields.toConfirm', { count: open })
                      : t('fields.allConfirmed')}
              </p>
              <p role="status">
                {outcome?.kind === 'used'
                  ? t('fields.used', { target: targetName(outcome.target), value: outcome.value })
                  : outcome?.kind === 'kept'
                    ? t('fields.kept', { target: targetName(outcome.target) })
                    : ''}
              </p>
              {outcome?.kind === 'error' && (
                <p role="alert" className="error-text">
                  {t('fields.decideFailed', { reason: outcome.error.localized(i18n.language) })}
                </p>
              )}
              {groups.map((group) => (
                <section
                  key={group.kind}
                  className="fields-group"
                  aria-labelledby={`fields-kind-${group.kind}`}
                >
                  <h4 id={`fields-kind-${group.kind}`}>{kindName(group.kind)}</h4>
                  <ul className="fields-list">
                    {group.fields.map((field) => (
                      <FieldRow
                        key={field.id}
                        MaHoSo={props.MaHoSo}
                        field={field}
                        editable={editable}
                        shown={props.shown?.id === field.id}
                        onShow={() => props.onShow(field)}
                        onOutcome={setOutcome}
                      />
                    ))}
                  </ul>
                </section>
              ))}
            </>
          );
        })()}
    </section>
  );
}
