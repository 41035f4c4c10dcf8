/**
 * Receiving a dossier once it exists: its code and facts, the stepper, and the open step.
 * The dossier is re-read whenever pages land or it changes, so counts stay true.
 */
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/index.js';
import { ShortcutButton } from '../../keyboard/index.js';
import {
  resetReceptionFlow,
  updateReceptionFlow,
  type ReceptionFlow,
  type StepId,
} from '../../workflow/flow/index.js';
import { FinishStep } from '../../workflow/finish/index.js';
import { EarlierPapers } from '../../workflow/reuse/index.js';
import { ReviewStep } from '../../workflow/review/index.js';
import { ScanStep } from '../../workflow/scan/index.js';
import { QueryState } from '../QueryState.js';
import { Checklist, type DossierDetail } from './Checklist.js';
import { DossierHeader } from './DossierHeader.js';
import { Stepper } from './Stepper.js';
import { receptionSteps } from './steps.js';

function nextActionKey(step: StepId, detail: DossierDetail) {
  if (step !== 'receive') return `reception.next.${step}` as const;
  return detail.missingRequired.length > 0
    ? ('reception.next.receiveMissing' as const)
    : ('reception.next.receiveReady' as const);
}

export function DossierFlow(props: { flow: ReceptionFlow & { MaHoSo: string } }) {
  const { t } = useTranslation();
  const { flow } = props;
  const query = useApiQuery('dossier.get', { MaHoSo: flow.MaHoSo }, [
    'dossier.changed',
    'scan.pageAcquired',
    'scan.finished',
    'pages.changed',
  ]);
  const index = receptionSteps.indexOf(flow.step);
  const next = receptionSteps[index + 1];
  // The scan step has its own Ctrl+Enter (Scan) and its own "done" button.
  const showNext = next !== undefined && flow.step !== 'scan';
  return (
    <QueryState query={query}>
      {(detail) => (
        <>
          <Stepper
            steps={receptionSteps}
            current={flow.step}
            reachable={() => true}
            onOpen={(step) => updateReceptionFlow({ step })}
            nextAction={t(nextActionKey(flow.step, detail), {
              code: detail.dossier.MaHoSo,
              count: detail.missingRequired.length,
            })}
          />
          <DossierHeader dossier={detail.dossier} />
          {flow.step === 'receive' && (
            <>
              <section className="card" aria-labelledby="checklist-heading">
                <h2 id="checklist-heading">{t('reception.checklist.heading')}</h2>
                <Checklist
                  detail={detail}
                  {...(flow.component ? { selected: flow.component } : {})}
                  onChoose={(component) => updateReceptionFlow({ component })}
                />
              </section>
              {detail.dossier.DinhDanhCHS && <EarlierPapers target={detail} />}
            </>
          )}
          {flow.step === 'scan' && (
            <ScanStep
              MaHoSo={detail.dossier.MaHoSo}
              {...(flow.component ? { MaThanhPhanHoSo: flow.component } : {})}
              onDone={() => updateReceptionFlow({ step: 'review' })}
            />
          )}
          {flow.step === 'review' && <ReviewStep MaHoSo={detail.dossier.MaHoSo} />}
          {flow.step === 'finish' && (
            <FinishStep
              MaHoSo={detail.dossier.MaHoSo}
              dossierId={detail.dossier.id}
              onScan={(component) => updateReceptionFlow({ component, step: 'scan' })}
              onReview={() => updateReceptionFlow({ step: 'review' })}
              onNew={resetReceptionFlow}
              onCodeChanged={(MaHoSo) => updateReceptionFlow({ MaHoSo })}
            />
          )}
          <div className="actions">
            {showNext && (
              <ShortcutButton
                shortcut="next"
                className="primary"
                onPress={() => updateReceptionFlow({ step: next })}
              >
                {t('reception.continueTo', { step: t(`reception.steps.${next}`) })}
              </ShortcutButton>
            )}
            {/* the finish step offers it itself, as the last thing to do */}
            {flow.step !== 'finish' && (
              <ShortcutButton shortcut="newDossier" onPress={resetReceptionFlow}>
                {t('reception.newDossier')}
              </ShortcutButton>
            )}
          </div>
        </>
      )}
    </QueryState>
  );
}
