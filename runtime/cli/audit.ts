/** `carepath audit verify` checks the audit trail's keyed chain and signed head; `carepath audit seal-legacy` seals a pre-keyed trail once. */
import { sealLegacyAuditTrail, verifyAudit } from '../db/audit.js';
import { openServerDatabase } from './database.js';

export const auditUsage = `  audit verify      check every row of the audit trail, its keyed hash and the signed head
                    (same database settings as the server: DATABASE_URL, CAREPATH_DATA_DIR,
                    CAREPATH_AUDIT_KEY); exit 0 with the row count, 1 naming the first bad row
  audit seal-legacy once, when upgrading a database from before the keyed chain with
                    CAREPATH_AUDIT_KEY set: seals its unkeyed rows under a signed head and
                    records that; refused (exit 1) if a head or any keyed row exists`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Exit codes: 0 intact, 1 tampered (the first bad row and why), 2 usage or the database cannot be opened. */
export async function runAudit(args: string[], io: Io): Promise<number> {
  if (args.length !== 1 || (args[0] !== 'verify' && args[0] !== 'seal-legacy')) {
    io.err(`carepath: audit takes one subcommand: verify or seal-legacy\n\n${auditUsage}`);
    return 2;
  }
  let database;
  try {
    database = await openServerDatabase();
  } catch (error) {
    io.err(`carepath: cannot open the database: ${(error as Error).message}`);
    return 2;
  }
  try {
    if (args[0] === 'seal-legacy') {
      try {
        const sealed = await sealLegacyAuditTrail(database.db);
        io.out(
          `audit trail sealed: rows 1-${sealed.legacyUntil} from before the keyed chain (${sealed.rows} rows), recorded as audit.legacy-sealed`,
        );
        return 0;
      } catch (error) {
        io.err(`carepath: ${(error as Error).message}`);
        return 1;
      }
    }
    const verdict = await verifyAudit(database.db);
    if (verdict.ok) {
      io.out(`audit trail intact: ${verdict.rows} row${verdict.rows === 1 ? '' : 's'} verified`);
      return 0;
    }
    io.err(`audit trail broken at row ${verdict.brokenAt}: ${verdict.reason} (${verdict.rows} rows read)`);
    return 1;
  } finally {
    database.close();
  }
}
