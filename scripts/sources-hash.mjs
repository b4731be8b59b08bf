/**
 * The fingerprint of everything a build of the bundles reads: src/, the lockfile and package.json, the TypeScript
 * configs and the build's own scripts, by path (relative to the repository) and content. scripts/build.sh writes it
 * into OUTDIR/.sources; the end-to-end tests' global setup compares it to skip a build whose result is already on
 * disk (its own last bundle, or the committed dist/ on a fresh clone). CI still rebuilds dist/ and compares it byte
 * for byte (scripts/check-dist.sh), so a fingerprint can never vouch for a bundle the sources do not build.
 *
 * Usage: node scripts/sources-hash.mjs   (prints the hex digest)
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const BUILD_INPUTS = [
  'src',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'scripts/build.sh',
  'scripts/ncc-build.mjs'
]

function files(path) {
  return statSync(path).isDirectory()
    ? readdirSync(path)
        .sort()
        .flatMap(name => files(join(path, name)))
    : [path]
}

export function sourcesHash(root = ROOT) {
  const hash = createHash('sha256')
  for (const file of BUILD_INPUTS.flatMap(input => files(join(root, input)))) {
    hash.update(relative(root, file).split('\\').join('/')).update('\0').update(readFileSync(file))
  }
  return hash.digest('hex')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.stdout.write(sourcesHash())
