import { registerDecorator, ValidationOptions } from 'class-validator';
import { isCalendarDate } from '@ledger/domain';

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
