/** The review step's data, as the API contract declares it. */
import type { MethodOutput } from '../../api/index.js';

export type PageListing = MethodOutput<'pages.list'>;
export type ReviewComponent = PageListing['components'][number];
export type ReviewPage = ReviewComponent['pages'][number];
