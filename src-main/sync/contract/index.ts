export * from './schemas.js';
export { toTimestamp14, dayOf } from './timestamp.js';
