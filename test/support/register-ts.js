'use strict';
/**
 * Lets plain node run the TypeScript sources, for tests that need a real child process:
 *   node -r ./test/support/register-ts.js path/to/file.ts
 * Compiles each .ts file with SWC using the project's .swcrc (as jest does) and resolves the
 * @ledger/* aliases from its jsc.paths. Exports nothing.
 */
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '..', '..');
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
// The aliases are resolved below at require time, so SWC is not asked to rewrite them.
const { paths, baseUrl, ...jsc } = swcrc.jsc;
const options = { ...swcrc, jsc, sourceMaps: 'inline', swcrc: false, configFile: false };

// Longest alias first, so `@ledger/x/*` is tried before `@ledger/x` could swallow it.
const aliases = Object.entries(paths)
  .map(([alias, [target]]) => ({
    wildcard: alias.endsWith('/*'),
    alias: alias.replace(/\/\*$/, ''),
    target: path.resolve(root, baseUrl ?? '.', target.replace(/\/\*$/, '')),
  }))
  .sort((a, b) => b.alias.length - a.alias.length);

function aliased(request) {
  for (const { wildcard, alias, target } of aliases) {
    if (wildcard && request.startsWith(`${alias}/`)) return path.join(target, request.slice(alias.length + 1));
    if (!wildcard && request === alias) return target;
  }
  return request;
}

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request.startsWith('@ledger/') ? aliased(request) : request, ...rest);
};

Module._extensions['.ts'] = function (module, filename) {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};

process.setSourceMapsEnabled(true);
