/**
 * Bad inputs end to end: each is refused with the input's name and a fix, before any AWS call. And hostile
 * text (model IDs, AWS messages) never breaks the summary table or forges a workflow command.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { openAccount } from '../../emulator/state.js'
import { runAction } from './harness.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

const BASE = { models: 'amazon.nova-lite-v1:0', regions: 'us-east-1' }

describe('bad inputs are refused before any AWS call', () => {
  // The full table of refusals is a unit test of parseInputs (__tests__/unit/inputs.test.ts); here one case of
  // each kind proves the shipped bundle refuses before any AWS call, in one ::error:: line.
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'a model ID with a space',
      { ...BASE, models: 'amazon.nova lite-v1:0' },
      /Input "models" entry "amazon.nova lite-v1:0" contains spaces/
    ],
    [
      'no region anywhere',
      { models: 'amazon.nova-lite-v1:0' },
      /Input "regions" is empty and neither AWS_REGION nor AWS_DEFAULT_REGION is set/
    ],
    [
      'a duration under 900',
      { ...BASE, 'role-duration-seconds': '600' },
      /Input "role-duration-seconds" is 600, outside 900 to 43200/
    ],
    [
      'job-minutes that is not a number',
      { ...BASE, 'job-minutes': '2h' },
      /Input "job-minutes" is "2h", not a whole number/
    ],
    [
      'a service tier Bedrock does not know',
      { ...BASE, 'service-tier': 'cheapest' },
      /Input "service-tier" is "cheapest". Use one of default, priority, flex, reserved/
    ],
    [
      'an unknown fail-on',
      { ...BASE, 'fail-on': 'always' },
      /Input "fail-on" is "always". Use error \(default: a closed gate or an unproven check fails\), closed \(only a closed gate\), warn or never/
    ]
  ]
  it.each(cases)('%s', async (_name, inputs, message) => {
    emulator = await startEmulator(openAccount())
    const run = await runAction(emulator, inputs, { env: { AWS_REGION: undefined } })
    expect(run.code).toBe(1)
    const error = run.stdout.split('\n').find(line => line.startsWith('::error::'))
    expect(error).toMatch(message)
    expect(emulator.calls).toEqual([])
    expect(run.outputs).toEqual({})
  })

  it('duplicate pairs are merged, not refused', async () => {
    emulator = await startEmulator(openAccount())
    const run = await runAction(emulator, {
      models: 'amazon.nova-lite-v1:0\namazon.nova-lite-v1:0, amazon.nova-lite-v1:0',
      regions: 'us-east-1, us-east-1'
    })
    expect(run.code).toBe(0)
    expect(run.report!.checks).toHaveLength(1)
  })
})

describe('hostile text', () => {
  it('model IDs carrying markup, pipes or workflow commands are refused as input', async () => {
    emulator = await startEmulator(openAccount())
    for (const models of ['amazon.x|<script>', 'amazon.x\n::set-output name=result::pass', 'amazon.<b>x']) {
      const run = await runAction(emulator, { ...BASE, models })
      expect(run.code).toBe(1)
      expect(run.stdout).not.toMatch(/^::set-output/m)
    }
    expect(emulator.calls).toEqual([])
  })

  it('an AWS message with newlines, ::commands, HTML and pipes cannot forge a command or break the table', async () => {
    const state = openAccount()
    state.faults = [
      {
        operation: 'Converse',
        kind: 'injection',
        message:
          'denied\n::error title=forged::owned\r\n::add-mask::x | </td></tr><script>alert(1)</script> %0A::warning::also'
      }
    ]
    emulator = await startEmulator(state)
    const run = await runAction(emulator, {
      ...BASE,
      models: 'amazon.nova-lite-v1:0, meta.llama3-1-8b-instruct-v1:0'
    })
    expect(run.stdout).not.toMatch(/^::error title=forged/m)
    expect(run.stdout).not.toMatch(/^::add-mask::x/m)
    expect(run.stdout).not.toMatch(/^::warning::also/m)
    expect(run.summary).not.toContain('<script>')
    expect(run.summary).toContain('&lt;script&gt;')
    // The matrix still has exactly one row per model and a cell per region.
    const matrix = run.summary.slice(0, run.summary.indexOf('</table>'))
    const rows = matrix.match(/<tr><td>.*<\/tr>/g)!
    expect(rows).toHaveLength(2)
    for (const row of rows) expect(row.match(/<td>/g)).toHaveLength(2)
    // The annotation carries the message escaped by the toolkit, on one line.
    expect(run.stdout).toMatch(
      /^::error title=Bedrock IAM permission closed \(2 checks\)::.*denied ::error title=forged::owned/m
    )
  })
})

describe('mask-account-id', () => {
  it('keeps the account ID out of outputs and the summary, and masks it in the log', async () => {
    emulator = await startEmulator(openAccount())
    const run = await runAction(emulator, { ...BASE, 'mask-account-id': 'true' })
    const masked = run.stdout.split('\n').findIndex(line => line === '::add-mask::111122223333')
    expect(masked).toBeGreaterThanOrEqual(0)
    // Masked before it is first printed, and never printed by the action itself.
    expect(
      run.stdout.split('\n').filter(line => line.includes('111122223333') && !line.startsWith('::add-mask::'))
    ).toEqual([])
    expect(run.summary).not.toContain('111122223333')
    expect(run.outputs.report).not.toContain('111122223333')
    expect(run.report!.identity!.account).toBe('***')
  })
})
