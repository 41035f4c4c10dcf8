export { base64ToBlob, fileToBase64, openFile } from './base64.js';
