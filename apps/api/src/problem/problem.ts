/**
 * RFC 9457 problem details. Every error the API answers is one of these, served as
 * application/problem+json. Problem types are tag URIs (RFC 4151): stable identifiers that are
 * not meant to be dereferenced.
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  rule?: string;
  field?: string;
  [extension: string]: unknown;
}

export const PROBLEM_TYPES = {
  'invalid-input': { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Sign-in required' },
  forbidden: { status: 403, title: 'Not allowed' },
  'store-access-denied': { status: 403, title: "The event store denies the ledger's user this" },
  'not-found': { status: 404, title: 'Not found' },
  'revision-conflict': { status: 409, title: 'The stream has moved on' },
  'duplicate-inspection': { status: 409, title: 'The inspection is already registered' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'rule-violation': { status: 422, title: 'The command breaks a rule' },
  'store-unavailable': { status: 503, title: 'The event store is unavailable' },
  'internal-error': { status: 500, title: 'Internal server error' },
} as const;

export type ProblemKind = keyof typeof PROBLEM_TYPES;

export function problemTypeUri(kind: ProblemKind): string {
  return `tag:pfcc-ledger,2024:problems/${kind}`;
}

/** Thrown anywhere in the API to answer with a specific problem. */
export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly extensions: { errors?: FieldError[]; rule?: string; field?: string; [key: string]: unknown } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }

  get status(): number {
    return PROBLEM_TYPES[this.kind].status;
  }

  toDocument(instance: string): ProblemDocument {
    const { status, title } = PROBLEM_TYPES[this.kind];
    return { type: problemTypeUri(this.kind), title, status, detail: this.detail, instance, ...this.extensions };
  }
}

export function invalidInput(errors: FieldError[]): ProblemError {
  const detail = errors.map((e) => e.message).join('; ');
  return new ProblemError('invalid-input', detail || 'The request is not valid', { errors });
}

export function ruleViolation(rule: string, message: string, field?: string): ProblemError {
  return new ProblemError('rule-violation', message, field === undefined ? { rule } : { rule, field });
}
