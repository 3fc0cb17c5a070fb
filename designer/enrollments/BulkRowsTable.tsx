/** The rows of a CSV file as the server checked them: line, name, contact, and every problem, or what enrolling did. */
import type { BulkRow } from './bulk-api.js';

const statusWords: Record<BulkRow['status'], string> = {
  ready: 'ready',
  problem: 'problem',
  'already-enrolled': 'already enrolled',
};

export function BulkRowsTable({ rows, enrolled }: { rows: BulkRow[]; enrolled: boolean }) {
  return (
    <div className="bulk-rows" style={{ maxHeight: 360, overflow: 'auto' }}>
      <table className="table small" data-testid="bulk-rows">
        <thead>
          <tr>
            <th>Line</th>
            <th>Name</th>
            <th>Phone</th>
            <th>Status</th>
            <th>Problems</th>
            <th>Warnings</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} data-testid={`bulk-row-${row.line}`} data-status={row.status}>
              <td>{row.line}</td>
              <td>{row.name}</td>
              <td>{row.phone ?? ''}</td>
              <td>
                {row.error ? 'failed' : enrolled && row.status === 'ready' ? 'enrolled' : statusWords[row.status]}
              </td>
              <td className={row.problems.length || row.error ? 'error-text' : undefined}>
                {[...row.problems, ...(row.error ? [row.error] : [])].join('; ')}
              </td>
              <td style={{ color: 'var(--warn)' }} data-testid={`bulk-row-${row.line}-warnings`}>
                {(row.warnings ?? []).join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
