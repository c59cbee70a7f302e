import type { Kysely } from 'kysely';
import { DirectKysely } from '../../platform/db/direct-transactions';
import { batchStatement } from '../../platform/db/write-batch';
import { appendStatements, auditRow, confirmAppend, predictAppend } from '../audit/chain';
import { insertOutboxStatement } from '../db/outbox';
import type { DB } from '../db/schema';
import { confirmNumber, numberStatements, predictNumber } from './case-numbers';
import { insertCase, insertHistory, insertMaterials } from './case-rows';
import { decisionAudit, decisionCaseRow, decisionOutbox, type PreparedDecision } from './decision-records';
import type { DecisionResult } from './decision-types';

/**
 * A decision on a new case (accept, 容缺, reject) as ONE script (platform/db/write-batch.ts): the
 * transaction's eleven statements in one trip to the thread pool instead of eleven. A script cannot
 * read, so the values the rows need from the database — the case number, the serving ticket, the
 * audit chain's head and seq — are predicted from what this process last wrote, and the script
 * checks each before it commits: a wrong guess aborts it with nothing written, and the decision
 * takes its transaction (intake-service.ts) as without a guess. Correctness never rests on the
 * guess: the checks and case_number's UNIQUE make a wrong one fail, never write a wrong row.
 *
 * Null when the decision cannot take this path (a draft, a decision on a saved case, files, an
 * appointment, nothing to predict from: the first decision of the day or after a start) or the
 * script failed for any reason: the transaction then decides (and reports a real error).
 */
export async function writeAsBatch(db: Kysely<DB>, p: PreparedDecision): Promise<DecisionResult | null> {
  const { decision, input, identity, materials, status, atIso, extra, item, agentColumns } = p;
  if (!(db instanceof DirectKysely) || !db.batches) return null;
  if (decision === 'draft' || input.caseId || input.appointmentId || p.files.length) return null;
  const number = predictNumber(identity.hallCode, identity.windowCode, p.at);
  if (!number) return null;
  const caseId = p.freshId;
  const row = decisionCaseRow(p, caseId, undefined);
  row.case_number = number.caseNumber;
  if (number.ticket) row.ticket_id = number.ticket.ticketId;
  const audit = predictAppend(auditRow(decisionAudit(p, caseId, number.caseNumber, number.ticket)));
  if (!audit) return null;
  const outbox = decisionOutbox(p, row, number.ticket)!;
  try {
    // In the transaction's order, so rows get the same ids and seqs.
    const statements = [
      ...numberStatements(db, number),
      batchStatement(insertCase.compile(db, { row })),
      ...(agentColumns ? [batchStatement(db.insertInto('case_agent').values({ ...agentColumns, case_id: caseId }).compile())] : []),
      ...(materials.length ? [batchStatement(insertMaterials.compile(db, { rows: materials.map((m) => ({ ...m, case_id: caseId })) }))] : []),
      batchStatement(insertHistory.compile(db, { caseId, at: atIso, status, detail: extra.reason ?? null })),
      ...appendStatements(db, audit),
      batchStatement(insertOutboxStatement(db, outbox)),
    ];
    await db.writeBatch(statements);
  } catch {
    // A guess that did not hold (or any other failure): rolled back, the transaction decides.
    return null;
  }
  confirmNumber(number);
  confirmAppend(audit);
  return { caseId, caseNumber: number.caseNumber, status, at: atIso, promised: p.promised, materials, itemCode: item.code, itemName: item.name };
}
