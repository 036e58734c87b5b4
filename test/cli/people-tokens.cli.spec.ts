import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { removeDataDir, startLedger, temporaryDataDir } from '../e2e/support/ledger-under-test';

const repoRoot = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);
/** Each command is its own process compiling TypeScript on the fly: seconds apiece on a busy machine. */
const SLOW = 240_000;

async function ledger(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['-r', './test/support/register-ts.js', 'apps/cli/src/main.ts', ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', LEDGER_DATA_DIR: dataDir, LEDGER_PUBLIC_URL: 'https://ledger.example' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('ledger people and ledger tokens', () => {
  it('add a person with a one-time link, list, issue and revoke a token, disable: and the API agrees at each step', async () => {
    const dataDir = temporaryDataDir();
    try {
      const added = await ledger(['people', 'add', '--name', 'Priya Shah', '--role', 'scrutiny', '--organisation', 'Cumbria Police, Fire and Crime Panel'], dataDir);
      expect(added.code).toBe(0);
      expect(added.stdout).toMatch(/^Added Priya Shah \(scrutiny, Cumbria Police, Fire and Crime Panel\) with id [0-9a-f-]{36}\./);
      expect(added.stdout).toMatch(/https:\/\/ledger\.example\/sign-in\/link\/lgr_link_[A-Za-z0-9_-]{43}/);
      const id = /with id ([0-9a-f-]{36})/.exec(added.stdout)![1];

      const listed = await ledger(['people', 'list'], dataDir);
      expect(listed.stdout).toContain(`${id}  Priya Shah  scrutiny  Cumbria Police, Fire and Crime Panel\n`);

      const created = await ledger(['tokens', 'create', id, '--label', 'panel reports'], dataDir);
      expect(created.code).toBe(0);
      const token = /\n(lgr_api_[A-Za-z0-9_-]{43})\n/.exec(created.stdout)![1];
      const tokenId = /^Token ([0-9a-f-]{36})/.exec(created.stdout)![1];
      expect((await ledger(['tokens', 'list'], dataDir)).stdout).not.toContain(token);

      const api = await startLedger(dataDir, { NODE_ENV: 'production', LEDGER_DEV_IDENTITIES: '0' });
      try {
        await api.http().get('/api/read/register').set('Authorization', `Bearer ${token}`).expect(200);
        expect((await ledger(['tokens', 'revoke', tokenId], dataDir)).code).toBe(0);
        await api.http().get('/api/read/register').set('Authorization', `Bearer ${token}`).expect(401);

        const second = /\n(lgr_api_[A-Za-z0-9_-]{43})\n/.exec((await ledger(['tokens', 'create', id], dataDir)).stdout)![1];
        await api.http().get('/api/read/register').set('Authorization', `Bearer ${second}`).expect(200);
        expect((await ledger(['people', 'disable', id], dataDir)).stdout).toBe(`Disabled Priya Shah (${id}).\n`);
        await api.http().get('/api/read/register').set('Authorization', `Bearer ${second}`).expect(401);
        expect((await ledger(['people', 'list'], dataDir)).stdout).toContain('(disabled)');
      } finally {
        await api.stop();
      }
    } finally {
      removeDataDir(dataDir);
    }
  }, SLOW);

  it('refuses a role that is not in the role table, and an unknown person, changing nothing', async () => {
    const dataDir = temporaryDataDir();
    try {
      const refused = await ledger(['people', 'add', '--name', 'X', '--role', 'superuser', '--organisation', 'Y'], dataDir);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/--role must be one of office, commissioner, force-lead, verifier, scrutiny, hmicfrs-liaison, admin/);
      const unknown = await ledger(['tokens', 'create', '00000000-0000-4000-8000-000000000000'], dataDir);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/No person has the id/);
      expect((await ledger(['people', 'list'], dataDir)).stdout).toBe('Nobody is registered.\n');
    } finally {
      removeDataDir(dataDir);
    }
  }, SLOW);
});
