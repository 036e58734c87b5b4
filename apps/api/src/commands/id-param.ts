import { ArgumentMetadata, Param, PipeTransform } from '@nestjs/common';
import { invalidInput } from '../problem/problem';

/** Ids the server assigns are UUIDs; imported records may use readable slugs. Nothing else is an id. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

class IdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (ID.test(value)) return value;
    const name = metadata.data ?? 'id';
    throw invalidInput([{ field: name, message: `${name} in the path must be an id: letters, digits, '.', '_' or '-', at most 128 characters` }]);
  }
}

/** A path id, checked for shape; whether anything was recorded under it is the store's to say (404). */
export function IdParam(name = 'id'): ParameterDecorator {
  return Param(name, new IdPipe());
}
