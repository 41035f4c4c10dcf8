/**
 * The types transports and the renderer program against. Everything here is type-only.
 */
import type { z } from 'zod';
import type { EventTable, MethodTable } from './define.js';
import type { contract } from './table.js';

export type ContractMethods = (typeof contract)['methods'];
export type ContractEvents = (typeof contract)['events'];

export type MethodName = keyof ContractMethods & string;
export type EventName = keyof ContractEvents & string;

/** What a caller sends (before defaults are applied). */
export type MethodInput<M extends MethodName> = z.input<ContractMethods[M]['input']>;
/** What a handler receives (after validation and defaults). */
export type ParsedInput<M extends MethodName> = z.output<ContractMethods[M]['input']>;
export type MethodOutput<M extends MethodName> = NonNullable<
  ContractMethods[M]['output']['__type']
>;
export type EventPayload<E extends EventName> = NonNullable<ContractEvents[E]['payload']['__type']>;

/** Helpers for one capability's table (used by handler files). */
export type InputOf<T extends MethodTable, M extends keyof T> = z.output<T[M]['input']>;
export type OutputOf<T extends MethodTable, M extends keyof T> = NonNullable<
  T[M]['output']['__type']
>;
export type PayloadOf<T extends EventTable, E extends keyof T> = NonNullable<
  T[E]['payload']['__type']
>;

/** The error both transports return (HTTP body `{ error }`; the preload rejects with it). */
export interface ApiErrorBody {
  code: string;
  message: string;
  messageVi: string;
  details?: Record<string, unknown>;
}

/** A message on the event stream (WebSocket frame, IPC message). */
export type EventMessage = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

/**
 * What the renderer talks to, whichever the transport: `window.sohoa` in Electron (preload),
 * the HTTP/WS client in browser mode. `call` rejects with an `ApiErrorBody`.
 */
export interface SohoaApi {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Returns the function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
