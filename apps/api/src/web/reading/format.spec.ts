import type { Inline } from '../components/inline';
import { renderString } from '../layout/render';
import { day, dayText, externalLink, inSentence, instantText, occurred, shorten } from './format';
import { againstDateText, ragTag, recordedLateText, statusTag } from './words';

/** As a page shows it: through the templates' own `inline` macro. */
const shown = (x: Inline) => renderString('{% from "components/ledger.njk" import inline %}{{ inline(x) }}', { x }).replace(/\s+/g, ' ').replace(/> /g, '>').replace(/ </g, '<');

describe('how the reading pages write dates, status and overdue', () => {
  it('writes calendar dates as GOV.UK does, in a time element', () => {
    expect(dayText('2024-08-22')).toBe('22 August 2024');
    expect(shown(day('2025-01-01'))).toBe('<time datetime="2025-01-01">1 January 2025</time>');
    expect(shown(day(null, 'Not published'))).toBe('Not published');
  });

  it('writes instants as London wall-clock time, in summer and winter', () => {
    expect(instantText('2024-09-24T14:00:00.000Z')).toBe('24 September 2024, 15:00');
    expect(instantText('2024-12-06T09:00:00Z')).toBe('6 December 2024, 09:00');
    expect(instantText('2025-03-30T23:30:00Z')).toBe('31 March 2025, 00:30');
    expect(instantText('2024-09-24')).toBe('24 September 2024');
  });

  it('writes when something happened as a day when only the day is known, never with an invented clock time', () => {
    expect(shown(occurred('2025-01-28'))).toBe('<time datetime="2025-01-28">28 January 2025</time>');
    expect(shown(occurred('2025-07-01T12:00:00.000Z'))).toBe('<time datetime="2025-07-01T12:00:00.000Z">1 July 2025, 13:00</time>');
  });

  it('flags an entry recorded long after it happened', () => {
    expect(shown(recordedLateText({ recordedLate: true, recordedAfterDays: 676 }))).toBe('<strong class="govuk-tag govuk-tag--yellow">Recorded 676 days after it happened</strong>');
    expect(shown(recordedLateText({ recordedLate: false, recordedAfterDays: 1 }))).toBe('');
  });

  it('says overdue against a date in days, and what is left otherwise', () => {
    expect(shown(againstDateText(22, null))).toBe('<strong class="govuk-tag govuk-tag--red">22 days overdue</strong>');
    expect(shown(againstDateText(1, null))).toContain('1 day overdue');
    expect(shown(againstDateText(null, 0))).toBe('Due today');
    expect(shown(againstDateText(null, 39))).toBe('Due in 39 days');
    expect(shown(againstDateText(null, null))).toBe('Not overdue');
  });

  it('gives every status and RAG its words, never colour alone', () => {
    expect(shown(statusTag('AwaitingVerification'))).toBe('<strong class="govuk-tag govuk-tag--purple">Awaiting verification</strong>');
    expect(shown(statusTag(null))).toBe('Not yet issued');
    expect(shown(ragTag('amber'))).toBe('<strong class="govuk-tag govuk-tag--orange">Amber</strong>');
    expect(shown(ragTag(null))).toContain('Not rated');
  });

  it('escapes text from the ledger wherever it goes', () => {
    expect(shown({ lines: ['<script>x</script>', { link: { href: '/a?b=1&c="2"', text: '<b>' } }] })).toBe('&lt;script&gt;x&lt;/script&gt;<br><a class="govuk-link" href="/a?b=1&amp;c=&quot;2&quot;">&lt;b&gt;</a>');
  });

  it('takes the closing full stop off a title that goes inside a sentence', () => {
    expect(inSentence('Progress to introduce a national operating model for rape and other serious sexual offences investigations.')).toBe(
      'Progress to introduce a national operating model for rape and other serious sexual offences investigations',
    );
    expect(inSentence('PEEL 2025')).toBe('PEEL 2025');
  });

  it('links only web addresses, and cuts long text at a word', () => {
    expect(externalLink('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(shown(externalLink('https://example.org/a?b=1&c=2'))).toBe('<a class="govuk-link" href="https://example.org/a?b=1&amp;c=2" rel="noreferrer">https://example.org/a?b=1&amp;c=2</a>');
    expect(shorten('one two three four', 12)).toBe('one two…');
    expect(shorten('short', 12)).toBe('short');
  });
});
