/**
 * "Dùng lại" for one earlier document or result paper: pick the component of the dossier being
 * received and copy it there (the core copies references to the same files; nothing is
 * re-scanned). Without a dossier in reception, it says how to get one.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, type ApiError, type MethodOutput } from '../../api/index.js';

type DossierDetail = MethodOutput<'dossier.get'>;
export type ReuseSource =
  { kind: 'document'; documentId: number } | { kind: 'result'; resultId: number };

export function ReuseControl(props: {
  source: ReuseSource;
  /** What is reused, for the accessible names. */
  title: string;
  /** The dossier being received, if any. */
  target: DossierDetail | undefined;
  /** Preselected component (same MaThanhPhanHoSo as the source, when the target has it). */
  suggested?: string;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const id = useId();
  const components = props.target?.components ?? [];
  const initial =
    components.find((c) => c.MaThanhPhanHoSo === props.suggested)?.MaThanhPhanHoSo ??
    components[0]?.MaThanhPhanHoSo ??
    '';
  const [component, setComponent] = useState(initial);
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'busy' }
    | { kind: 'done'; name: string }
    | { kind: 'error'; error: ApiError }
  >({ kind: 'idle' });

  if (!props.target) return <p className="hint">{t('reuse.noTarget')}</p>;
  const target = props.target;
  const reuse = () => {
    setState({ kind: 'busy' });
    api
      .call('dossier.reuse', {
        MaHoSo: target.dossier.MaHoSo,
        MaThanhPhanHoSo: component,
        from: props.source,
      })
      .then(
        () =>
          setState({
            kind: 'done',
            name:
              components.find((c) => c.MaThanhPhanHoSo === component)?.TenThanhPhanHoSo ??
              component,
          }),
        (error: ApiError) => setState({ kind: 'error', error }),
      );
  };
  return (
    <div className="reuse-control">
      <label htmlFor={id}>{t('reuse.into', { code: target.dossier.MaHoSo })}</label>
      <select id={id} value={component} onChange={(e) => setComponent(e.target.value)}>
        {components.map((c) => (
          <option key={c.id} value={c.MaThanhPhanHoSo}>
            {c.TenThanhPhanHoSo}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={state.kind === 'busy' || !component}
        aria-label={t('reuse.action', { title: props.title })}
        onClick={reuse}
      >
        {t('reuse.button')}
      </button>
      {state.kind === 'done' && (
        <span role="status" className="ok-text">
          {t('reuse.done', { component: state.name, code: target.dossier.MaHoSo })}
        </span>
      )}
      {state.kind === 'error' && (
        <span role="alert" className="error-text">
          {state.error.localized(i18n.language)}
        </span>
      )}
    </div>
  );
}
