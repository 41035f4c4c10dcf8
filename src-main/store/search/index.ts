export { SearchService } from './search.js';
export type { SearchOptions, SearchHit } from './search.js';
export { SearchIndexer, dossierSearchText } from './indexer.js';
export { toFtsQuery, parseQuery, searchTerms } from './query.js';
export type { Snippet } from './snippet.js';
