import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsOccurredAt } from './is-calendar-date';
import { LIST_LIMIT, TEXT_LIMITS } from './text-limits';

/**
 * One decorator per kind of field, each carrying its validation and its OpenAPI description, so
 * that a DTO says once what a field is. "Optional" means the field may be left out; null is only
 * accepted where `nullable` says so.
 */
export interface FieldOptions {
  optional?: boolean;
  nullable?: boolean;
  description?: string;
  example?: unknown;
}

type Doc = Omit<ApiPropertyOptions, 'required' | 'nullable' | 'description' | 'example'>;

function field(options: FieldOptions, doc: Doc, ...validators: PropertyDecorator[]): PropertyDecorator {
  const { optional = false, nullable = false, description, example } = options;
  const presence: PropertyDecorator[] = optional
    ? [ValidateIf((_, value) => value !== undefined && !(nullable && value === null))]
    : nullable
      ? [IsDefined({ message: '$property is required' }), ValidateIf((_, value) => value !== null)]
      : [IsDefined({ message: '$property is required' })];
  const api = { ...doc, required: !optional, nullable, description, example } as ApiPropertyOptions;
  return applyDecorators(ApiProperty(api), ...presence, ...validators);
}

/** Text that says something (not blank), at most `maxLength` characters. */
export function TextField(maxLength: number, options: FieldOptions = {}): PropertyDecorator {
  return field(
    options,
    { type: String, maxLength, minLength: 1 },
    IsString(),
    Matches(/\S/, { message: '$property may not be blank' }),
    MaxLength(maxLength, { message: `$property must be at most ${maxLength} characters` }),
  );
}

export function DateField(options: FieldOptions = {}): PropertyDecorator {
  return field({ example: '2025-01-31', ...options }, { type: String, format: 'date' }, IsCalendarDate());
}

/** When something happened: a London day (2024-10-10) when only the day is known, or an instant with its offset. */
export function OccurredAtField(options: FieldOptions = {}): PropertyDecorator {
  return field(
    { example: '2024-10-10', ...options },
    { type: String, pattern: '^\\d{4}-\\d{2}-\\d{2}(T.+)?$' },
    IsOccurredAt(),
  );
}

export function EnumField<T extends string>(values: readonly T[], options: FieldOptions = {}): PropertyDecorator {
  return field(options, { enum: [...values], type: String }, IsIn([...values], { message: `$property must be one of: ${values.join(', ')}` }));
}

export function IntField(range: { min: number; max: number }, options: FieldOptions = {}): PropertyDecorator {
  return field(options, { type: Number, minimum: range.min, maximum: range.max }, IsInt(), Min(range.min), Max(range.max));
}

export function BooleanField(options: FieldOptions = {}): PropertyDecorator {
  return field(options, { type: Boolean }, IsBoolean());
}

export function UrlField(options: FieldOptions = {}): PropertyDecorator {
  return field(
    options,
    { type: String, format: 'uri', maxLength: TEXT_LIMITS.url },
    IsString(),
    MaxLength(TEXT_LIMITS.url, { message: `$property must be at most ${TEXT_LIMITS.url} characters` }),
    IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false }, { message: '$property must be an absolute http or https address' }),
  );
}

/** A SHA-256 digest written as 64 hexadecimal characters. */
export function Sha256Field(options: FieldOptions = {}): PropertyDecorator {
  return field(options, { type: String, pattern: '^[0-9a-f]{64}$' }, IsString(), Matches(/^[0-9a-fA-F]{64}$/, { message: '$property must be a SHA-256 digest: 64 hexadecimal characters' }));
}

// `{ type: () => type() }`: Swagger recognises a lazy type by the function's name, which an
// arrow function only gets from the `type` key it is written under.
export function NestedField(type: () => new () => object, options: FieldOptions = {}): PropertyDecorator {
  return field(options, { type: () => type() }, IsObject({ message: '$property must be an object' }), ValidateNested(), Type(type));
}

export function NestedListField(type: () => new () => object, size: { min?: number; max?: number } = {}, options: FieldOptions = {}): PropertyDecorator {
  const { min = 0, max = LIST_LIMIT } = size;
  return field(
    options,
    { type: () => type(), isArray: true, minItems: min, maxItems: max },
    IsArray(),
    ArrayMinSize(min),
    ArrayMaxSize(max),
    IsObject({ each: true, message: 'each of $property must be an object' }),
    ValidateNested({ each: true }),
    Type(type),
  );
}

export function TextListField(maxLength: number, size: { min?: number; max?: number } = {}, options: FieldOptions = {}): PropertyDecorator {
  const { min = 0, max = LIST_LIMIT } = size;
  return field(
    options,
    { type: String, isArray: true, minItems: min, maxItems: max },
    IsArray(),
    ArrayMinSize(min),
    ArrayMaxSize(max),
    IsString({ each: true }),
    Matches(/\S/, { each: true, message: 'each of $property must say something' }),
    MaxLength(maxLength, { each: true, message: `each of $property must be at most ${maxLength} characters` }),
  );
}
