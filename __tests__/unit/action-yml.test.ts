/** action.yml is the public interface: its defaults and names must match what the code reads and the README documents. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { parse } from 'yaml'
import { INPUT_DEFAULTS, readProbeInputs } from '../../src/inputs/parse.js'

const root = join(import.meta.dirname, '../..')
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  description: string
  branding: { icon: string; color: string }
  runs: { using: string; main: string }
  inputs: Record<string, { default?: string; required?: boolean }>
  outputs: Record<string, unknown>
}
const readme = readFileSync(join(root, 'README.md'), 'utf8')

describe('action.yml', () => {
  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('can be published on GitHub Marketplace: a short description and branding GitHub accepts', () => {
    // The Marketplace release form refuses "Description must be less than 125 characters." (reported by
    // action authors, e.g. github.com/Booyaka101/hass-breakage-radar/pull/44); it checks nothing else CI would see.
    expect(action.description.length).toBeLessThan(125)
    expect(action.description).toMatch(/Bedrock/)
    // GitHub's branding colours (docs.github.com, metadata syntax for GitHub Actions: branding.color).
    expect(['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']).toContain(
      action.branding.color
    )
    expect(action.branding.icon).toMatch(/^[a-z-]+$/)
  })

  it('has the defaults the code applies', () => {
    for (const [name, value] of Object.entries(INPUT_DEFAULTS))
      expect(action.inputs[name]?.default).toBe(value)
  })

  it('keeps the public names', () => {
    for (const name of [
      'models',
      'regions',
      'role-to-assume',
      'audience',
      'role-session-name',
      'role-duration-seconds',
      'invoke',
      'fail-on',
      'request-timeout-seconds',
      'create-agreement',
      'use-case-form',
      'wait-timeout-seconds'
    ]) {
      expect(action.inputs).toHaveProperty(name)
    }
    expect(Object.keys(action.outputs)).toEqual([
      'result',
      'report',
      'iam-policy',
      'aws-account-id',
      'authenticated-arn',
      'credential-source'
    ])
  })

  it('every input is read by the code and documented in the README', async () => {
    const read = new Set<string>()
    await readProbeInputs({
      read: name => {
        read.add(name)
        return { models: 'amazon.nova-lite-v1:0', regions: 'us-east-1' }[name] ?? ''
      },
      env: {},
      cwd: root
    })
    // merge switches the action to merge mode before any probe input is read (src/main.ts).
    read.add('merge')
    for (const name of Object.keys(action.inputs)) {
      expect(read).toContain(name)
      expect(readme).toContain(`\`${name}\``)
    }
    for (const name of Object.keys(action.outputs)) expect(readme).toContain(`\`${name}\``)
  })
})

describe('the action metadata schema (scripts/action-schema.json)', () => {
  const schema = JSON.parse(readFileSync(join(root, 'scripts/action-schema.json'), 'utf8')) as object
  const validate = new Ajv({ allErrors: true }).compile(schema)

  it('accepts action.yml as it is, node24 included', () => {
    expect(validate(action)).toBe(true)
  })

  it('refuses a runtime the runner no longer has, an unknown key, and an input without a description', () => {
    expect(validate({ ...action, runs: { using: 'node16', main: 'dist/index.js' } })).toBe(false)
    expect(validate({ ...action, outputz: {} })).toBe(false)
    expect(validate({ ...action, inputs: { models: { required: true } } })).toBe(false)
  })
})
