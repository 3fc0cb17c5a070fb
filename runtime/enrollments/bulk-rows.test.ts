/** The row checks of bulk enrollment: every problem of every row named, phones normalised to E.164, duplicates found. */
import { describe, expect, it } from 'vitest';
import { checkBulkCsv, type BulkContext } from './bulk-rows.js';

const context: BulkContext = {
  channels: ['email', 'sms'],
  attributes: { therapy: { type: 'string' }, doses: { type: 'number' } },
  defaultCountry: 'US',
};

const header = 'name,phone,email,timeZone,consent,therapy,doses';

describe('checkBulkCsv', () => {
  it('reads a good row, with the phone normalised to E.164 and typed attributes', () => {
    const [row] = checkBulkCsv(
      `${header}\nAda Lovelace,(202) 555-0101,Ada@Example.org,America/Chicago,yes,Humira,2\n`,
      context,
    );
    expect(row.problems).toEqual([]);
    expect(row.patient).toEqual({
      name: 'Ada Lovelace',
      phone: '+12025550101',
      email: 'ada@example.org',
      timeZone: 'America/Chicago',
      consentChannels: ['email', 'sms'],
      attributes: { therapy: 'Humira', doses: 2 },
    });
  });

  it('names every problem of a row at once, on the line of the file', () => {
    const [row] = checkBulkCsv(`${header}\n,12,not-an-email,Mars/Olympus,sms,,many\n`, context);
    expect(row.line).toBe(2);
    expect(row.patient).toBeUndefined();
    expect(row.problems).toEqual([
      'attribute "doses" must be a number; "many" is not',
      'missing required field "name"',
      'bad phone "12": not a valid phone number',
      'bad email "not-an-email"',
      'unknown time zone "Mars/Olympus": use an IANA name such as America/New_York',
      'missing consent for email',
    ]);
  });

  it('refuses an attribute the journey does not declare, and a missing consent', () => {
    const [row] = checkBulkCsv(
      'name,phone,email,timeZone,consent,shoeSize\nBo,+442079460958,bo@example.org,Europe/London,no,44\n',
      context,
    );
    expect(row.problems).toEqual([
      'unknown attribute "shoeSize": the journey declares no such attribute',
      'missing consent for email, sms',
    ]);
  });

  it('asks for the contact a journey needs: a phone for SMS', () => {
    const [row] = checkBulkCsv('name,email,timeZone,consent\nCy,cy@example.org,UTC,yes\n', context);
    expect(row.problems).toEqual(['missing required field "phone": the journey sends SMS or calls']);
  });

  it('marks a second row for the same name and phone number, however written, as a duplicate of the first', () => {
    const rows = checkBulkCsv(
      `${header}\nAda,+1 202 555 0101,a@example.org,UTC,yes,,\nADA,202-555-0101,b@example.org,UTC,yes,,\n`,
      context,
    );
    expect(rows[0].problems).toEqual([]);
    expect(rows[1].problems).toEqual(['duplicate of line 2']);
    expect(rows[1].patient).toBeUndefined();
  });

  it('keeps two people on one phone number (a family phone), each row warned about the other', () => {
    const rows = checkBulkCsv(
      `${header}\nMaria Garcia,+1 202 555 0110,m@example.org,UTC,yes,,\nLuis Garcia,202-555-0110,l@example.org,UTC,yes,,\n`,
      context,
    );
    expect(rows.map((r) => r.problems)).toEqual([[], []]);
    expect(rows[0].warnings).toEqual(['shares the phone number +12025550110 with line 3 (Luis Garcia)']);
    expect(rows[1].warnings).toEqual(['shares the phone number +12025550110 with line 2 (Maria Garcia)']);
  });

  it('keeps quoted commas inside a cell (a CSV parser, not a split)', () => {
    const [row] = checkBulkCsv(`${header}\n"Lovelace, Ada",+12025550101,a@example.org,UTC,"sms, email",,\n`, context);
    expect(row.problems).toEqual([]);
    expect(row.patient?.name).toBe('Lovelace, Ada');
  });

  it('refuses a file without a header line naming the columns', () => {
    expect(() => checkBulkCsv('Ada,+12025550101\n', context)).toThrow(/header line/);
  });
});
