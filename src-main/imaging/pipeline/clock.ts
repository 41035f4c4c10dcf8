/**
 * Per-stage timing of one page: wall time, and CPU time of the whole process (exactly the
 * page's own when nothing else runs in the process, as in `sohoa process` and the benchmark;
 * in the app's worker pool it includes the other workers).
 */
export type Stage =
  | 'analysis'
  | 'orientation'
  | 'deskew'
  | 'crop'
  | 'colour'
  | 'binarize'
  | 'warp'
  | 'clean'
  | 'blank'
  | 'encode'
  | 'thumbnail'
  | 'total';

export type StageTimes = Partial<Record<Stage, number>>;

const round = (v: number): number => Math.round(v * 10) / 10;

export class StageClock {
  readonly wall: StageTimes = {};
  readonly cpu: StageTimes = {};
  private readonly startWall = performance.now();
  private readonly startCpu = process.cpuUsage();
  private lastWall = this.startWall;
  private lastCpu = this.startCpu;

  /** Charges the time since the previous lap (or the start) to `stage`. */
  lap(stage: Exclude<Stage, 'total'>): void {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    this.wall[stage] = round((this.wall[stage] ?? 0) + wall - this.lastWall);
    this.cpu[stage] = round((this.cpu[stage] ?? 0) + cpuMs(this.lastCpu, cpu));
    this.lastWall = wall;
    this.lastCpu = cpu;
  }

  /** Sets `total` to everything since the clock started. */
  total(): { wall: StageTimes; cpu: StageTimes } {
    this.wall.total = round(performance.now() - this.startWall);
    this.cpu.total = round(cpuMs(this.startCpu, process.cpuUsage()));
    return { wall: { ...this.wall }, cpu: { ...this.cpu } };
  }
}

function cpuMs(from: NodeJS.CpuUsage, to: NodeJS.CpuUsage): number {
  return (to.user - from.user + to.system - from.system) / 1000;
}
