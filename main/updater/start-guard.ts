import fs from 'node:fs';
import path from 'node:path';

/** Unconfirmed starts of one version after which it is taken as broken. */
export const FAILED_STARTS_BEFORE_ROLLBACK = 2;

interface Marker {
  version: string;
  attempts: number;
  startedAt: string;
}

export interface StartVerdict {
  version: string;
  /** Starts of this version in a row that never reached `confirm()` (this one included). */
  attempts: number;
  /** The last version that started and was confirmed, if any. */
  lastGood: string | null;
  /** This version failed to start before, and there is a different good one to go back to. */
  rollback: boolean;
}

/**
 * Detects a version that cannot start. `begin()` runs first thing at start-up and leaves a marker;
 * `confirm()` runs once the app is up (database open, window loaded) and clears it. A marker still
 * there at the next start means the previous start of that version died on the way.
 */
export class StartGuard {
  private readonly dir: string;
  private previous: Marker | null = null;

  constructor(dataDir: string, private readonly version: string) {
    this.dir = path.join(dataDir, 'update');
  }

  begin(now = new Date()): StartVerdict {
    const previous = readJson<Marker>(this.markerFile);
    this.previous = previous;
    const attempts = previous && previous.version === this.version ? previous.attempts + 1 : 1;
    writeJson(this.markerFile, { version: this.version, attempts, startedAt: now.toISOString() } satisfies Marker);
    const lastGood = readJson<{ version: string }>(this.lastGoodFile)?.version ?? null;
    const failedBefore = attempts - 1;
    return { version: this.version, attempts, lastGood, rollback: failedBefore >= FAILED_STARTS_BEFORE_ROLLBACK && lastGood !== null && lastGood !== this.version };
  }

  /** This version started properly: it becomes the last good one. */
  confirm(): void {
    writeJson(this.lastGoodFile, { version: this.version, confirmedAt: new Date().toISOString() });
    fs.rmSync(this.markerFile, { force: true });
  }

  /** This start did not try the version (another process holds the data folder): it does not count. */
  withdraw(): void {
    if (this.previous) writeJson(this.markerFile, this.previous);
    else fs.rmSync(this.markerFile, { force: true });
  }

  private get markerFile() {
    return path.join(this.dir, 'start-marker.json');
  }

  private get lastGoodFile() {
    return path.join(this.dir, 'last-good.json');
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null; // absent or torn by a crash mid-write: treat as no record
  }
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(value) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}
