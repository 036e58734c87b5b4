import { day, dayText, externalLink, instantText, shorten } from './format';
import { overdueText, ragTag, statusTag } from './words';

describe('how the reading pages write dates, status and overdue', () => {
  it('writes calendar dates as GOV.UK does, in a time element', () => {
    expect(dayText('2024-08-22')).toBe('22 August 2024');
    expect(day('2025-01-01').value).toBe('<time datetime="2025-01-01">1 January 2025</time>');
    expect(day(null, 'Not published').value).toBe('Not published');
  });

  it('writes instants as London wall-clock time, in summer and winter', () => {
    expect(instantText('2024-09-24T14:00:00.000Z')).toBe('24 September 2024, 15:00');
    expect(instantText('2024-12-06T09:00:00Z')).toBe('6 December 2024, 09:00');
    expect(instantText('2025-03-30T23:30:00Z')).toBe('31 March 2025, 00:30');
    expect(instantText('2024-09-24')).toBe('24 September 2024');
  });

  it('says overdue in days, and what is left otherwise', () => {
    expect(overdueText({ overdue: true, daysOverdue: 22, daysUntilTarget: null }).value).toBe('<strong class="govuk-tag govuk-tag--red">22 days overdue</strong>');
    expect(overdueText({ overdue: true, daysOverdue: 1, daysUntilTarget: null }).value).toContain('1 day overdue');
    expect(overdueText({ overdue: false, daysOverdue: null, daysUntilTarget: 0 }).value).toBe('Due today');
    expect(overdueText({ overdue: false, daysOverdue: null, daysUntilTarget: 39 }).value).toBe('Due in 39 days');
    expect(overdueText({ overdue: false, daysOverdue: null, daysUntilTarget: null }).value).toBe('Not overdue');
  });

  it('gives every status and RAG its words, never colour alone', () => {
    expect(statusTag('AwaitingVerification').value).toBe('<strong class="govuk-tag govuk-tag--purple">Awaiting verification</strong>');
    expect(statusTag(null).value).toBe('Not yet issued');
    expect(ragTag('amber').value).toBe('<strong class="govuk-tag govuk-tag--orange">Amber</strong>');
    expect(ragTag(null).value).toContain('Not rated');
  });

  it('links only web addresses, and cuts long text at a word', () => {
    expect(externalLink('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect((externalLink('https://example.org/a?b=1&c=2') as { value: string }).value).toBe('<a class="govuk-link" href="https://example.org/a?b=1&amp;c=2" rel="noreferrer">https://example.org/a?b=1&amp;c=2</a>');
    expect(shorten('one two three four', 12)).toBe('one two…');
    expect(shorten('short', 12)).toBe('short');
  });
});
