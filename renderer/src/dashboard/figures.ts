import type { CaseFigures } from '../../../common/contract/cases';

/**
 * Hall figures of this window's own cases (labelled "local" on screen). The services aggregate them
 * (`cases.figures`): a window with years of cases cannot send the renderer every case of a period.
 */
export type LocalFigures = CaseFigures;

/** Monday of the hall week containing `today` (YYYY-MM-DD). */
export function weekStart(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** The period the dashboard shows: the hall week so far, Monday to today. */
export function weekSoFar(today: string): { from: string; to: string } {
  return { from: weekStart(today), to: today };
}
