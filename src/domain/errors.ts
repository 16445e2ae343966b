/**
 * Domain errors. Adapters translate them once at the boundary (HTTP status, CLI exit code);
 * messages are written for the user, in Chinese, and never contain personal data.
 */

/** One problem with one field of the input; `row` is the 1-based spreadsheet row for imports. */
export interface FieldIssue {
  field: string;
  message: string;
  row?: number;
}

/** Bad input: names every offending field (and row, for imports). Nothing has been changed. */
export class ValidationError extends Error {
  readonly issues: FieldIssue[];
  constructor(message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** The record does not exist, or is outside the caller's scope (the two are not told apart). */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The request conflicts with the current state (duplicate, locked data directory, …). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
