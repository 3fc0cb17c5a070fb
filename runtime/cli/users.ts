/** `carepath users add`: creates a user for scripted set-up; the password comes on standard input, never on the command line. */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { DomainError } from '../errors.js';
import { createUser } from '../people/users.js';
import type { Discipline, Role } from '../people/roles.js';
import { openServerDatabase } from './database.js';

export const usersUsage = `  users add --email <e> --name <n> --role <r> [--role <r>…] [--discipline <d>]
                    create a user (password on standard input); roles: program-manager,
                    compliance-reviewer (needs --discipline medical|legal|regulatory), engineer,
                    care-team, admin`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Reads the whole of standard input; a prompt goes to stderr when a person is typing. */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter and Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Exit codes: 0 created, 1 refused (the reason: a taken email, a missing discipline…), 2 usage or no database. */
export async function runUsers(args: string[], io: Io, readInput: () => Promise<string> = readStdin): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', multiple: true },
        discipline: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`carepath: ${(error as Error).message}\n\n${usersUsage}`);
    return 2;
  }
  const { email, name, role, discipline } = parsed.values;
  if (parsed.positionals.join(' ') !== 'add' || !email || !name || !role?.length) {
    io.err(`carepath: users add needs --email, --name and at least one --role\n\n${usersUsage}`);
    return 2;
  }
  // Only the line break that ends the input is dropped: spaces inside a password are the password's.
  const password = (await readInput()).replace(/\r?\n$/, '');
  let database;
  try {
    database = await openServerDatabase();
  } catch (error) {
    io.err(`carepath: cannot open the database: ${(error as Error).message}`);
    return 2;
  }
  try {
    const user = await createUser(database.db, `cli:${userInfo().username}`, {
      email,
      name,
      password,
      roles: role as Role[],
      // createUser checks it against the known disciplines and says which are allowed.
      discipline: (discipline ?? null) as Discipline | null,
    });
    const reviews = user.discipline ? ` (reviews for ${user.discipline})` : '';
    io.out(`created ${user.email}: ${user.roles.join(', ')}${reviews} [${user.id}]`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    io.err(`carepath: ${error.message}`);
    return 1;
  } finally {
    database.close();
  }
}
