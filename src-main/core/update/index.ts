/** Release channels and the province's update feed: checking only; installing is the app's. */
export { checkForUpdate } from './check.js';
export type { CheckOptions } from './check.js';
export { feedFileName, readFeed } from './feed.js';
export type { Release, ReleaseChannel, FeedRequest } from './feed.js';
export { FEED_TIMEOUT_MS } from './defaults.js';
export { describeUpdate } from './describe.js';
