/** One line of `npm run bench -- --json`. Every figure is measured in the same run as its baseline. */
export interface BenchResult {
  bench: string;
  /** The headline ratio against the baseline (direction stated in `goal`). */
  ratio: number;
  /** What the ratio was compared with, in words. */
  baseline: string;
  goal?: string;
  [figure: string]: number | string | boolean | undefined;
}

export interface Bench {
  name: string;
  run(): Promise<BenchResult[]>;
}
