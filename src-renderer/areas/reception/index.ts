export { ReceptionScreen } from './ReceptionScreen.js';
