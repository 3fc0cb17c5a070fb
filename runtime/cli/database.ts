/** The database and audit key the command line works on: the same settings as the server (DATABASE_URL, CAREPATH_DATA_DIR, CAREPATH_AUDIT_KEY). */
import { configFromEnv } from '../config.js';
import { openDatabase, type OpenedDatabase } from '../db/client.js';
import { loadAuditKey, useAuditKey } from '../db/audit-key.js';

export async function openServerDatabase(env: NodeJS.ProcessEnv = process.env): Promise<OpenedDatabase> {
  const config = configFromEnv(env);
  useAuditKey(loadAuditKey(config.dataDir, config.auditKey));
  return openDatabase(config.databaseUrl, config.databaseAuthToken);
}
