import { sentences } from './sentences';

describe('sentences', () => {
  it('splits on full stops, keeps quotes and abbreviations inside their sentence', () => {
    expect(sentences('The Chief Constable said: \u201CWe accept it.\u201D We will act, e.g. on training. See para. 4 and No. 3 Unit. Done!'))
      .toEqual(['The Chief Constable said: \u201CWe accept it.\u201D', 'We will act, e.g. on training.', 'See para. 4 and No. 3 Unit.', 'Done!']);
  });
});
