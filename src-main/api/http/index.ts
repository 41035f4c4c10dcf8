export { startHttpServer } from './server.js';
export type { HttpServerOptions, RunningHttpServer } from './server.js';
export { randomToken, TOKEN_COOKIE } from './auth.js';
export { httpStatus } from './status.js';
