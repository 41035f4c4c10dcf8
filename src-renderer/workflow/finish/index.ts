export { FinishStep } from './FinishStep.js';
export type { FinishStepProps } from './FinishStep.js';
