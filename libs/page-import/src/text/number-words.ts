const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty'];

/** A regex source for a number in digits (up to three) or in words up to fifty-nine. */
export const NUMBER_PATTERN =
  '(?:\\d{1,3}|(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|' +
  'eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|' +
  'one|two|three|four|five|six|seven|eight|nine|ten)(?!\\w)';

/** Reads a number written in digits or words ("03", "eleven", "twenty-one", "a"); null if not one. */
export function readNumber(written: string): number | null {
  const word = written.trim().toLowerCase();
  if (/^\d+$/.test(word)) return Number.parseInt(word, 10);
  if (word === 'a' || word === 'an') return 1;
  const unit = UNITS.indexOf(word);
  if (unit >= 0) return unit;
  const [tens, ones] = word.split(/[- ]/);
  const tensValue = TENS.indexOf(tens);
  if (tensValue < 2) return null;
  if (ones === undefined) return tensValue * 10;
  const onesValue = UNITS.indexOf(ones);
  return onesValue >= 1 && onesValue <= 9 ? tensValue * 10 + onesValue : null;
}
