export {
  stepIds,
  useReceptionFlow,
  setReceptionFlow,
  updateReceptionFlow,
  resetReceptionFlow,
} from './reception-flow.js';
export type { ReceptionFlow, StepId } from './reception-flow.js';
