export { ReuseControl } from './ReuseControl.js';
export type { ReuseSource } from './ReuseControl.js';
export { EarlierPapers } from './EarlierPapers.js';
export { useReuseTarget } from './use-reuse-target.js';
