export { SearchScreen } from './SearchScreen.js';
