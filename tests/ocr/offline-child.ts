/**
 * Run by offline.test.ts under the deny-network preload: first proves the guard is live in this
 * thread, then recognises the given image with a fresh data directory and prints the result.
 */
import { OcrEngine } from '../../src-main/ocr/index.js';

const [dataDir, image] = process.argv.slice(2);
if (!dataDir || !image) throw new Error('usage: offline-child <dataDir> <image>');
const guard = await (async () => fetch('http://127.0.0.1:9/'))().then(
  () => 'open',
  (error: unknown) => String(error),
);
const engine = await OcrEngine.start({ dataDir, workers: 1 });
try {
  const page = await engine.recognize(image);
  process.stdout.write(JSON.stringify({ guard, text: page.text }));
} finally {
  await engine.close();
}
