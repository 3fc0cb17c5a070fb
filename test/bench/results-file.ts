/** RESULTS.md as one section per benchmark: a run puts its rows on top of its own section and leaves the others as they are. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** One benchmark's numbers: a stable section title, what it measures, and its table (without the common columns). */
export interface BenchTable {
  title: string;
  description: string;
  header: string[];
  rows: string[][];
}

/** Runs older than the last few fall off a section, so the file stays readable; a run is never cut in half. */
const KEEP_RUNS = 3;
const KEEP_ROWS = 30;

/** The newest runs (rows grouped by their date cell) that fit, always at least the newest one whole. */
function latestRuns(rows: string[]): string[] {
  const runs: string[][] = [];
  for (const row of rows) {
    const date = row.split('|')[1];
    if (runs.length === 0 || runs[runs.length - 1][0].split('|')[1] !== date) runs.push([]);
    runs[runs.length - 1].push(row);
  }
  const kept: string[] = [];
  for (const run of runs.slice(0, KEEP_RUNS)) {
    if (kept.length > 0 && kept.length + run.length > KEEP_ROWS) break;
    kept.push(...run);
  }
  return kept;
}

const commonHeader = ['date', 'machine', 'node'];

function commonCells(): string[] {
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`;
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  return [date, machine, process.version];
}

/** Prints a table as aligned columns for the terminal. */
export function printTable(table: BenchTable): void {
  const rows = [table.header, ...table.rows];
  const widths = table.header.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(`\n${table.title}\n${line(table.header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  table.rows.forEach((row) => console.log(line(row)));
}

/** The file's sections by title, each as its lines after the heading; `intro` is everything before the first section. */
function readSections(text: string): { intro: string; sections: Map<string, string[]> } {
  const [intro, ...parts] = text.split(/^## /m);
  const sections = new Map<string, string[]>();
  for (const part of parts) {
    const [title, ...lines] = part.split('\n');
    sections.set(title.trim(), lines);
  }
  return { intro, sections };
}

function sectionText(table: BenchTable, dataRows: string[]): string {
  const header = [...commonHeader, ...table.header];
  return [
    `## ${table.title}`,
    '',
    table.description.trim(),
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...dataRows,
    '',
    '',
  ].join('\n');
}

/** Adds this run's rows to the top of each table's section (older rows kept), creating sections that are new. */
export function recordResults(file: string, intro: string, tables: BenchTable[]): void {
  const existing = existsSync(file)
    ? readSections(readFileSync(file, 'utf8'))
    : { sections: new Map<string, string[]>() };
  const common = commonCells();
  const written = new Map<string, string>();
  for (const [title, lines] of existing.sections) written.set(title, `## ${title}\n${lines.join('\n').trimEnd()}\n\n`);
  for (const table of tables) {
    const previous = (existing.sections.get(table.title) ?? []).filter((line) => /^\| \d{4}-/.test(line));
    const fresh = table.rows.map((row) => `| ${[...common, ...row].join(' | ')} |`);
    written.set(table.title, sectionText(table, latestRuns([...fresh, ...previous])));
  }
  writeFileSync(file, intro.trim() + '\n\n' + [...written.values()].join('').trimEnd() + '\n');
}

/** The latest run of each benchmark as data (results.json), for tools and for comparing runs; other sections kept. */
export function recordJson(file: string, tables: BenchTable[]): void {
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const [date, machine, node] = commonCells();
  for (const table of tables) {
    existing[table.title] = {
      date,
      machine,
      node,
      rows: table.rows.map((row) => Object.fromEntries(table.header.map((name, i) => [name, row[i]]))),
    };
  }
  writeFileSync(file, JSON.stringify(existing, null, 2) + '\n');
}
