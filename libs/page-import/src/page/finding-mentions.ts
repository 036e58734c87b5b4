import type { FindingKey } from '../parsed-page';
import { fold } from '../text/fold';
import { NUMBER_PATTERN, readNumber } from '../text/number-words';
import { findingTypeOfName } from './finding-reference';

const NAME = '(recommendations?|recs?|areas?\\s+for\\s+improvement|afis?|causes?\\s+of\\s+concern|cocs?)';
const JOIN = '\\s*(?:,\\s*(?:and\\s+)?|and|&|/|to|-)\\s*';
const MENTION = new RegExp(
  `\\b${NAME}\\.?\\s*(?:no\\.?\\s*|number\\s+)?(${NUMBER_PATTERN}(?:${JOIN}${NUMBER_PATTERN})*)`, 'gi');
const LIST_PART = new RegExp(`(${NUMBER_PATTERN})|(\\bto\\b|-)`, 'gi');

/** Reads "3 and 5", "three, five and seven", "3 to 5" as the numbers they name. */
function readNumberList(list: string): number[] {
  const numbers: number[] = [];
  let rangeFrom: number | null = null;
  for (const part of list.matchAll(LIST_PART)) {
    if (part[2]) {
      rangeFrom = numbers[numbers.length - 1] ?? null;
      continue;
    }
    const value = readNumber(part[1]);
    if (value === null) continue;
    if (rangeFrom !== null && value > rangeFrom && value - rangeFrom <= 50) {
      for (let n = rangeFrom + 1; n <= value; n += 1) numbers.push(n);
    } else {
      numbers.push(value);
    }
    rangeFrom = null;
  }
  return numbers;
}

/**
 * The findings a response paragraph names, in the order named: "In relation to recommendation
 * three", "Recommendation nine states", "recommendations 3 and 5", "REC 07", "cause of concern 1".
 */
export function findingMentions(paragraph: string): FindingKey[] {
  const keys: FindingKey[] = [];
  for (const match of fold(paragraph).matchAll(MENTION)) {
    const findingType = findingTypeOfName(match[1]);
    for (const number of readNumberList(match[2])) {
      if (!keys.some((key) => key.findingType === findingType && key.number === number)) keys.push({ findingType, number });
    }
  }
  return keys;
}
