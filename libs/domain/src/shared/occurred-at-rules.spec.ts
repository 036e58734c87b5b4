import { checkOccurredAtNotLater, checkOccurredNotBefore } from './occurred-at-rules';

const SKEW_MS = 5 * 60 * 1000;
// 00:30 in London on 5 December 2026 (GMT): still 5 December, whatever UTC says at the edges.
const NOW = new Date('2026-12-05T00:30:00Z');

describe('a command says when it happened', () => {
  it.each([
    ['a day, kept as a day with no invented time', '2024-10-10', { occurredAt: '2024-10-10' }],
    ['today, as a day', '2026-12-05', { occurredAt: '2026-12-05' }],
    ['an instant, normalised to UTC', '2024-10-10T09:30:00+01:00', { occurredAt: '2024-10-10T08:30:00.000Z' }],
    ['an instant a clock running a little fast gives', '2026-12-05T00:34:00Z', { occurredAt: '2026-12-05T00:34:00.000Z' }],
  ])('accepts %s', (_case, given, expected) => {
    expect(checkOccurredAtNotLater(given, NOW, SKEW_MS)).toEqual(expected);
  });

  it.each([
    ['a day still to come in London', '2026-12-06', 'OccurredAtInFuture'],
    ['an instant beyond the clock skew', '2026-12-05T00:36:00Z', 'OccurredAtInFuture'],
    ['a day that does not exist', '2024-02-30', 'OccurredAtInvalid'],
    ['an instant on a day that does not exist', '2024-09-31T10:00:00Z', 'OccurredAtInvalid'],
    ['words', 'yesterday', 'OccurredAtInvalid'],
  ])('refuses %s, naming the rule and the field', (_case, given, rule) => {
    expect(checkOccurredAtNotLater(given, NOW, SKEW_MS)).toMatchObject({ kind: 'rule-violation', rule, field: 'occurredAt' });
  });

  it('is never earlier than what it concerns, judged by its London day', () => {
    expect(checkOccurredNotBefore('2024-08-22', '2024-08-22', 'OccurredBeforePublication', 'the publication of the report')).toBeUndefined();
    // 23:30 UTC on 21 August is 00:30 on 22 August in London (BST).
    expect(checkOccurredNotBefore('2024-08-21T23:30:00.000Z', '2024-08-22', 'OccurredBeforePublication', 'the publication of the report')).toBeUndefined();
    expect(checkOccurredNotBefore('2024-08-21', '2024-08-22', 'OccurredBeforePublication', 'the publication of the report')).toMatchObject({
      rule: 'OccurredBeforePublication',
      field: 'occurredAt',
      message: 'occurredAt 2024-08-21 is before the publication of the report (2024-08-22)',
    });
    expect(checkOccurredNotBefore(undefined, '2024-08-22', 'OccurredBeforeIssue', 'the issue of REC 03')).toBeUndefined();
  });
});
