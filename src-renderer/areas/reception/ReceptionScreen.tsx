/**
 * The Tiếp nhận area: a new dossier's form until it is created, then the dossier's steps.
 */
import { useTranslation } from 'react-i18next';
import { useReceptionFlow, stepIds } from '../../workflow/flow/index.js';
import { DossierFlow } from './DossierFlow.js';
import { NewDossier } from './NewDossier.js';
import { Stepper } from './Stepper.js';
import { receptionSteps } from './steps.js';

export function ReceptionScreen() {
  const { t } = useTranslation();
  const flow = useReceptionFlow();
  if (flow.MaHoSo) return <DossierFlow flow={{ ...flow, MaHoSo: flow.MaHoSo }} />;
  return (
    <>
      <Stepper
        steps={receptionSteps}
        current={stepIds[0]}
        reachable={(step) => step === stepIds[0]}
        onOpen={() => undefined}
        nextAction={t('reception.next.new')}
      />
      <NewDossier />
    </>
  );
}
