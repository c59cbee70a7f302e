import { wireAppointment } from '../main/appointments/testing';
import { openTestStack } from '../main/intake/testing';
import { applyAppointmentPage, sealAppointment } from '../main/sync/pull-appointments';
import type { Bench } from './types';

const N = 10_000;
const PAGE = 1000;
const ROUNDS = 3;

/**
 * Applying 10k pulled appointments as the sync engine does (seal name, ID number and phone, keyed
 * hash, upsert that keeps local check-ins, cursor in the same transaction, one per page of 1000)
 * against a plain multi-row insert of the same rows, unsealed, into the same table and file in
 * transactions of the same size. Alternated, median of rounds: what sealing and the upsert cost.
 */
export const bench: Bench = {
  name: 'appointments-pull',
  async run() {
    const stack = await openTestStack();
    try {
      const pull: number[] = [];
      const raw: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const list = Array.from({ length: N }, (_, i) => wireAppointment(i + 1, { id: `r${round}-${i}`, code: `YY${round}${String(i).padStart(9, '0')}` }));
        let t = performance.now();
        for (let i = 0; i < N; i += PAGE) await applyAppointmentPage(stack.db, stack.pii, list.slice(i, i + PAGE), i + PAGE);
        pull.push(performance.now() - t);
        // The baseline: the same rows and columns, values in clear, no conflict clause.
        const clear = { seal: (v: string) => v, lookupHash: (v: string) => v };
        const rows = list.map((a) => ({ ...sealAppointment(clear, a, 'now'), id: `b-${a.id}`, code: `B${a.code}` }));
        t = performance.now();
        for (let i = 0; i < N; i += PAGE)
          await stack.db.transaction().execute(async (trx) => {
            for (let j = i; j < i + PAGE; j += 400) await trx.insertInto('appointment').values(rows.slice(j, Math.min(j + 400, i + PAGE))).execute();
          });
        raw.push(performance.now() - t);
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const p = median(pull);
      const r = median(raw);
      return [{ bench: 'appointments-pull', ratio: p / r, baseline: `raw multi-row insert of the same ${N} rows, unsealed`, goal: 'lower is better; sealing 3 fields + hash per row', pullMs: p, rawMs: r, perAppointmentUs: (p / N) * 1000 }];
    } finally {
      await stack.close();
    }
  },
};
