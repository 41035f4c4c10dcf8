/**
 * Output of a job as folders a province can take in: one `<MaHoSo>/` per separated dossier with
 * `dossier.json` (the gateway contract's fields, components, each page's file, sha256 and OCR
 * text) and its page images — the dossier service's export, dossier by dossier. A folder that is
 * already there was exported by an earlier run and is kept, so an interrupted export resumes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../store/index.js';
import { exportDossier } from '../dossiers/index.js';
import { JobRepository } from './job-repository.js';
import { requireJob } from './jobs.js';
import { BATCH_ACTOR } from './landing.js';
import { outputFolder } from './output-folder.js';

export interface JobExport {
  dir: string;
  exported: string[];
  /** Exported by an earlier run. */
  kept: string[];
}

export function exportJob(store: Store, name: string, outDir: string): JobExport {
  const repo = new JobRepository(store.db);
  const job = requireJob(repo, name);
  const dir = outputFolder(outDir);
  const result: JobExport = { dir, exported: [], kept: [] };
  for (const d of repo.dossiers(job.id)) {
    const code = d.storeDossier?.MaHoSo;
    if (!code) continue;
    if (existsSync(join(dir, code))) result.kept.push(code);
    else {
      exportDossier(store, code, dir);
      result.exported.push(code);
    }
  }
  store.record({
    actor: BATCH_ACTOR,
    action: 'batch.export',
    details: { name, dir, exported: result.exported.length, kept: result.kept.length },
  });
  return result;
}
