/** The bootstrap policy a refused create-agreement prints is the one docs/iam-policies.md documents. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BOOTSTRAP_POLICY } from '../../src/causes/commands.js'

describe('the bootstrap policy', () => {
  it('is the statement docs/iam-policies.md gives under "Bootstrap"', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/iam-policies.md'), 'utf8')
    const section = doc.slice(doc.indexOf('**Bootstrap**'))
    const json = /```json\n([\s\S]*?)\n```/.exec(section)![1]!
    expect(JSON.parse(json)).toEqual(BOOTSTRAP_POLICY.Statement[0])
  })
})
