/** The identity types the screens use, as the contract declares them. */
import type { MethodOutput } from '../api/index.js';

export type AuthStatus = MethodOutput<'auth.status'>;
export type Clerk = NonNullable<AuthStatus['clerk']>;
