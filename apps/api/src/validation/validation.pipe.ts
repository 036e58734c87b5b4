import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, invalidInput } from '../problem/problem';

/**
 * The one ValidationPipe: unknown fields are refused (not silently dropped), bodies become DTO
 * instances, and every failure is reported as a 400 problem naming each field and why (the
 * first reason per field).
 */
class LedgerValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw invalidInput([{ field: 'body', message: 'The body must be a JSON object' }]);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new LedgerValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) => invalidInput(flatten(errors)),
  });
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = path(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: withPath(message, error.property, field) }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** `findings` + `0` -> `findings[0]`. */
function path(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** Messages name the bare property ("number must be…"); a nested one is named by its full path. */
function withPath(message: string, property: string, field: string): string {
  const words = message.replace(/^property /, '').split(' ');
  const at = words.indexOf(property);
  if (at !== -1) words[at] = field;
  return words.join(' ');
}
