/**
 * Browser mode starts the sync engine's loop by itself once the station is configured: a
 * dossier queued before `sohoa serve` starts reaches the gateway with no API call and no
 * `sohoa sync` run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/index.js';
import { OutboxStore, startGateway } from '../../src-main/sync/index.js';
import type { RunningGateway } from '../../src-main/sync/index.js';
import { startServe } from '../e2e/harness/server.js';
import type { ServeProcess } from '../e2e/harness/server.js';
import { AGENCY, CREDENTIALS, entry, tempDir } from '../sync/fixtures.js';

describe('background services in browser mode', () => {
  let gateway: RunningGateway | undefined;
  let serve: ServeProcess | undefined;
  afterAll(async () => {
    await serve?.stop();
    await gateway?.close();
  });

  it('sends a queued dossier to the configured gateway on its own', async () => {
    gateway = await startGateway({ dataDir: tempDir('bg-gw'), port: 0, credentials: CREDENTIALS });
    const dataDir = tempDir('bg-station');
    const store = await openStore(dataDir);
    new OutboxStore(store.db, Date.now).enqueue(entry(`${dataDir}/files`, 1));
    store.close();

    const credential = CREDENTIALS[0]!;
    serve = await startServe({
      dataDir,
      scanners: 'none',
      env: {
        SOHOA_GATEWAY_BASE_URL: gateway.url,
        SOHOA_GATEWAY_CLIENT_ID: credential.client_id,
        SOHOA_AGENCY_CODE: AGENCY,
        SOHOA_GATEWAY_SECRET: credential.client_secret,
      },
    });
    const running = gateway;
    await expect
      .poll(() => running.repo.summary(), { timeout: 30_000, interval: 200 })
      .toMatchObject({ dossiers: 1, files: 3 });
  });
});
