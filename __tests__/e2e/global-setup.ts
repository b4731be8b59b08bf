/**
 * Before the end-to-end tests: the bundles they run, built from the current sources by scripts/build.sh (the same
 * build as dist/), in build/bundle, so a change to src/ can never hide behind a stale dist/. No build is made when
 * one of these sources is already on disk (the fingerprint each build writes, scripts/sources-hash.mjs): the last
 * bundle, or the committed dist/ (on a fresh clone, when dist/ was committed with its sources, as CI requires).
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')
export const BUNDLE_DIR = join(ROOT, 'build/bundle')
const DIST = join(ROOT, 'dist')

const builtFrom = (dir: string) => {
  const stamp = join(dir, '.sources')
  return existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : undefined
}

export default function globalSetup(): void {
  const hash = execFileSync(process.execPath, [join(ROOT, 'scripts/sources-hash.mjs')], { encoding: 'utf8' })
  if (builtFrom(BUNDLE_DIR) === hash) return
  if (builtFrom(DIST) === hash) {
    rmSync(BUNDLE_DIR, { recursive: true, force: true })
    cpSync(DIST, BUNDLE_DIR, { recursive: true })
    process.stderr.write('\nThe end-to-end tests run a copy of dist/: it is built from these sources.\n')
    return
  }
  // Said before the wait, not after: the first end-to-end run of a change spends most of its time here.
  process.stderr.write(
    '\nThe sources changed since the last bundle: building build/bundle (the same build as dist/, about 45 s) …\n'
  )
  execFileSync('bash', [join(ROOT, 'scripts/build.sh'), BUNDLE_DIR], { cwd: ROOT, stdio: 'inherit' })
}
