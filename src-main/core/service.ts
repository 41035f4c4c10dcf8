/**
 * How a capability hands a service to the core: `defineService` once in its own module, then
 * `core.use(definition)` wherever it is needed. The core creates each service on first use, one
 * per data directory, and disposes of them in reverse order on close, so no central list of
 * services has to be edited when a capability is added. A service that uses another while being
 * created is closed before it.
 */
import type { Core } from './core.js';

export interface ServiceDefinition<T> {
  /** For logs and errors. */
  readonly name: string;
  create(core: Core): T;
  dispose?(service: T): void | Promise<void>;
}

export function defineService<T>(definition: ServiceDefinition<T>): ServiceDefinition<T> {
  return definition;
}
