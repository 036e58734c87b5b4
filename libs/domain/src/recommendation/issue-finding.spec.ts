import type { RecommendationCommand } from './recommendation-commands';
import type { RecommendationRule } from './recommendation-rules';
import { given } from './recommendation.given-when-then';
import { issued, issueFinding, REC_03, REC_05, REC_07, REC_09, REC_11 } from './sample-recommendations.fixture';

describe('IssueFinding', () => {
  it.each([
    { finding: REC_03, dueDate: '2025-01-31', subItems: 0 },
    { finding: REC_05, dueDate: '2025-07-31', subItems: 0 },
    { finding: REC_07, dueDate: '2025-01-31', subItems: 2 },
    { finding: REC_09, dueDate: '2025-01-31', subItems: 0 },
    { finding: REC_11, dueDate: '2025-03-31', subItems: 3 },
  ])('given nothing yet, when the sample inspection is registered, then $finding.reference is issued as published, due $dueDate with $subItems sub-items', ({ finding, dueDate, subItems }) => {
    given().when(issueFinding(finding)).then(issued(finding)).andStatusIs('Issued');
    expect(issued(finding)).toMatchObject({ reference: finding.reference, text: finding.text, dueDate });
    expect(issued(finding).subItems).toHaveLength(subItems);
  });

  it('given nothing yet, when an area for improvement with no due date is issued, then FindingIssued: it may still be tracked', () => {
    const afi = { ...issueFinding(REC_05), recommendationId: 'finding-afi-2', reference: 'AFI 2', number: 2, findingType: 'area-for-improvement' as const, dueDate: null };
    given().when(afi).then({ ...afi, type: 'FindingIssued' }).andStatusIs('Issued');
  });

  it('given nothing yet, when a cause of concern "with immediate effect" is issued, then FindingIssued with the immediate flag', () => {
    const concern = { ...issueFinding(REC_07), recommendationId: 'finding-coc-1', reference: 'Cause of concern 1', number: 1, findingType: 'cause-of-concern' as const, dueDate: null, immediate: true };
    given().when(concern).then({ ...concern, type: 'FindingIssued' }).andStatusIs('Issued');
  });

  it('given REC 03 issued, when it is issued again, then RecommendationAlreadyIssued', () => {
    given(issued(REC_03)).when(issueFinding(REC_03)).thenRefused('RecommendationAlreadyIssued');
  });

  it.each<{ problem: string; change: Record<string, unknown>; rule: RecommendationRule; field: string }>([
    { problem: 'no finding id', change: { recommendationId: ' ' }, rule: 'FieldRequired', field: 'recommendationId' },
    { problem: 'no inspection', change: { inspectionId: '' }, rule: 'FieldRequired', field: 'inspectionId' },
    { problem: 'no reference', change: { reference: '' }, rule: 'FieldRequired', field: 'reference' },
    { problem: 'number 0', change: { number: 0 }, rule: 'InvalidValue', field: 'number' },
    { problem: 'number 3.5', change: { number: 3.5 }, rule: 'InvalidValue', field: 'number' },
    { problem: 'an unknown finding type', change: { findingType: 'observation' }, rule: 'InvalidValue', field: 'findingType' },
    { problem: 'no text', change: { text: '   ' }, rule: 'FieldRequired', field: 'text' },
    { problem: 'a blank sub-item', change: { subItems: [REC_07.subItems[0], ''] }, rule: 'FieldRequired', field: 'subItems[1]' },
    { problem: 'sub-items that are not a list', change: { subItems: 'develop a problem profile' }, rule: 'InvalidValue', field: 'subItems' },
    { problem: 'a blank addressee', change: { addressees: [' '] }, rule: 'FieldRequired', field: 'addressees[0]' },
    { problem: 'addressees that are not a list', change: { addressees: 'all chief constables' }, rule: 'InvalidValue', field: 'addressees' },
    { problem: 'the due date 2025-02-30, which does not exist', change: { dueDate: '2025-02-30' }, rule: 'InvalidDate', field: 'dueDate' },
    { problem: 'the due date as words', change: { dueDate: '31 January 2025' }, rule: 'InvalidDate', field: 'dueDate' },
    { problem: 'an immediate flag that is not true or false', change: { immediate: 'yes' }, rule: 'InvalidValue', field: 'immediate' },
  ])('given nothing yet, when REC 07 is issued with $problem, then $rule on $field', ({ change, rule, field }) => {
    given()
      .when({ ...issueFinding(REC_07), ...change } as RecommendationCommand)
      .thenRefused(rule, field);
  });
});
