export { ROLES, ROLE_DESCRIPTIONS, isRole, type Role } from './roles';
export { COMMAND_ROLES, OTHER_ROLES, ROLE_TABLE, RECORDS_FOR_OTHERS, OWN_ORGANISATION_ONLY, isCapability, mayDo, rolesFor, type Capability, type CommandName, type OtherCapability } from './role-table';
export { AccessDeniedError } from './access-denied.error';
export { authoriseCommand, authoriseOwnOrganisation } from './authorise-command';
export { roleTableMarkdown } from './role-table-markdown';
