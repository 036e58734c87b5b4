import { loadApiConfig } from '../../apps/api/src/config/api-config';
import { post, type HistoryEvent } from './support/http';
import { removeDataDir, startLedger, temporaryDataDir } from './support/ledger-under-test';

const challenge = { forum: 'Police and Crime Panel', meetingDate: '2024-11-05', question: 'Is the RASSO training on track?', answerDueBy: '2024-12-03' };

describe('who a command is recorded as, with development identities', () => {
  it('is the configured development identity, never anything in the body', async () => {
    const ledger = await startLedger(undefined, { LEDGER_DEV_USER_ID: 'jo.bloggs', LEDGER_DEV_USER_NAME: 'Jo Bloggs', LEDGER_DEV_USER_ROLE: 'scrutiny', LEDGER_DEV_USER_ORG: 'Cumbria Police and Crime Panel' });
    try {
      const raised = await post(ledger, '/api/challenges', challenge, { headers: { 'X-Correlation-Id': 'panel-2024-11' } }).expect(201);
      const history = await ledger.http().get(`/api/challenges/${raised.body.challengeId}/history`).expect(200);
      const [event] = history.body.events as HistoryEvent[];
      expect(event.metadata.actor).toEqual({ id: 'jo.bloggs', name: 'Jo Bloggs', role: 'scrutiny', organisation: 'Cumbria Police and Crime Panel' });
      expect(event.metadata.$correlationId).toBe('panel-2024-11');
      expect(event.metadata.source).toBe('api');

      await post(ledger, '/api/challenges', { ...challenge, actor: { id: 'someone-else' } }).expect(400);
    } finally {
      await ledger.stop();
      removeDataDir(ledger.dataDir);
    }
  });

  it('can be another development person, by the header, with the role the table gives them', async () => {
    const ledger = await startLedger();
    try {
      const raised = await post(ledger, '/api/challenges', challenge, { as: 'scrutiny-member' }).expect(201);
      const history = await ledger.http().get(`/api/challenges/${raised.body.challengeId}/history`).expect(200);
      expect((history.body.events as HistoryEvent[])[0].metadata.actor).toMatchObject({ id: 'scrutiny-member', role: 'scrutiny' });
    } finally {
      await ledger.stop();
      removeDataDir(ledger.dataDir);
    }
  });

  it('needs a role of the table for the configured development identity', () => {
    expect(() => loadApiConfig({ LEDGER_DEV_IDENTITIES: '1', LEDGER_DEV_USER_ROLE: 'Scrutiny officer' })).toThrow(/LEDGER_DEV_USER_ROLE must be one of the roles/);
  });
});

describe('the header impersonation, without development identities', () => {
  it('is refused outright at start-up in production', async () => {
    expect(() => loadApiConfig({ NODE_ENV: 'production', LEDGER_DEV_IDENTITIES: '1' })).toThrow(/LEDGER_DEV_IDENTITIES=1 is refused when NODE_ENV=production/);
  });

  it.each([
    ['production', { NODE_ENV: 'production', LEDGER_DEV_IDENTITIES: '0' }],
    ['development mode without the flag', { LEDGER_DEV_IDENTITIES: '0' }],
  ])('gets 401 in %s, acts as nobody and appends nothing', async (_mode, env) => {
    const ledger = await startLedger(temporaryDataDir(), env);
    try {
      for (const person of ['ledger-admin', 'office-staff', 'performance-lead']) {
        const refused = await post(ledger, '/api/challenges', challenge, { as: person }).expect(401);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body.detail).toMatch(/X-Ledger-Dev-User is refused: development identities are off/);
        await ledger.http().get('/api/read/register').set('X-Ledger-Dev-User', person).expect(401);
      }
      // Nobody at all: no default person either.
      await post(ledger, '/api/challenges', challenge).expect(401);
      await ledger.http().get('/api/read/register').expect(401);
      expect(await ledger.store.headPosition()).toBeNull();
    } finally {
      await ledger.stop();
      removeDataDir(ledger.dataDir);
    }
  });
});
