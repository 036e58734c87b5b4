import { post, type HistoryEvent } from './support/http';
import { removeDataDir, startLedger } from './support/ledger-under-test';

const challenge = { forum: 'Police and Crime Panel', meetingDate: '2024-11-05', question: 'Is the RASSO training on track?', answerDueBy: '2024-12-03' };

describe('who a command is recorded as', () => {
  it('is the configured development identity, never anything in the body', async () => {
    const ledger = await startLedger(undefined, { LEDGER_DEV_USER_ID: 'jo.bloggs', LEDGER_DEV_USER_NAME: 'Jo Bloggs', LEDGER_DEV_USER_ROLE: 'Scrutiny officer', LEDGER_DEV_USER_ORG: 'Cumbria OPFCC' });
    try {
      const raised = await post(ledger, '/api/challenges', challenge, { headers: { 'X-Correlation-Id': 'panel-2024-11' } }).expect(201);
      const history = await ledger.http().get(`/api/challenges/${raised.body.challengeId}/history`).expect(200);
      const [event] = history.body.events as HistoryEvent[];
      expect(event.metadata.actor).toEqual({ id: 'jo.bloggs', name: 'Jo Bloggs', role: 'Scrutiny officer', organisation: 'Cumbria OPFCC' });
      expect(event.metadata.$correlationId).toBe('panel-2024-11');
      expect(event.metadata.source).toBe('api');

      await post(ledger, '/api/challenges', { ...challenge, actor: { id: 'someone-else' } }).expect(400);
    } finally {
      await ledger.stop();
      removeDataDir(ledger.dataDir);
    }
  });

  it('can be another development person only in development mode', async () => {
    const development = await startLedger();
    const production = await startLedger(undefined, { NODE_ENV: 'production' });
    try {
      const raised = await post(development, '/api/challenges', challenge, { as: 'hmicfrs-liaison' }).expect(201);
      const history = await development.http().get(`/api/challenges/${raised.body.challengeId}/history`).expect(200);
      expect((history.body.events as HistoryEvent[])[0].metadata.actor).toMatchObject({ id: 'hmicfrs-liaison', role: 'HMICFRS liaison' });

      const refused = await post(production, '/api/challenges', challenge, { as: 'hmicfrs-liaison' }).expect(401);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body.detail).toMatch(/only honoured in development mode/);
      expect(await production.store.headPosition()).toBeNull();
    } finally {
      for (const ledger of [development, production]) {
        await ledger.stop();
        removeDataDir(ledger.dataDir);
      }
    }
  });
});
