#!/usr/bin/env node
const path = require('node:path');
const fs = require('node:fs');

const built = path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (!fs.existsSync(built)) {
  process.stderr.write('ledger: not built yet; run `npm run build` in the project folder.\n');
  process.exit(1);
}
require(built);
