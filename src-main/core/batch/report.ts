/**
 * A job's acceptance report: what contractors are paid on and provinces count toward their
 * digitization targets — pages, dossiers, data fields captured, QA flags and decisions,
 * throughput per station and day, and each unit's progress toward its level's target.
 */
import {
  toGatewayTimestamp,
  type BatchReport,
  type ThroughputRow,
  type UnitLevel,
} from '../../domain/index.js';
import type { Store } from '../../store/index.js';
import { JobRepository } from './job-repository.js';
import { jobStatus, requireJob } from './jobs.js';
import { OutputRepository } from './output-repository.js';
import { QaRepository } from './qa-repository.js';
import { ReportRepository } from './report-repository.js';

/** Percent of a unit's backlog to digitize, by level (config batch.target*). */
export type Targets = Record<UnitLevel, number>;

function throughput(landings: Array<{ station: string; landedAt: string }>): ThroughputRow[] {
  const rows = new Map<string, ThroughputRow>();
  for (const { station, landedAt } of landings) {
    // Days as the contractor's timesheet counts them: Vietnam time.
    const day = toGatewayTimestamp(new Date(landedAt)).slice(0, 8);
    const key = `${station}\u0000${day}`;
    const row = rows.get(key);
    if (row) {
      row.pages += 1;
      row.lastAt = landedAt;
    } else {
      rows.set(key, {
        station: station || '—',
        day,
        pages: 1,
        firstAt: landedAt,
        lastAt: landedAt,
        pagesPerHour: 0,
      });
    }
  }
  return [...rows.values()]
    .map((r) => {
      const hours = (Date.parse(r.lastAt) - Date.parse(r.firstAt)) / 3_600_000;
      return { ...r, pagesPerHour: hours > 0 ? Math.round((r.pages / hours) * 10) / 10 : 0 };
    })
    .sort((a, b) => a.day.localeCompare(b.day) || a.station.localeCompare(b.station));
}

export function buildReport(store: Store, name: string, targets: Targets): BatchReport {
  const job = requireJob(new JobRepository(store.db), name);
  const status = jobStatus(store, name);
  const reports = new ReportRepository(store.db);
  return {
    job,
    generatedAt: new Date().toISOString(),
    summary: {
      files: status.files.total,
      badFiles: status.files.bad,
      pages: status.pages,
      reviewPages: status.reviewPages,
      dossiers: status.dossiers,
      fields: reports.fields(job.id),
      flags: status.flags,
      processing: status.processing,
      qa: status.qa,
      output: new OutputRepository(store.db).summary(job.id),
    },
    throughput: throughput(reports.landings(job.id)),
    targets: reports.units().map((u) => {
      const targetPercent = targets[u.level];
      const percent =
        u.backlog === null ? undefined : Math.round((u.digitized / u.backlog) * 1000) / 10;
      return {
        agency: u.agency,
        level: u.level,
        targetPercent,
        landed: u.landed,
        digitized: u.digitized,
        ...(u.backlog !== null ? { backlog: u.backlog } : {}),
        ...(percent !== undefined ? { percent, met: percent >= targetPercent } : {}),
      };
    }),
    dossiers: reports.dossiers(job.id).filter((d) => d.position === 0 || d.contentPages > 0),
    badFiles: status.badFiles,
    rescan: new QaRepository(store.db).rescan(job.id),
    reviewBin: reports.reviewBin(job.id),
  };
}

export function targetsFrom(config: {
  targetProvince: number;
  targetDistrict: number;
  targetCommune: number;
}): Targets {
  return {
    province: config.targetProvince,
    district: config.targetDistrict,
    commune: config.targetCommune,
  };
}
