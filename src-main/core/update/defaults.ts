/** A feed that does not answer within this time is reported unreachable, not waited for. */
export const FEED_TIMEOUT_MS = 15_000;
