/** Bulk enrollment: reading a CSV file into patient rows and naming every row's problems, before anything is written (pure). */
import Papa from 'papaparse';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { JourneyDocument } from '../../schema/document.js';
import { patientChannels } from '../../schema/steps/message.js';

/** A row that can be enrolled: contact details normalised (phone in E.164), consent channels, declared attributes. */
export interface BulkPatient {
  name: string;
  phone?: string;
  email?: string;
  timeZone: string;
  consentChannels: string[];
  attributes: Record<string, string | number | boolean>;
}

export interface BulkRow {
  /** The line of the file (the header is line 1), so a program manager finds the row in their spreadsheet. */
  line: number;
  /** The name as written, to show in the preview even when the row is bad. */
  name: string;
  patient?: BulkPatient;
  problems: string[];
  /** Worth a look but no reason to refuse the row: a phone or email another patient also has (a family phone). */
  warnings?: string[];
}

/** The journey facts the checks need: which channels it sends on and which attributes it declares. */
export interface BulkContext {
  channels: string[];
  attributes: JourneyDocument['attributes'];
  /** Numbers without a country code are read as numbers of this country. */
  defaultCountry: 'US';
}

export const MAX_ROWS = 5_000;

/** Header spellings a spreadsheet may use, folded to one name. */
const columnAliases: Record<string, string> = {
  name: 'name',
  'full name': 'name',
  phone: 'phone',
  mobile: 'phone',
  email: 'email',
  timezone: 'timeZone',
  'time zone': 'timeZone',
  time_zone: 'timeZone',
  consent: 'consent',
};

/** The channels a journey reaches the patient on: messages and assessments. */
export function journeyChannels(document: JourneyDocument): string[] {
  const used = new Set<string>();
  for (const step of Object.values(document.steps)) {
    const channel = (step as { channel?: string }).channel;
    if ((step.type === 'message' || step.type === 'assessment') && channel && patientChannels.has(channel as never))
      used.add(channel);
  }
  return [...used].sort();
}

