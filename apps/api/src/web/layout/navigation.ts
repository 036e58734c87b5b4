export const SERVICE_NAME = 'PFCC accountability ledger';

/** The service navigation, in one place so that each new section adds itself here. An item with a capability is shown only to the roles the role table lets use it. */
export const NAVIGATION = [
  { section: 'dashboard', text: 'Dashboard', href: '/dashboard' },
  { section: 'register', text: 'Register', href: '/register' },
  { section: 'import', text: 'Import a page', href: '/import', capability: 'import-page' },
  { section: 'admin', text: 'Administration', href: '/admin/projections', capability: 'administer-projections' },
  { section: 'api', text: 'API documentation', href: '/api/docs' },
] as const;

export type Section = (typeof NAVIGATION)[number]['section'];
