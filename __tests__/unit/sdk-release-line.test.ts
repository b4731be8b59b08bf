/**
 * One release line of the AWS SDK: the clients the probe bundles are updated together (the aws-sdk group of
 * .github/dependabot.yml), and the lockfile holds one copy of each package they share, so the bundle carries one
 * signer, one retry strategy and one credential chain. A client AWS has not republished since (a client is
 * published only when its service model or a shared package it pins changes) keeps its last version, which still
 * resolves to the shared packages below.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'yaml'

const ROOT = resolve(import.meta.dirname, '../..')
const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>
}
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>
}

/** Every version of a package the lockfile installs, wherever it is nested. */
function versionsOf(name: string): string[] {
  return [
    ...new Set(
      Object.entries(lock.packages)
        .filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
        .map(([, entry]) => entry.version ?? '')
    )
  ]
}

/** Every @aws-sdk and @smithy package the lockfile installs. */
const SDK_PACKAGES = [
  ...new Set(
    Object.keys(lock.packages).flatMap(
      path => /node_modules\/(@(?:aws-sdk|smithy)\/[^/]+)$/.exec(path)?.[1] ?? []
    )
  )
]

/**
 * The one package allowed twice: @aws-sdk/credential-provider-sso pins @aws-sdk/token-providers exactly, one
 * release behind the clients' own (SSO tokens only; the bundle loads it only when the chain reaches SSO).
 */
const PINNED_BEHIND = new Set(['@aws-sdk/token-providers'])

describe('the AWS SDK release line', () => {
  it('the lockfile installs one copy of every SDK package the clients share', () => {
    expect(SDK_PACKAGES).toEqual(expect.arrayContaining(['@aws-sdk/core', '@smithy/core', '@smithy/types']))
    const doubled = SDK_PACKAGES.filter(name => versionsOf(name).length > 1 && !PINNED_BEHIND.has(name))
    expect(doubled.map(name => `${name}: ${versionsOf(name).join(', ')}`)).toEqual([])
  })

  it('pins each SDK package exactly, and dependabot updates them in one group', () => {
    const sdk = Object.entries(manifest.devDependencies).filter(([name]) => /^@(aws-sdk|smithy)\//.test(name))
    expect(sdk.length).toBeGreaterThanOrEqual(8)
    for (const [name, range] of sdk)
      expect([name, range]).toEqual([name, expect.stringMatching(/^\d+\.\d+\.\d+$/)])
    const dependabot = parse(readFileSync(resolve(ROOT, '.github/dependabot.yml'), 'utf8')) as {
      updates: { 'package-ecosystem': string; groups?: Record<string, { patterns: string[] }> }[]
    }
    const npm = dependabot.updates.find(update => update['package-ecosystem'] === 'npm')
    expect(npm?.groups?.['aws-sdk']?.patterns).toEqual(expect.arrayContaining(['@aws-sdk/*', '@smithy/*']))
  })
})
