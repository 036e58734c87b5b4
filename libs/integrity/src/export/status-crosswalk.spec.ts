import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RECOMMENDATION_STATUSES } from '@ledger/domain/recommendation';
import { DEFAULT_STATUS_CROSSWALK, inspectorateWording, loadStatusCrosswalk, statusCrosswalk } from './status-crosswalk';

describe('the status crosswalk', () => {
  it('has a wording for every ledger status by default', () => {
    for (const status of RECOMMENDATION_STATUSES) expect(DEFAULT_STATUS_CROSSWALK[status]).toEqual(expect.any(String));
  });

  it('takes the office\'s wording from a JSON file, keeping the default for statuses it leaves out', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    const file = path.join(dir, 'crosswalk.json');
    fs.writeFileSync(file, JSON.stringify({ Closed: 'Closed – pending HMICFRS review' }));
    const crosswalk = loadStatusCrosswalk(file);
    expect(inspectorateWording(crosswalk, 'Closed')).toBe('Closed – pending HMICFRS review');
    expect(inspectorateWording(crosswalk, 'Issued')).toBe(DEFAULT_STATUS_CROSSWALK.Issued);
    expect(inspectorateWording(crosswalk, null)).toBe('');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an unknown status or an empty wording by name', () => {
    expect(() => statusCrosswalk({ Done: 'Closed' })).toThrow(/"Done" is not a ledger status/);
    expect(() => statusCrosswalk({ Closed: ' ' })).toThrow(/wording for Closed/);
    expect(() => statusCrosswalk(['Closed'])).toThrow(/JSON object/);
  });
});
