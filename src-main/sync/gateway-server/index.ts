export { startGateway } from './server.js';
export type { RunningGateway } from './server.js';
export { DEFAULT_AGENCY, FaultOptions, GatewayCredential } from './options.js';
export type { GatewayOptionsInput } from './options.js';
export type { GatewayRepository } from './repository.js';
