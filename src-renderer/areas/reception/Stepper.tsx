/**
 * Where the clerk is in receiving a dossier: the steps in order, the current one marked, the
 * done ones reachable by a click, and one sentence saying what to do now.
 */
import { useTranslation } from 'react-i18next';
import type { StepId } from '../../workflow/flow/index.js';

export function Stepper(props: {
  steps: readonly StepId[];
  current: StepId;
  /** Steps that can be opened now (the dossier exists for all but the first). */
  reachable: (step: StepId) => boolean;
  onOpen: (step: StepId) => void;
  nextAction: string;
}) {
  const { t } = useTranslation();
  const index = props.steps.indexOf(props.current);
  return (
    <nav className="stepper" aria-label={t('reception.steps.label')}>
      <ol>
        {props.steps.map((step, i) => (
          <li key={step} data-done={i < index || undefined}>
            <button
              type="button"
              aria-current={step === props.current ? 'step' : undefined}
              disabled={!props.reachable(step)}
              aria-label={t('reception.steps.numbered', {
                n: i + 1,
                name: t(`reception.steps.${step}`),
              })}
              onClick={() => props.onOpen(step)}
            >
              <span className="step-number" aria-hidden="true">
                {i + 1}
              </span>
              {t(`reception.steps.${step}`)}
            </button>
          </li>
        ))}
      </ol>
      <p className="next-action" role="status" aria-live="polite">
        {props.nextAction}
      </p>
    </nav>
  );
}
