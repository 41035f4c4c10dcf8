/**
 * The contract's view of the core's event hub: `emit` accepts only declared events with their
 * declared payloads. Services and handlers publish through it; transports forward what arrives.
 */
import type { Core } from '../core/index.js';
import {
  contract,
  type EventMessage,
  type EventName,
  type EventPayload,
} from './contract/index.js';

export interface ContractEmitter {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export function contractEmitter(core: Core): ContractEmitter {
  return { emit: (event, payload) => core.events.publish(event, payload) };
}

export function isContractEvent(name: string): name is EventName {
  return Object.hasOwn(contract.events, name);
}

/** Delivers every contract event published on the core to `deliver`; returns the unsubscribe. */
export function forwardEvents(core: Core, deliver: (message: EventMessage) => void): () => void {
  return core.events.subscribe((event, payload) => {
    if (isContractEvent(event)) deliver({ event, payload } as EventMessage);
    else core.log.warn({ event }, 'event not declared in the API contract was not forwarded');
  });
}
