import fs from 'node:fs';
import path from 'node:path';
import { COMMAND_ROLES, ROLE_TABLE } from './role-table';
import { roleTableMarkdown } from './role-table-markdown';
import { ROLES } from './roles';

describe('the role table', () => {
  it('is the table the README shows', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');
    const section = /<!-- role-table -->\n([\s\S]*?)\n<!-- \/role-table -->/.exec(readme);
    expect(section?.[1]).toBe(roleTableMarkdown());
  });

  it('gives the administrator no ledger entries, and every command to at least one other role', () => {
    for (const [command, roles] of Object.entries(COMMAND_ROLES)) {
      expect({ command, admin: (roles as readonly string[]).includes('admin') }).toEqual({ command, admin: false });
      expect(roles.length).toBeGreaterThan(0);
    }
  });

  it('names only the seven roles', () => {
    for (const roles of Object.values(ROLE_TABLE)) for (const role of roles) expect(ROLES).toContain(role);
  });
});
