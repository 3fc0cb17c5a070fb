/** Typed domain errors: a stable code, a plain-language message and optional problems; no HTTP here (runtime/api/errors.ts maps them). */
import type { Problem } from '../schema/problems.js';

/** What kind of failure it is; the API turns each kind into one HTTP status, the CLI into a message. */
export type DomainErrorKind =
  | 'invalid-input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unprocessable'
  | 'too-many-requests'
  | 'integrity'
  | 'unavailable';

/**
 * A failure a caller can act on. `code` is stable and machine-readable (e.g. `version-not-published`);
 * `message` is a sentence a program manager understands and never holds patient names, phones or emails.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    readonly code: string,
    message: string,
    readonly problems?: Problem[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input is malformed: wrong shape, missing field, not a journey document. Problems say where. */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid-input';
}

/** Nobody is logged in, or the credentials are wrong. */
export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';
}

/** The user is known but may not do this: a missing role, or a rule such as "an author cannot sign". */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

/** A rule of the review process forbids this user this action (separation of duties and the like). */
export class RuleViolationError extends ForbiddenError {}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';

  /** The usual sentence: `No journey with id "jrn_1".` */
  static of(what: string, id: string): NotFoundError {
    return new NotFoundError('not-found', `No ${what} with id "${id}".`);
  }
}

/** The current state does not allow the action: publishing a retired version, exiting an ended enrollment. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** The input is larger than the limit for it. */
export class TooLargeError extends DomainError {
  readonly kind = 'too-large';
}

/** The input is well-formed but its content has problems to fix first (a draft with errors, an undeclared event). */
export class UnprocessableError extends DomainError {
  readonly kind = 'unprocessable';
}

/** Too many attempts in a short time (login throttling); `retryAfterSeconds` says when to try again. */
export class TooManyRequestsError extends DomainError {
  readonly kind = 'too-many-requests';

  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(code, message);
  }
}

/** Stored data does not match what it is bound to (a content hash, the audit chain); nothing was done. */
export class IntegrityError extends DomainError {
  readonly kind = 'integrity';
}

/** A service the action needs (Temporal, a provider) does not answer right now; trying again later may work. */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
}