export function bulkContext(document: JourneyDocument): BulkContext {
  return { channels: journeyChannels(document), attributes: document.attributes ?? {}, defaultCountry: 'US' };
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "yes" consents on every channel the journey uses; otherwise a list such as "sms; email". */
function consentChannels(value: string, context: BulkContext): string[] | undefined {
  const v = value.trim().toLowerCase();
  if (['yes', 'y', 'true', '1', 'granted'].includes(v)) return context.channels;
  if (['', 'no', 'n', 'false', '0'].includes(v)) return [];
  const listed = v.split(/[;,|\s]+/).filter(Boolean);
  return listed.every((c) => patientChannels.has(c as never)) ? listed : undefined;
}

function attributeValue(raw: string, type: string): string | number | boolean | undefined {
  if (type === 'number') return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
  if (type === 'boolean') {
    const v = raw.trim().toLowerCase();
    return ['true', 'yes', '1'].includes(v) ? true : ['false', 'no', '0'].includes(v) ? false : undefined;
  }
  if (type === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(raw.trim()) ? raw.trim() : undefined;
  return raw;
}

/** Checks one row; `cells` are keyed by the header as written. */
function checkRow(line: number, cells: Record<string, string>, context: BulkContext): BulkRow {
  const problems: string[] = [];
  const fields: Record<string, string> = {};
  const attributes: BulkPatient['attributes'] = {};
  for (const [header, raw] of Object.entries(cells)) {
    const value = (raw ?? '').trim();
    const known = columnAliases[header.trim().toLowerCase()];
    if (known) fields[known] = value;
    else if (header.trim() === '') continue;
    else if (!(header.trim() in context.attributes)) {
      if (value !== '') problems.push(`unknown attribute "${header.trim()}": the journey declares no such attribute`);
    } else if (value !== '') {
      const type = context.attributes[header.trim()].type;
      const parsed = attributeValue(value, type);
      if (parsed === undefined) problems.push(`attribute "${header.trim()}" must be a ${type}; "${value}" is not`);
      else attributes[header.trim()] = parsed;
    }
  }
  const name = fields.name ?? '';
  if (!name) problems.push('missing required field "name"');
  let phone: string | undefined;
  if (fields.phone) {
    const parsed = parsePhoneNumberFromString(fields.phone, context.defaultCountry);
    if (parsed?.isValid()) phone = parsed.number;
    else problems.push(`bad phone "${fields.phone}": not a valid phone number`);
  }
  const email = fields.email ? fields.email.toLowerCase() : undefined;
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push(`bad email "${fields.email}"`);
  const needsPhone = context.channels.some((c) => c === 'sms' || c === 'voice');
  const needsEmail = context.channels.includes('email');
  if (needsPhone && !fields.phone) problems.push('missing required field "phone": the journey sends SMS or calls');
  if (needsEmail && !fields.email) problems.push('missing required field "email": the journey sends email');
  const timeZone = fields.timeZone ?? '';
  if (!timeZone) problems.push('missing required field "timeZone"');
  else if (!validTimeZone(timeZone))
    problems.push(`unknown time zone "${timeZone}": use an IANA name such as America/New_York`);
  const consent = consentChannels(fields.consent ?? '', context);
  if (!consent) problems.push(`consent "${fields.consent}" must be "yes" or a list of channels such as "sms; email"`);
  else {
    const missing = context.channels.filter((c) => !consent.includes(c));
    if (missing.length > 0) problems.push(`missing consent for ${missing.join(', ')}`);
  }
  if (problems.length > 0) return { line, name, problems };
  return {
    line,
    name,
    problems,
    patient: { name, phone, email, timeZone, consentChannels: consent ?? [], attributes },
  };
}

/** Reads the whole file; a file that is not a CSV with a header line throws a sentence saying so. */
export function checkBulkCsv(text: string, context: BulkContext): BulkRow[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const headers = (parsed.meta.fields ?? []).map((h) => columnAliases[h.trim().toLowerCase()]);
  if (!headers.includes('name'))
    throw new Error('The file needs a header line with at least the columns name, phone or email, timeZone, consent.');
  if (parsed.data.length > MAX_ROWS) throw new Error(`The file has ${parsed.data.length} rows; at most ${MAX_ROWS}.`);
  const rows = parsed.data.map((cells, index) => checkRow(index + 2, cells, context));
  for (const error of parsed.errors) {
    const row = error.row === undefined ? undefined : rows[error.row];
    if (row) {
      row.problems.push(`unreadable row: ${error.message}`);
      delete row.patient;
    }
  }
  markDuplicates(rows);
  return rows;
}

/** Names compared as a person reads them: case, spacing and accents aside. */
export const sameName = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').localeCompare(b.trim().replace(/\s+/g, ' '), 'en', { sensitivity: 'base' }) === 0;

/**
 * A second row with the same name and the same phone number or email is a duplicate of the first. Another name on
 * the same address is another patient sharing it (a family phone): both rows stay, each with a warning naming the
 * other, as the issue asks shared numbers to be flagged, not refused.
 */
function markDuplicates(rows: BulkRow[]) {
  const seen = new Map<string, BulkRow[]>();
  for (const row of rows) {
    if (!row.patient) continue;
    const patient = row.patient;
    const keys = [patient.phone, patient.email].filter((k): k is string => !!k);
    const earlier = keys.flatMap((k) => (seen.get(k) ?? []).map((other) => ({ key: k, other })));
    const same = earlier.find(({ other }) => sameName(other.patient!.name, patient.name));
    if (same) {
      row.problems.push(`duplicate of line ${same.other.line}`);
      delete row.patient;
      continue;
    }
    for (const { key, other } of earlier) {
      const what = key === patient.phone ? 'phone number' : 'email address';
      (row.warnings ??= []).push(`shares the ${what} ${key} with line ${other.line} (${other.patient!.name})`);
      (other.warnings ??= []).push(`shares the ${what} ${key} with line ${row.line} (${patient.name})`);
    }
    for (const key of keys) seen.set(key, [...(seen.get(key) ?? []), row]);
  }
}
