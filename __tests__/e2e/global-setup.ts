/**
 * Before the end-to-end tests: build the bundles from the current sources (scripts/build.sh, the same build
 * as dist/) into build/bundle, so a change to src/ can never hide behind a stale dist/. The build is skipped
 * when nothing it reads has changed since the last one.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')
export const BUNDLE_DIR = join(ROOT, 'build/bundle')
const INPUTS = [
  'src',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/build.sh',
  'scripts/ncc-build.mjs'
]

function files(path: string): string[] {
  return statSync(path).isDirectory()
    ? readdirSync(path)
        .sort()
        .flatMap(name => files(join(path, name)))
    : [path]
}

function sourceHash(): string {
  const hash = createHash('sha256')
  for (const file of INPUTS.flatMap(input => files(join(ROOT, input)))) {
    hash.update(file).update(readFileSync(file))
  }
  return hash.digest('hex')
}

export default function globalSetup(): void {
  const stamp = join(BUNDLE_DIR, '.sources')
  const hash = sourceHash()
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return
  // Said before the wait, not after: the first end-to-end run of a change spends most of its time here.
  process.stderr.write(
    '\nThe sources changed since the last end-to-end bundle: rebuilding build/bundle (the same build as dist/) …\n'
  )
  execFileSync('bash', [join(ROOT, 'scripts/build.sh'), BUNDLE_DIR], { cwd: ROOT, stdio: 'inherit' })
  writeFileSync(stamp, hash)
}
