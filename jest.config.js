/** Jest runs TypeScript through SWC; @nestjs packages ship ESM and are transformed too. */
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

const aliases = {};
for (const [alias, [target]] of Object.entries(swc.jsc.paths)) {
  const key = alias.endsWith('/*') ? `^${alias.slice(0, -2)}/(.*)$` : `^${alias}$`;
  aliases[key] = `<rootDir>/${target.endsWith('/*') ? target.slice(0, -2) + '/$1' : target}`;
}

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.test.ts'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swc, swcrc: false }] },
  // sanitize-html bundles an ESM-only htmlparser2 of its own; jest must transform it like @nestjs.
  transformIgnorePatterns: ['^(?!.*/node_modules/sanitize-html/node_modules/).*/node_modules/(?!@nestjs/)'],
  moduleNameMapper: aliases,
  testTimeout: 30000,
};
