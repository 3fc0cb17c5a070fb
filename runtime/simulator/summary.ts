/** A cohort summary as plain text: patients by status, a table of steps with entered counts, the edges taken. Shared by the CLI and the designer. */
import type { JourneyDocument } from '../../schema/document.js';
import type { CohortSummary } from './cohort.js';

function percent(n: number, of: number): string {
  return of === 0 ? '0%' : `${((100 * n) / of).toFixed(1)}%`;
}

function days(ms: number): string {
  return `${(ms / 86_400_000).toFixed(1)} d`;
}

/** Left-aligned text columns, right-aligned numbers. */
function table(header: string[], rows: string[][], numeric: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export interface SummaryContext {
  /** Wall-clock time the run took, measured by the host (the simulator itself has no clock). */
  wallMs?: number;
  seed?: number | string;
}

/** Every step of the journey appears, in document order, so a step nobody reached shows as 0 rather than going missing. */
export function formatSummary(
  definition: JourneyDocument,
  summary: CohortSummary,
  context: SummaryContext = {},
): string[] {
  const n = summary.patients;
  const lines: string[] = [
    `${definition.name}: ${n} patient${n === 1 ? '' : 's'}${context.seed !== undefined ? `, seed ${context.seed}` : ''}`,
    '',
  ];
  const statuses = Object.entries(summary.byStatus).filter(([, count]) => count > 0);
  lines.push(
    'status',
    ...statuses.map(([status, count]) => `  ${status.padEnd(10)} ${String(count).padStart(7)}  ${percent(count, n)}`),
  );
  const reasons = Object.entries(summary.reasons);
  if (reasons.length > 0)
    lines.push('', 'reasons', ...reasons.map(([reason, count]) => `  ${String(count).padStart(7)}  ${reason}`));
  if (Object.keys(summary.byPersona).length > 1) {
    lines.push(
      '',
      'personas',
      ...Object.entries(summary.byPersona).map(([id, count]) => `  ${id.padEnd(20)} ${String(count).padStart(7)}`),
    );
  }

  const steps = Object.entries(definition.steps).map(([id, step]) => {
    const entered = summary.stepCounts[id] ?? 0;
    return [id, step.type, String(entered), percent(entered, n)];
  });
  lines.push('', ...table(['step', 'type', 'entered', 'of patients'], steps, [false, false, true, true]));

  const edges: string[][] = [];
  for (const [id, step] of Object.entries(definition.steps)) {
    const taken = new Set<string>();
    for (const [output, target] of Object.entries(step.outputs)) {
      taken.add(output);
      edges.push([`${id}:${output}`, target, String(summary.edgeCounts[`${id}:${output}`] ?? 0)]);
    }
    // Outputs taken but not connected (they end the enrollment as failed) still deserve a row.
    for (const [key, count] of Object.entries(summary.edgeCounts)) {
      const [from, output] = [key.slice(0, key.lastIndexOf(':')), key.slice(key.lastIndexOf(':') + 1)];
      if (from === id && !taken.has(output)) edges.push([key, '(not connected)', String(count)]);
    }
  }
  if (edges.length > 0) lines.push('', ...table(['edge', 'to', 'taken'], edges, [false, false, true]));

  const goals = Object.entries(summary.goals);
  if (goals.length > 0)
    lines.push(
      '',
      'goals',
      ...goals.map(([goal, count]) => `  ${goal.padEnd(20)} ${String(count).padStart(7)}  ${percent(count, n)}`),
    );

  const d = summary.durationMs;
  lines.push(
    '',
    `messages ${summary.messages} (${summary.failedDeliveries} failed), tasks ${summary.tasks}, engine events ${summary.events}`,
  );
  if (d.ended > 0)
    lines.push(`time to end: mean ${days(d.mean)}, median ${days(d.p50)}, p90 ${days(d.p90)}, max ${days(d.max)}`);
  if (context.wallMs !== undefined) {
    const perSecond = context.wallMs > 0 ? Math.round((n * 1000) / context.wallMs) : n;
    lines.push(`wall time ${context.wallMs.toFixed(0)} ms (${perSecond} patients/s)`);
  }
  return lines;
}
