/**
 * The sync client process of the kill test: the same station wiring as `sohoa sync --once`
 * (openStationSync), without loading every other command group, so each restart is quick on a
 * busy machine. Prints one line per item step, which the test uses to kill it mid-work.
 */
import { openStationSync } from '../../src-main/sync/index.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: sync-child <dataDir>');
const station = await openStationSync(dataDir, {
  onItem: (event) => process.stdout.write(`${event.code} ${event.state}\n`),
});
try {
  const state = await station.engine.runUntilIdle();
  const left = station.engine.outbox.all().length;
  process.stdout.write(`done ${state.connectivity} left=${left}\n`);
  process.exitCode = left === 0 ? 0 : 4;
} finally {
  await station.close();
}
