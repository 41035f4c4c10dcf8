/**
 * Child of keys-rotate.test.ts: rotates the data key of a folder over and over (each run a full
 * `sohoa key rotate`: new key, database, blobs, old key forgotten) until it is SIGKILLed. It
 * reports "ready" once loaded so the parent's kill delays fall inside the rotations, not Node's
 * start-up.
 */
import { changeDataKey } from '../../src-main/store/index.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: keys-rotate-child DATA_DIR');
process.stdout.write('ready\n');
for (;;) {
  const report = await changeDataKey(dataDir, { mode: 'rotate' });
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
