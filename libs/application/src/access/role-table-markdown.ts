import { ROLE_TABLE, type Capability } from './role-table';
import { ROLES } from './roles';

/**
 * The role table as Markdown, for the README (a test keeps the two identical): one row per
 * capability, one column per role, "yes" where the role may.
 */
export function roleTableMarkdown(): string {
  const header = `| capability | ${ROLES.join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = (Object.keys(ROLE_TABLE) as Capability[]).map((capability) => `| ${capability} | ${ROLES.map((role) => (ROLE_TABLE[capability].includes(role) ? 'yes' : '')).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}
