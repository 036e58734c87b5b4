import { referenceKey } from './finding';
import { inspectionTypeFromText } from './vocabulary';

describe('the inspection type as a page writes it', () => {
  it.each([
    ['National Thematic', 'national-thematic'],
    ['PEEL 2023–2025', 'peel'],
    ['Joint Criminal Justice Inspection', 'joint-criminal-justice'],
    ['Criminal Justice Joint Inspection (CJJI)', 'joint-criminal-justice'],
    ['Custody suite inspection', 'custody'],
    ['National Child Protection Inspection', 'child-protection'],
    ['Super-complaint', 'super-complaint'],
    ['Commissioned Inspection', 'commissioned'],
    ['Fire & Rescue Service Effectiveness, efficiency and people assessment', 'fire-and-rescue-assessment'],
    ['Fire and Rescue Thematic', 'fire-thematic'],
    ['State of Policing', 'state-of-policing'],
    ['State of Fire and Rescue', 'state-of-fire'],
    ['Spotlight report', 'other'],
  ])('reads %s as %s', (asWritten, expected) => {
    expect(inspectionTypeFromText(asWritten)).toBe(expected);
  });
});

describe('finding references', () => {
  it('are the same however the number is padded or spaced', () => {
    expect(referenceKey('REC 03')).toBe(referenceKey('rec 3'));
    expect(referenceKey('REC 03')).toBe(referenceKey('REC3'));
    expect(referenceKey('REC 03')).not.toBe(referenceKey('AFI 3'));
    expect(referenceKey('REC 11')).not.toBe(referenceKey('REC 1'));
  });
});
