/** Pages per minute and time left, from what this run has landed so far. */
export interface Progress {
  pages: number;
  filesDone: number;
  filesTotal: number;
  pagesPerMinute: number;
  /** Seconds left, estimated from pages per finished file; undefined until one file finished. */
  etaSeconds?: number;
  /** The pipeline's work on the job's pages, when this run processes them. */
  processed?: { done: number; total: number };
}

export class ProgressMeter {
  private readonly started: number;
  private pagesThisRun = 0;
  private filesThisRun = 0;

  constructor(
    private filesTotal: number,
    private filesDone: number,
    private pages: number,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  page(): void {
    this.pagesThisRun += 1;
    this.pages += 1;
  }

  private processed: Progress['processed'];

  setProcessed(done: number, total: number): void {
    this.processed = { done, total };
  }

  /** A hot folder's new files join the total as they arrive. */
  addFiles(n: number): void {
    this.filesTotal += n;
  }

  file(): void {
    this.filesThisRun += 1;
    this.filesDone += 1;
  }

  snapshot(): Progress {
    const minutes = Math.max(this.now() - this.started, 1) / 60_000;
    const pagesPerMinute = this.pagesThisRun / minutes;
    const left = this.filesTotal - this.filesDone;
    const eta =
      this.filesThisRun > 0 && pagesPerMinute > 0
        ? ((left * this.pagesThisRun) / this.filesThisRun / pagesPerMinute) * 60
        : undefined;
    return {
      pages: this.pages,
      filesDone: this.filesDone,
      filesTotal: this.filesTotal,
      pagesPerMinute: Math.round(pagesPerMinute * 10) / 10,
      ...(eta !== undefined ? { etaSeconds: Math.round(eta) } : {}),
      ...(this.processed ? { processed: { ...this.processed } } : {}),
    };
  }
}

export function formatProgress(p: Progress): string {
  const eta =
    p.etaSeconds === undefined
      ? '…'
      : `${Math.floor(p.etaSeconds / 60)}m${String(p.etaSeconds % 60).padStart(2, '0')}s`;
  const processed = p.processed
    ? ` · xử lý/processed ${p.processed.done}/${p.processed.total}`
    : '';
  return `${p.pages} trang/pages · tệp/files ${p.filesDone}/${p.filesTotal} · ${p.pagesPerMinute} trang/phút pages/min · còn/ETA ${eta}${processed}`;
}
