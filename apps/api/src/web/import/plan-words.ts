import { INSPECTION_TYPES, type InspectionType } from '@ledger/domain';
import { dayText } from '../reading/format';
import { INSPECTION_TYPE } from '../reading/words';

const ISO_DAY = /\b(\d{4}-\d{2}-\d{2})\b/g;
const TYPE_CODE = new RegExp(`\\btype (${INSPECTION_TYPES.join('|')})\\b`, 'g');

/**
 * A sentence of the import plan (a step, a warning) as the pages write it: the plan words its
 * dates as the API takes them (2024-10-16) and the inspection's type by its stored code, for the
 * command line; a page says 16 October 2024 and "National thematic".
 */
export function planWords(sentence: string): string {
  return sentence.replace(ISO_DAY, (iso: string) => dayText(iso)).replace(TYPE_CODE, (_, code: InspectionType) => `type ${INSPECTION_TYPE[code]}`);
}
