/**
 * Retention (issue #12): a dossier the province has acknowledged is, after `afterDays` days,
 * purged from the station down to the summary the audit needs. Each dossier goes in its own
 * transaction together with its `retention.purge` audit row; then the blob store's GC removes
 * the files nothing references any more (a file shared with a kept dossier stays), and SQLite is
 * made to forget the deleted text: secure_delete zeroes freed pages, the search index is merged
 * so no old segment keeps the words, and the WAL is checkpointed and truncated.
 */
import type { PurgedDossier, RetentionReport } from '../../domain/index.js';
import type { Logger } from '../../platform/index.js';
import type { Store } from '../../store/index.js';

const DAY_MS = 86_400_000;

export interface RetentionDeps {
  store: () => Promise<Store>;
  /** The configured rule (security.retentionDays; 0: never). */
  afterDays: () => number;
  log: Logger;
  now?: () => Date;
}

export interface RetentionRun {
  /** Report only; change nothing. */
  dryRun: boolean;
  /** Who asked (audit actor). */
  actor: string;
  /** A rule other than the configured one (the CLI's --days, a preview in settings). */
  afterDays?: number;
}

export class RetentionService {
  readonly #deps: RetentionDeps;
  readonly #now: () => Date;

  constructor(deps: RetentionDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => new Date());
  }

  async run({
    dryRun,
    actor,
    afterDays = this.#deps.afterDays(),
  }: RetentionRun): Promise<RetentionReport> {
    const store = await this.#deps.store();
    const now = this.#now();
    if (afterDays <= 0) {
      return { dryRun, afterDays, cutoff: null, dossiers: [], removedBlobs: 0, removedBytes: 0 };
    }
    const cutoff = new Date(now.getTime() - afterDays * DAY_MS).toISOString();
    const due = store.retention.acknowledgedBefore(cutoff);
    const report: RetentionReport = {
      dryRun,
      afterDays,
      cutoff,
      dossiers: due,
      removedBlobs: 0,
      removedBytes: 0,
    };
    if (dryRun || due.length === 0) return report;

    const previous = store.db.pragma('secure_delete', { simple: true }) as number;
    store.db.pragma('secure_delete = ON');
    try {
      for (const dossier of due) {
        store.transaction(() => {
          const at = this.#now().toISOString();
          store.retention.purge(dossier, at);
          const { dossierId, MaHoSo, ...summary } = dossier;
          store.audit.append(
            {
              actor,
              action: 'retention.purge',
              dossierId,
              MaHoSo,
              details: { afterDays, ...summary },
            },
            at,
          );
        });
      }
      store.db.exec("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
      const gc = store.gc();
      report.removedBlobs = gc.removedBlobs;
      report.removedBytes = gc.removedBytes;
      store.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      store.db.pragma(`secure_delete = ${previous ? 'ON' : 'OFF'}`);
    }
    this.#deps.log.info(
      { purged: due.length, afterDays, removedBlobs: report.removedBlobs, actor },
      'retention purge',
    );
    return report;
  }

  /** What earlier purges kept of each dossier. */
  async purged(): Promise<PurgedDossier[]> {
    return (await this.#deps.store()).retention.purged();
  }
}
