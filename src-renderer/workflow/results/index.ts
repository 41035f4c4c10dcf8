export { HandBackForm } from './HandBackForm.js';
export { ResultList } from './ResultList.js';
