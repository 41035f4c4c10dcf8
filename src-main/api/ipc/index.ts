export { serveIpc } from './transport.js';
export type { CallEnvelope, IpcTransportOptions } from './transport.js';
export { CALL_CHANNEL, EVENT_CHANNEL } from './channels.js';
export type { CallChannel, EventChannel } from './channels.js';
