export { Core, createCore } from './core.js';
export type { CoreOptions } from './core.js';
export { defineService } from './service.js';
export type { ServiceDefinition } from './service.js';
export { EventHub } from './events.js';
export type { EventListener } from './events.js';
