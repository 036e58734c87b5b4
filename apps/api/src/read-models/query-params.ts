import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { isCalendarDate } from '@ledger/domain';
import { invalidInput, type FieldError } from '../problem/problem';

/**
 * The query parameters of a read route, declared once: the same table validates a request (400
 * naming each bad parameter) and documents the route in OpenAPI.
 */
export interface ParamSpec<T> {
  readonly description: string;
  readonly schema: Record<string, unknown>;
  /** Comma-separated values, or the parameter repeated. */
  readonly list?: boolean;
  readonly required?: boolean;
  /** The parsed value, or a message saying why the text is not acceptable. */
  parse(text: string): { value: T } | { error: string };
}

export type ParamSpecs = Readonly<Record<string, ParamSpec<unknown>>>;
type ValueOf<P> = P extends ParamSpec<infer T> ? T : never;
type RequiredNames<S extends ParamSpecs> = { [K in keyof S]: S[K] extends { required: true } ? K : never }[keyof S];
export type ParsedParams<S extends ParamSpecs> = { [K in Exclude<keyof S, RequiredNames<S>>]?: ValueOf<S[K]> } & { [K in RequiredNames<S>]: ValueOf<S[K]> };

/** The same parameter, which the route cannot do without. */
export function required<T>(spec: ParamSpec<T>): ParamSpec<T> & { required: true } {
  return { ...spec, required: true };
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function idParam(description: string): ParamSpec<string> {
  return { description, schema: { type: 'string' }, parse: (text) => (ID.test(text) ? { value: text } : { error: 'must be an id: letters, digits, ., _ or -' }) };
}

export function textParam(description: string, maxLength = 200): ParamSpec<string> {
  return {
    description,
    schema: { type: 'string', maxLength },
    parse: (text) => (text.trim().length === 0 ? { error: 'must not be blank' } : text.length > maxLength ? { error: `must be at most ${maxLength} characters` } : { value: text.trim() }),
  };
}

export function dateParam(description: string): ParamSpec<string> {
  return { description, schema: { type: 'string', format: 'date' }, parse: (text) => (isCalendarDate(text) ? { value: text } : { error: 'must be a date that exists, written YYYY-MM-DD' }) };
}

export function oneOfParam<T extends string>(values: readonly T[], description: string): ParamSpec<T> {
  return {
    description,
    schema: { type: 'string', enum: [...values] },
    parse: (text) => ((values as readonly string[]).includes(text) ? { value: text as T } : { error: `must be one of ${values.join(', ')}` }),
  };
}

/** Several values, comma-separated or repeated: `status=InProgress,Accepted`. */
export function listParam<T extends string>(values: readonly T[], description: string): ParamSpec<T[]> {
  return {
    description: `${description} (comma-separated, any of: ${values.join(', ')})`,
    schema: { type: 'string' },
    list: true,
    parse: (text) => {
      const items = text.split(',').map((item) => item.trim());
      const unknown = items.filter((item) => !(values as readonly string[]).includes(item));
      return unknown.length === 0 ? { value: items as T[] } : { error: `has ${unknown.map((u) => JSON.stringify(u)).join(', ')}, not one of ${values.join(', ')}` };
    },
  };
}

export function booleanParam(description: string): ParamSpec<boolean> {
  return {
    description,
    schema: { type: 'boolean' },
    parse: (text) => (text === 'true' ? { value: true } : text === 'false' ? { value: false } : { error: 'must be true or false' }),
  };
}

export function integerParam(description: string, min: number, max: number): ParamSpec<number> {
  return {
    description,
    schema: { type: 'integer', minimum: min, maximum: max },
    parse: (text) => {
      const value = Number(text);
      return /^\d+$/.test(text) && value >= min && value <= max ? { value } : { error: `must be a whole number from ${min} to ${max}` };
    },
  };
}

export function positionParam(description: string): ParamSpec<bigint> {
  return {
    description,
    schema: { type: 'string', pattern: '^[0-9]+$' },
    parse: (text) => (/^\d{1,20}$/.test(text) && BigInt(text) < 2n ** 64n ? { value: BigInt(text) } : { error: 'must be a log position: a whole number, as a command returned it' }),
  };
}

export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

/** Every read route takes these. */
export const CONSISTENCY_PARAMS = {
  atLeast: positionParam('Read your own writes: the log position a command returned. The answer waits (a few seconds at most) until the read models have reached it, and says whether they did (`consistent`).'),
} as const;

export const PAGE_PARAMS = {
  limit: integerParam(`Items per page (default ${DEFAULT_LIMIT})`, 1, MAX_LIMIT),
  offset: integerParam('Items to skip (default 0)', 0, Number.MAX_SAFE_INTEGER),
} as const;

/** Checks a request's query string against the route's parameters; unknown and malformed ones are refused together. */
export function parseQuery<S extends ParamSpecs>(query: Record<string, unknown>, specs: S): ParsedParams<S> {
  const errors: FieldError[] = [];
  const parsed: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(query)) {
    const spec = specs[name];
    if (!spec) {
      errors.push({ field: name, message: `${name} is not a parameter of this route; it takes ${Object.keys(specs).join(', ')}` });
      continue;
    }
    const texts = Array.isArray(raw) ? raw : [raw];
    if (texts.some((text) => typeof text !== 'string')) {
      errors.push({ field: name, message: `${name} must be plain text` });
      continue;
    }
    if (texts.length > 1 && !spec.list) {
      errors.push({ field: name, message: `${name} may be given once` });
      continue;
    }
    const values: unknown[] = [];
    for (const text of texts as string[]) {
      const result = spec.parse(text);
      if ('error' in result) errors.push({ field: name, message: `${name} ${result.error} (got ${JSON.stringify(text)})` });
      else values.push(result.value);
    }
    if (values.length === texts.length) parsed[name] = spec.list ? values.flat() : values[0];
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.required && !(name in query)) errors.push({ field: name, message: `${name} is required` });
  }
  if (errors.length > 0) throw invalidInput(errors);
  return parsed as ParsedParams<S>;
}

/** The OpenAPI description of the same parameters. */
export function ApiQueryParams(specs: ParamSpecs): MethodDecorator {
  return applyDecorators(...Object.entries(specs).map(([name, spec]) => ApiQuery({ name, required: spec.required === true, description: spec.description, schema: spec.schema })));
}
