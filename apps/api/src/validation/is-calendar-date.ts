import { registerDecorator, ValidationOptions } from 'class-validator';
import { isCalendarDate, parseOccurredAt } from '@ledger/domain';

/** A business date that exists, written YYYY-MM-DD: 2025-02-30 is refused, not rolled into March. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a date that exists, written YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
  };
}

/** A day that exists (YYYY-MM-DD), or an instant with a time and an offset (2024-09-01T10:00:00Z). */
export function IsOccurredAt(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isOccurredAt',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a day that exists, written YYYY-MM-DD, or an instant such as 2024-09-01T10:00:00Z', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && parseOccurredAt(value) !== undefined },
    });
  };
}
