/** The run's verdict: the worst check wins, pass needs proof, fail-on decides the step, the headline says why. */
import { describe, expect, it } from '@jest/globals'
import { checkOf, openGates } from '../../__fixtures__/checks.js'
import { overallResult } from '../../src/gates/sequence.js'
import { headline } from '../../src/report/build/findings.js'
import { buildReport, failureMessage, shouldFail, worstOf } from '../../src/report/build/verdict.js'
import { neutraliseCommands } from '../../src/support/text.js'
import type { CheckResult, GateResult, Gates } from '../../src/types.js'

const gates = openGates
const check = (g: Gates): CheckResult => checkOf(g)
const unreachable: GateResult = { status: 'warn', cause: 'unreachable', detail: 'could not connect' }

describe('a check passes only on proof', () => {
  it('a call that got through proves every gate', () => {
    expect(overallResult(gates())).toBe('pass')
    const throttled: GateResult = { status: 'warn', cause: 'throttled', detail: 'throttled' }
    expect(overallResult(gates({ 'iam-permission': throttled }))).toBe('pass')
  })

  it('any closed gate fails, whatever else is undecided', () => {
    expect(
      overallResult(gates({ region: unreachable, 'model-access': { status: 'fail', detail: 'x' } }))
    ).toBe('fail')
  })

  it('a fault on the call, a call not made for safety, or a non-text model is inconclusive', () => {
    expect(overallResult(gates({ 'iam-permission': unreachable }))).toBe('inconclusive')
    const unreadable: GateResult = { status: 'skip', cause: 'agreement-unreadable', detail: 'x' }
    expect(overallResult(gates({ 'iam-permission': unreadable }))).toBe('inconclusive')
    const notText: GateResult = { status: 'skip', cause: 'not-text-model', detail: 'x' }
    expect(overallResult(gates({ 'iam-permission': notText }))).toBe('inconclusive')
  })

  it('without a call by design (invoke: false, image models), every other gate must read open', () => {
    const notAsked: GateResult = { status: 'skip', cause: 'invoke-disabled', detail: 'x' }
    expect(overallResult(gates({ 'iam-permission': notAsked }))).toBe('pass')
    const legacy: GateResult = { status: 'warn', cause: 'model-legacy', detail: 'x' }
    expect(overallResult(gates({ 'iam-permission': notAsked, 'model-access': legacy }))).toBe('pass')
    const denied: GateResult = { status: 'skip', cause: 'read-denied', detail: 'x' }
    expect(overallResult(gates({ 'iam-permission': notAsked, region: denied }))).toBe('inconclusive')
    const pending: GateResult = { status: 'warn', cause: 'agreement-pending', detail: 'x' }
    expect(overallResult(gates({ 'iam-permission': notAsked, 'provider-terms': pending }))).toBe(
      'inconclusive'
    )
  })
})

describe('the run', () => {
  it('takes the worst result: fail, then inconclusive, then pass', () => {
    expect(worstOf(['pass', 'inconclusive', 'pass'])).toBe('inconclusive')
    expect(worstOf(['inconclusive', 'fail'])).toBe('fail')
    expect(worstOf(['pass'])).toBe('pass')
  })

  it('a cancelled run is never a pass', () => {
    expect(buildReport([check(gates())], undefined, [], true).result).toBe('inconclusive')
  })

  it.each([
    ['pass', 'error', false],
    ['inconclusive', 'error', true],
    ['fail', 'error', true],
    ['inconclusive', 'closed', false],
    ['fail', 'closed', true],
    ['fail', 'never', false]
  ] as const)('%s with fail-on %s fails the step: %s', (result, failOn, fails) => {
    const g =
      result === 'pass'
        ? gates()
        : result === 'fail'
          ? gates({ region: { status: 'fail', detail: 'x' } })
          : gates({ 'iam-permission': unreachable })
    expect(shouldFail(buildReport([check(g)], undefined, []), failOn)).toBe(fails)
  })

  it('fail-on: warn fails a proven run with warnings', () => {
    const legacy = gates({ 'model-access': { status: 'warn', cause: 'model-legacy', detail: 'x' } })
    expect(shouldFail(buildReport([check(legacy)], undefined, []), 'warn')).toBe(true)
    expect(shouldFail(buildReport([check(legacy)], undefined, []), 'error')).toBe(false)
  })

  it('a cancelled run fails the step even with fail-on: never', () => {
    expect(shouldFail(buildReport([check(gates())], undefined, [], true), 'never')).toBe(true)
  })
})

describe('the headline says what happened', () => {
  it('names one shared cause of an unproven run', () => {
    const report = buildReport(
      [check(gates({ credentials: unreachable, 'iam-permission': unreachable }))],
      undefined,
      []
    )
    expect(headline(report)).toBe(
      'Could not reach AWS from this runner: nothing was proven (1 of 1 Bedrock access check inconclusive)'
    )
    expect(failureMessage(report, 'error')).toMatch(/fail-on: closed fails only on closed gates/)
  })

  it('falls back to counts when the causes differ', () => {
    const timedOut: GateResult = { status: 'warn', cause: 'timed-out', detail: 'x' }
    const report = buildReport(
      [check(gates({ 'iam-permission': unreachable })), check(gates({ 'iam-permission': timedOut }))],
      undefined,
      []
    )
    expect(headline(report)).toBe(
      '2 of 2 Bedrock access checks inconclusive: nothing is closed, but access was not proven'
    )
  })

  it('counts the unproven next to the closed', () => {
    const report = buildReport(
      [
        check(gates({ region: { status: 'fail', detail: 'x' } })),
        check(gates({ 'iam-permission': unreachable }))
      ],
      undefined,
      []
    )
    expect(headline(report)).toBe('1 of 2 Bedrock access checks failed: Region closed (1 more inconclusive)')
  })

  it('names the closed gates: one, two or three by name, more by count', () => {
    const closed = (gate: string) => check(gates({ [gate]: { status: 'fail', detail: 'x' } }))
    const of = (...names: string[]) => headline(buildReport(names.map(closed), undefined, []))
    expect(of('credentials', 'credentials')).toBe('2 of 2 Bedrock access checks failed: Credentials closed')
    expect(of('region', 'iam-permission')).toBe(
      '2 of 2 Bedrock access checks failed: Region and IAM permission closed'
    )
    expect(of('region', 'model-access', 'capacity')).toBe(
      '3 of 3 Bedrock access checks failed: Region, Model access and Capacity closed'
    )
    expect(of('region', 'model-access', 'provider-terms', 'capacity')).toBe(
      '4 of 4 Bedrock access checks failed: 4 gates closed'
    )
  })
})

describe('workflow-command safety', () => {
  it('breaks ##[command] anywhere and ::command:: at the start of a line, and nothing else', () => {
    const text = 'arn:aws:sts::1:assumed-role/##[error]x\n  ::set-output name=a::b\nplain :: text'
    const safe = neutraliseCommands(text)
    expect(safe).not.toContain('##[')
    expect(safe.split('\n')[1]).not.toMatch(/^\s*::/)
    expect(safe.replaceAll('\u200b', '')).toBe(text)
  })
})
