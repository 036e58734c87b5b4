import { AcceptRecommendationDto, MarkCompleteDto, RecordProgressDto } from '../../../recommendations/recommendation.dto';
import { RegisterInspectionDto } from '../../../inspections/inspection.dto';
import { checkWithDto } from './dto-check';
import type { FieldSpec, FormItem } from './field-spec';
import { bodyOf, setPath, unknownFields, valuesOf } from './form-values';
import { OCCURRED_AT, occurredAtFromDay, onBehalfOf } from './statement-fields';

const ACCEPT: FormItem[] = [
  { path: 'commitment', kind: 'textarea', label: 'Commitment' },
  { path: 'plannedCompletionDate', kind: 'date', label: 'Planned completion date (optional)' },
  onBehalfOf('chief-constable'),
  OCCURRED_AT,
];
const ACCEPT_FIELDS = ACCEPT.flatMap((item) => ('fields' in item ? [...item.fields] : [item]));

const form = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of ([] as string[]).concat(value)) params.append(name, one);
  return params;
};

describe('a recording form read as the JSON API body', () => {
  it('leaves blank answers out, trims, turns a textarea\'s CRLF into LF, and makes the nested objects', () => {
    const values = valuesOf(form({ commitment: '  Train every detective\r\nby January  ', plannedCompletionDate: ' ', 'onBehalfOf.name': 'Chief Constable', 'onBehalfOf.role': '', 'onBehalfOf.organisation': '' }), ACCEPT_FIELDS);
    expect(bodyOf(values, ACCEPT_FIELDS)).toEqual({ commitment: 'Train every detective\nby January', onBehalfOf: { name: 'Chief Constable' } });
  });

  it('sends no on-behalf-of at all when all three of its parts are blank', () => {
    expect(bodyOf(valuesOf(form({ commitment: 'x' }), ACCEPT_FIELDS), ACCEPT_FIELDS)).toEqual({ commitment: 'x' });
  });

  it('reads yes/no as booleans, a whole percent as a number (anything else as typed), and checkboxes as a list, empty when none is ticked', () => {
    const fields: FieldSpec[] = [
      { path: 'applicable', kind: 'yes-no', label: 'Applies' },
      { path: 'percentComplete', kind: 'percent', label: 'Percent' },
      { path: 'evidenceIds', kind: 'checkboxes', label: 'Evidence' },
    ];
    expect(bodyOf(valuesOf(form({ applicable: 'false', percentComplete: '40' }), fields), fields)).toEqual({ applicable: false, percentComplete: 40, evidenceIds: [] });
    expect(bodyOf(valuesOf(form({ applicable: 'maybe', percentComplete: '4O', evidenceIds: ['a', 'b'] }), fields), fields)).toEqual({ applicable: 'maybe', percentComplete: '4O', evidenceIds: ['a', 'b'] });
  });

  it('passes on a field the page does not have, so that the DTO refuses it as the API would', async () => {
    const sent = form({ commitment: 'x', _csrf: 't', recommendationId: 'other' });
    const body = bodyOf(valuesOf(sent, ACCEPT_FIELDS), ACCEPT_FIELDS, unknownFields(sent, ACCEPT_FIELDS, ['_csrf']));
    expect(body).toEqual({ commitment: 'x', recommendationId: 'other' });
    expect(await checkWithDto(AcceptRecommendationDto, body, ACCEPT)).toEqual({ ok: false, errors: [{ field: 'recommendationId', message: 'recommendationId should not exist' }] });
  });

  it('builds lists of objects from indexed names', () => {
    const body: Record<string, unknown> = {};
    setPath(body, 'findings[0].reference', 'REC 03');
    setPath(body, 'findings[1].text', 'Text');
    setPath(body, 'onBehalfOf.name', 'Chief Constable');
    expect(body).toEqual({ findings: [{ reference: 'REC 03' }, { text: 'Text' }], onBehalfOf: { name: 'Chief Constable' } });
  });
});

describe('checking a form with the JSON API\'s DTO', () => {
  it('gives the DTO instance when the API would accept the body', async () => {
    const checked = await checkWithDto(AcceptRecommendationDto, { commitment: 'Train', plannedCompletionDate: '2025-01-31' }, ACCEPT);
    expect(checked.ok && checked.dto).toBeInstanceOf(AcceptRecommendationDto);
  });

  it("names each field the DTO refuses in the field's own words, linked to its input", async () => {
    const checked = await checkWithDto(AcceptRecommendationDto, { plannedCompletionDate: '2025-02-30', onBehalfOf: { name: 'Chief Constable' } }, ACCEPT);
    expect(checked).toEqual({
      ok: false,
      errors: [
        { field: 'commitment', message: 'Commitment is required' },
        { field: 'plannedCompletionDate', message: 'Planned completion date must be a date that exists, written YYYY-MM-DD' },
        { field: 'onBehalfOf-role', message: 'Their role is required' },
        { field: 'onBehalfOf-organisation', message: 'Their organisation is required' },
      ],
    });
  });

  it('names an enum field and a list field at the first of their inputs', async () => {
    const progress: FormItem[] = [
      { path: 'narrative', kind: 'textarea', label: 'Progress' },
      { path: 'percentComplete', kind: 'percent', label: 'Percent complete (optional)' },
      { path: 'rag', kind: 'radios', label: 'Your own assessment', choices: [] },
    ];
    expect(await checkWithDto(RecordProgressDto, { narrative: 'x', percentComplete: 140, rag: 'purple' }, progress)).toEqual({
      ok: false,
      errors: [
        { field: 'percentComplete', message: 'Percent complete must not be greater than 100' },
        { field: 'rag', message: 'Your own assessment must be one of: red, amber, green' },
      ],
    });
    const complete: FormItem[] = [
      { path: 'summary', kind: 'textarea', label: 'Summary' },
      { path: 'evidenceIds', kind: 'checkboxes', label: 'Evidence it was done' },
    ];
    expect(await checkWithDto(MarkCompleteDto, { summary: 'Done', evidenceIds: [' '] }, complete)).toEqual({
      ok: false,
      errors: [{ field: 'evidenceIds', message: 'Each of the evidence it was done must say something' }],
    });
  });

  it("shows an error about a finding's number, which the page derives from its reference, at the reference", async () => {
    const items: FormItem[] = [{ path: 'findings[0].reference', kind: 'text', label: 'Finding 1: reference', errorsOf: ['findings[0].number'] }];
    const body = { title: 'T', inspectionType: 'peel', scope: 'national', service: 'police', publishedOn: '2024-08-22', findings: [{ reference: 'REC 0', number: 0, findingType: 'recommendation', text: 'x' }] };
    expect(await checkWithDto(RegisterInspectionDto, body, items)).toEqual({
      ok: false,
      errors: [{ field: 'findings-0-reference', message: 'Finding 1: reference: its number must not be less than 1' }],
    });
  });
});

describe('the day it happened', () => {
  it('is left out when it is today, recorded at midday UTC on an earlier day, and refused when it is no date', () => {
    const today = { occurredAt: '2025-06-01' };
    expect(occurredAtFromDay(today, '2025-06-01')).toBeUndefined();
    expect(today).toEqual({});
    const earlier = { occurredAt: '2024-09-24' };
    occurredAtFromDay(earlier, '2025-06-01');
    expect(earlier).toEqual({ occurredAt: '2024-09-24' });
    expect(occurredAtFromDay({ occurredAt: '2025-02-30' }, '2025-06-01')).toEqual({ field: 'occurredAt', message: 'Date it happened must be a real date, written YYYY-MM-DD' });
  });
});
