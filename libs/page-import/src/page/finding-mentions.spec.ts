import { findingMentions } from './finding-mentions';

const rec = (...numbers: number[]) => numbers.map((number) => ({ findingType: 'recommendation', number }));

describe('findings named in a response paragraph', () => {
  it.each([
    ['In relation to the recommendation three, Cumbria Constabulary will', rec(3)],
    ['Recommendation nine states the Chief Constables should', rec(9)],
    ['With regards recommendation seven, Cumbria', rec(7)],
    ['Lastly, in relation to recommendation eleven, Cumbria', rec(11)],
    ['In relation to recommendations 3 and 5, the force', rec(3, 5)],
    ['Recommendations three, five and seven', rec(3, 5, 7)],
    ['Recommendations 3 to 5 are accepted', rec(3, 4, 5)],
    ['REC 07 is accepted; so is REC 9.', rec(7, 9)],
    ['Recommendation twenty-one', rec(21)],
  ])('%s', (paragraph, expected) => {
    expect(findingMentions(paragraph)).toEqual(expected);
  });

  it('tells a cause of concern and an area for improvement from a recommendation of the same number', () => {
    expect(findingMentions('On cause of concern 1 and recommendation 1, and AFI 2, the service will')).toEqual([
      { findingType: 'cause-of-concern', number: 1 },
      { findingType: 'recommendation', number: 1 },
      { findingType: 'area-for-improvement', number: 2 },
    ]);
  });

  it('ignores recommendations mentioned without a number', () => {
    expect(findingMentions("I have reviewed our position against each of these recommendations and the report's recommendations in 2024.")).toEqual([]);
  });
});
