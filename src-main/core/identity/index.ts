/** Clerk identity (issue #12): sign-in, sessions, lock, roles and local accounts. */
export { IdentityService } from './identity-service.js';
export type { IdentityDeps, NewAccount, SessionGrant } from './identity-service.js';
export { identityService } from './service.js';
export { accessFor } from './access.js';
export type { Access } from './access.js';
