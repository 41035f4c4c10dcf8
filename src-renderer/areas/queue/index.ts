export { QueueScreen } from './QueueScreen.js';
