/**
 * The API: the contract (types for the renderer), the dispatcher every transport uses, and the
 * transports themselves (HTTP/WS here; Electron IPC in ./ipc).
 */
export { contract } from './contract/index.js';
export type * from './contract/types.js';
export type { AppInfo, ConfigView } from './contract/index.js';
export { createDispatcher, isMethodName } from './dispatch.js';
export type { Dispatch } from './dispatch.js';
export { contractEmitter, forwardEvents, isContractEvent } from './events.js';
export type { ContractEmitter } from './events.js';
export type { Handler, HandlerContext, Handlers, Transport } from './handler.js';
export { rendererCsp } from './csp.js';
export { startBackgroundServices } from './background.js';
export { startHttpServer, randomToken, TOKEN_COOKIE, httpStatus } from './http/index.js';
export type { HttpServerOptions, RunningHttpServer } from './http/index.js';
export { serveIpc, CALL_CHANNEL, EVENT_CHANNEL } from './ipc/index.js';
export type { CallEnvelope, IpcTransportOptions, CallChannel, EventChannel } from './ipc/index.js';
