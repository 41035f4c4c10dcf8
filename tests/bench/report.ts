/** What a benchmark returns: named figures plus the anchor they are compared against. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** The goal, stated the way the issue states it (e.g. "<= 150 ms", ">= 2x unpaper"). */
  goal?: string;
  /** Whether the goal holds in this run; undefined when the figure has no goal. */
  met?: boolean;
}

export interface BenchReport {
  name: string;
  /** What the data was: sizes, counts, machine. */
  setup: Record<string, unknown>;
  figures: BenchFigure[];
}
