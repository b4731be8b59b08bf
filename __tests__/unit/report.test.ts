import { describe, expect, it } from '@jest/globals'
import { annotationsFor } from '../../src/report/annotations.js'
import { fixWithHints, groupFindings } from '../../src/report/findings.js'
import { renderSummary } from '../../src/report/summary.js'
import { renderText } from '../../src/report/terminal.js'
import { combinedPolicy, invokeStatement } from '../../src/diagnosis/iam-policy.js'
import { withProfiles, withRegionHints } from '../../src/hints.js'
import { mapConcurrent } from '../../src/probe.js'
import { checkOf, openGates } from '../../__fixtures__/checks.js'
import { buildReport } from '../../src/report/verdict.js'
import type { CheckResult, GateResult, Report } from '../../src/types.js'

function check(model: string, region: string, overrides: Partial<CheckResult['gates']> = {}): CheckResult {
  return checkOf(openGates(overrides), model, region)
}

function report(checks: CheckResult[]): Report {
  return buildReport(
    checks,
    { account: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/ci/x' },
    []
  )
}

const scp: GateResult = {
  status: 'fail',
  cause: 'iam-scp-deny',
  detail: 'SCP denies',
  fix: 'Ask the administrators.'
}

describe('job summary', () => {
  it('has one row per check and a column per gate', () => {
    const html = renderSummary(
      report([check('amazon.nova-lite-v1:0', 'us-east-1'), check('amazon.nova-lite-v1:0', 'eu-west-1')]),
      ''
    )
    expect(html).toContain(
      '<th>Credentials</th><th>Region</th><th>Model access</th><th>Provider terms</th><th>IAM permission</th>'
    )
    expect(html.match(/<tr><td>/g)).toHaveLength(2)
    expect(html).toContain('All 2 Bedrock access checks passed: access proven')
    expect(html).toContain('arn:aws:sts::111122223333:assumed-role/ci/x')
  })

  it('escapes hostile model IDs and messages so the table and page stay intact', () => {
    const hostile: GateResult = {
      status: 'fail',
      cause: 'iam-denied',
      detail: 'denied </td><script>alert(1)</script> | col',
      fix: '<img src=x onerror=alert(1)>'
    }
    const html = renderSummary(report([check('a.b|<script>', 'us-east-1', { region: hostile })]), '')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('&#124;')
  })

  it('groups identical failures: twenty checks, one finding', () => {
    const checks = Array.from({ length: 20 }, (_, i) =>
      check(`amazon.model-${i}-v1:0`, 'us-east-1', { 'iam-permission': scp })
    )
    const findings = groupFindings(report(checks), 'fail')
    expect(findings).toHaveLength(1)
    expect(findings[0]!.checks).toHaveLength(20)
    const html = renderSummary(report(checks), '')
    expect(html.match(/<h4>/g)).toHaveLength(1)
    expect(html).toContain('and 8 more<')
  })

  it('shows one "Seen" when the grouped checks saw the same, and each place when they saw different things', () => {
    const same = renderSummary(
      report([
        check('a.x-1', 'us-east-1', { 'iam-permission': scp }),
        check('b.y-1', 'us-east-1', { 'iam-permission': scp })
      ]),
      ''
    )
    expect(same).toContain('<p><b>Seen:</b> SCP denies</p>')
    const offered = (model: string): GateResult => ({
      status: 'fail',
      cause: 'region-not-offered',
      detail: `${model} is not offered`,
      fix: 'Move.'
    })
    const different = renderSummary(
      report([
        check('a.x-1', 'eu-west-3', { region: offered('a.x-1') }),
        check('b.y-1', 'eu-west-3', { region: offered('b.y-1') })
      ]),
      ''
    )
    expect(different.match(/<h4>/g)).toHaveLength(1)
    expect(different).toContain('<li><code>a.x-1 @ eu-west-3</code>: a.x-1 is not offered</li>')
    expect(different).toContain('<li><code>b.y-1 @ eu-west-3</code>: b.y-1 is not offered</li>')
  })

  it('lists the changes the probe made to the account', () => {
    const r = report([check('anthropic.claude-sonnet-4-6', 'us-east-1')])
    r.changes = [
      { action: 'use-case-form-submitted', region: 'us-east-1' },
      {
        action: 'agreement-created',
        region: 'us-east-1',
        model: 'anthropic.claude-sonnet-4-6',
        offerId: 'offer-1'
      }
    ]
    const html = renderSummary(r, '')
    expect(html).toContain('Changes made to the account')
    expect(html).toContain('Submitted the Anthropic use-case form in <code>us-east-1</code>')
    expect(html).toContain('Created the model agreement for <code>anthropic.claude-sonnet-4-6</code>')
  })

  it('shows the combined IAM policy once', () => {
    const policy = combinedPolicy([
      { Sid: 'A', Effect: 'Allow', Action: ['bedrock:InvokeModel'], Resource: ['arn:b', 'arn:a'] },
      { Sid: 'B', Effect: 'Allow', Action: ['bedrock:InvokeModel'], Resource: ['arn:a', 'arn:c'] }
    ])
    expect(JSON.parse(policy).Statement[0].Resource).toEqual(['arn:a', 'arn:b', 'arn:c'])
    expect(renderSummary(report([check('a.b-1', 'us-east-1')]), policy)).toContain(
      'Least-privilege IAM policy'
    )
    expect(combinedPolicy([])).toBe('')
  })

  it('keeps one statement per set of actions, so listing profiles never grants invoking on them', () => {
    const policy = JSON.parse(
      combinedPolicy([
        {
          Sid: 'A',
          Effect: 'Allow',
          Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
          Resource: ['arn:m']
        },
        { Sid: 'L', Effect: 'Allow', Action: ['bedrock:ListInferenceProfiles'], Resource: ['arn:p/*'] }
      ])
    ) as { Statement: { Sid: string; Action: string[]; Resource: string[] }[] }
    expect(policy.Statement).toEqual([
      {
        Sid: 'BedrockAccessProbeInvoke',
        Effect: 'Allow',
        Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
        Resource: ['arn:m']
      },
      {
        Sid: 'BedrockAccessProbeListProfiles',
        Effect: 'Allow',
        Action: ['bedrock:ListInferenceProfiles'],
        Resource: ['arn:p/*']
      }
    ])
  })
})

describe('annotations', () => {
  it('one error per failing check naming model, region and gate, with the fix', () => {
    const annotations = annotationsFor(
      report([
        check('amazon.nova-lite-v1:0', 'us-east-1', { 'iam-permission': scp }),
        check('a.b-1', 'us-west-2')
      ])
    )
    expect(annotations).toHaveLength(1)
    expect(annotations[0]).toMatchObject({
      level: 'error',
      properties: { title: 'Bedrock amazon.nova-lite-v1:0 @ us-east-1: IAM permission closed' }
    })
    expect(annotations[0]!.message).toContain('Fix: Ask the administrators.')
  })

  it('warnings become warnings, and a found ID carries its file and line', () => {
    const warned = check('a.b-1', 'us-east-1', {
      'provider-terms': { status: 'warn', detail: 'PENDING', fix: 'wait' }
    })
    warned.source = { file: 'src/app.ts', line: 12 }
    const [annotation] = annotationsFor(report([warned]))
    expect(annotation).toMatchObject({ level: 'warning', properties: { file: 'src/app.ts', startLine: 12 } })
  })

  it('carry the hints in the one-line fix, so an annotation stands on its own', () => {
    const gate: GateResult = {
      status: 'fail',
      cause: 'on-demand-unsupported',
      detail: 'x',
      fix: 'Use a profile.',
      hints: { profiles: ['us.m.x-1'], offeredIn: ['us-west-2'] }
    }
    expect(fixWithHints({ region: 'us-east-1' }, gate)).toBe(
      'Use a profile. Profiles in us-east-1 that contain this model: us.m.x-1. Of the requested regions, it is offered in us-west-2.'
    )
  })
})

describe('text rendering', () => {
  it('aligns the table and prints the findings', () => {
    const text = renderText(
      report([check('amazon.nova-lite-v1:0', 'us-east-1', { 'iam-permission': scp })]),
      ''
    )
    expect(text).toMatch(/^1 of 1 Bedrock access check failed: a gate is closed/)
    expect(text).toMatch(
      /MODEL\s+REGION\s+CREDENTIALS\s+REGION\s+MODEL ACCESS\s+PROVIDER TERMS\s+IAM PERMISSION\s+RESULT/
    )
    expect(text).toContain('fix:   Ask the administrators.')
  })
})

describe('run helpers', () => {
  it('mapConcurrent keeps order and never exceeds the limit', async () => {
    let running = 0
    let peak = 0
    const results = await mapConcurrent([5, 1, 4, 2, 3, 0], 2, async n => {
      running++
      peak = Math.max(peak, running)
      await new Promise(resolve => setTimeout(resolve, n))
      running--
      return n * 10
    })
    expect(results).toEqual([50, 10, 40, 20, 30, 0])
    expect(peak).toBe(2)
  })

  it('names the requested regions where a model not offered here is offered', () => {
    const missing: GateResult = {
      status: 'fail',
      cause: 'region-not-offered',
      detail: 'not offered',
      fix: 'Use another region.'
    }
    const checks = [
      check('m.x-1', 'eu-west-3', { region: missing }),
      check('m.x-1', 'us-east-1'),
      check('m.x-1', 'us-west-2')
    ]
    const hinted = withRegionHints(checks)
    expect(hinted[0]!.gates.region.hints).toEqual({ offeredIn: ['us-east-1', 'us-west-2'] })
    expect(hinted[0]!.gates.region.fix).toBe('Use another region.')
    expect(checks[0]!.gates.region.hints).toBeUndefined()
    expect(hinted[1]).toBe(checks[1])
  })

  it('adds the profiles that reach a model, leaving out the ID the check used', () => {
    const missing: GateResult = { status: 'fail', cause: 'profile-not-found', detail: 'x' }
    const gates = check('us.m.x-1', 'eu-west-3', { region: missing }).gates
    expect(withProfiles(gates, ['us.m.x-1', 'global.m.x-1'], 'us.m.x-1').region.hints).toEqual({
      profiles: ['global.m.x-1']
    })
    expect(withProfiles(gates, ['us.m.x-1'], 'us.m.x-1')).toBe(gates)
  })
})

describe('least-privilege statements', () => {
  it('a global profile also needs the foundation model with no region; ISO regions get their own partition', () => {
    const global = invokeStatement({
      region: 'us-east-1',
      account: '111122223333',
      baseModelId: 'anthropic.claude-sonnet-4-6',
      profileId: 'global.anthropic.claude-sonnet-4-6',
      profileModelArns: ['arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6']
    })
    expect(global.Resource).toEqual([
      'arn:aws:bedrock:us-east-1:111122223333:inference-profile/global.anthropic.claude-sonnet-4-6',
      'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6',
      'arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-6'
    ])
    const regional = invokeStatement({ region: 'us-east-1', baseModelId: 'm.x-1', profileId: 'us.m.x-1' })
    expect(regional.Resource).not.toContain('arn:aws:bedrock:::foundation-model/m.x-1')
    expect(invokeStatement({ region: 'us-isob-east-1', baseModelId: 'm.x-1' }).Resource).toEqual([
      'arn:aws-iso-b:bedrock:us-isob-east-1::foundation-model/m.x-1'
    ])
  })
})
