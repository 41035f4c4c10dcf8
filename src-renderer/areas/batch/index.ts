export { BatchScreen } from './BatchScreen.js';
