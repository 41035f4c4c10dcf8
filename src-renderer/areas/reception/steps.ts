/**
 * The steps of receiving a dossier, in order. "receive" is this area's own; the others are the
 * workflow's steps (scan and review by the review module, finish by the finish module).
 */
import type { StepId } from '../../workflow/flow/index.js';

export const receptionSteps: readonly StepId[] = ['receive', 'scan', 'review', 'finish'];
