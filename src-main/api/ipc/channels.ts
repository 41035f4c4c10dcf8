/**
 * The two IPC channels between the Electron main process and the preload. The sandboxed preload
 * cannot load this module at run time, so it repeats the strings typed as these literal types:
 * the compiler rejects any drift.
 */
export const CALL_CHANNEL = 'sohoa:call';
export const EVENT_CHANNEL = 'sohoa:event';
export type CallChannel = typeof CALL_CHANNEL;
export type EventChannel = typeof EVENT_CHANNEL;
