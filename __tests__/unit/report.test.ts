import { describe, expect, it } from '@jest/globals'
import { annotationsFor } from '../../src/report/render/annotations.js'
import { fixWithHints, groupFindings } from '../../src/report/build/findings.js'
import { renderSummary } from '../../src/report/render/summary.js'
import { renderSections, renderText, wantsColor } from '../../src/report/render/terminal.js'
import { combinedPolicy, invokeStatement } from '../../src/bedrock/iam-policy.js'
import { withProfiles, withRegionHints } from '../../src/run/hints.js'
import { RegionSlots } from '../../src/aws/clients.js'
import { checkOf, openGates } from '../../__fixtures__/checks.js'
import { buildReport } from '../../src/report/build/verdict.js'
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
  it('is a model × region matrix: one row per model, a column per region, the cell naming the closed gate', () => {
    const html = renderSummary(
      report([
        check('amazon.nova-lite-v1:0', 'us-east-1'),
        check('amazon.nova-lite-v1:0', 'eu-west-1', { 'iam-permission': scp }),
        check('us.anthropic.claude-sonnet-4-6', 'us-east-1', {
          'iam-permission': { status: 'warn', cause: 'throttled', detail: 'throttled' }
        })
      ])
    )
    expect(html).toContain('<tr><th>Model</th><th>us-east-1</th><th>eu-west-1</th></tr>')
    const matrix = html.slice(0, html.indexOf('</table>'))
    expect(matrix.match(/<tr><td>/g)).toHaveLength(2)
    expect(html).toContain('<tr><td><code>amazon.nova-lite-v1:0</code></td><td>✅</td><td>❌ IAM</td></tr>')
    // Not probed in a region: a dash, never an empty cell.
    expect(html).toContain('<td>✅ ⚠️</td><td>—</td>')
    // Who was checked, once, above the table; never a column that repeats it.
    expect(html.match(/arn:aws:sts::111122223333:assumed-role\/ci\/x/g)).toHaveLength(1)
    expect(html).not.toContain('<th>Credentials</th>')
  })

  it('says what was probed, how, and how long it took', () => {
    const r = report([check('amazon.nova-lite-v1:0', 'us-east-1')])
    r.probed = {
      models: 1,
      regions: ['us-east-1'],
      calls: ['converse', 'converse-stream'],
      invoke: true,
      bootstrap: false,
      durationMs: 1234
    }
    r.credentialSource = 'oidc-role'
    const html = renderSummary(r)
    expect(html).toContain(
      '<b>Probed</b> 1 model × 1 region (1 check) · calls <code>Converse</code>, <code>ConverseStream</code> · read-only · 1.2 s'
    )
    expect(html).toContain('credentials from GitHub OIDC role')
  })

  it('escapes hostile model IDs and messages so the table and page stay intact', () => {
    const hostile: GateResult = {
      status: 'fail',
      cause: 'iam-denied',
      detail: 'denied </td><script>alert(1)</script> | col',
      fix: '<img src=x onerror=alert(1)>'
    }
    const html = renderSummary(report([check('a.b|<script>', 'us-east-1', { region: hostile })]))
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('&#124;')
  })

  it('groups identical failures: twenty checks, one section, every ARN of the group in its policy', () => {
    const checks = Array.from({ length: 20 }, (_, i) => {
      const c = check(`amazon.model-${i}-v1:0`, 'us-east-1', {
        'iam-permission': { status: 'fail', cause: 'iam-no-allow', detail: 'no allow', fix: 'Attach it.' }
      })
      c.iamStatement = {
        Sid: `S${i}`,
        Effect: 'Allow',
        Action: ['bedrock:InvokeModel'],
        Resource: [`arn:aws:bedrock:us-east-1::foundation-model/amazon.model-${i}-v1:0`]
      }
      return c
    })
    const findings = groupFindings(report(checks), 'fail')
    expect(findings).toHaveLength(1)
    expect(findings[0]!.checks).toHaveLength(20)
    const html = renderSummary(report(checks))
    expect(html.match(/<h3>❌/g)).toHaveLength(1)
    expect(html).toContain('IAM permission closed: no policy allows the call (20 checks)')
    expect(html).toContain('and 8 more')
    for (let i = 0; i < 20; i++) expect(html).toContain(`foundation-model/amazon.model-${i}-v1:0`)
    expect(html).toContain('aws iam put-role-policy --role-name ci --policy-name bedrock-access')
  })

  it('one cause is one finding across regions, its place-naming fixes listed, each annotation exact', () => {
    const legacyIn = (region: string): GateResult => ({
      status: 'warn',
      cause: 'model-legacy',
      detail: 'Legacy since 2025-01-01',
      fix: `Move to anthropic.claude-3-haiku-20240307-v1:0, the newest ACTIVE model of the same line in ${region}`
    })
    const checks = ['us-east-1', 'us-west-2'].map(region =>
      check('anthropic.claude-v2:1', region, { 'model-access': legacyIn(region) })
    )
    const findings = groupFindings(report(checks), 'warn')
    expect(findings).toHaveLength(1)
    // Fixes that differ only by the region they name are said once, with the other regions.
    expect(findings[0]!.fixes).toEqual([
      'Move to anthropic.claude-3-haiku-20240307-v1:0, the newest ACTIVE model of the same line in us-east-1 (the same in us-west-2)'
    ])
    const html = renderSummary(report(checks))
    expect(html.match(/a Legacy model/g)).toHaveLength(1)
    const warnings = annotationsFor(report(checks)).filter(a => a.level === 'warning')
    expect(warnings.map(a => a.message.match(/same line in ([\w-]+)/)?.[1])).toEqual([
      'us-east-1',
      'us-west-2'
    ])
    for (const a of warnings) expect(a.message.match(/@ [\w-]+/g)).toHaveLength(1)
  })

  it('a grouped fix that names each check its own ARN lists every distinct fix', () => {
    const scpFor = (arn: string): GateResult => ({ ...scp, fix: `Ask the administrators to allow ${arn}.` })
    const html = renderSummary(
      report([
        check('a.x-1', 'us-east-1', { 'iam-permission': scpFor('arn:one') }),
        check('b.y-1', 'us-east-1', { 'iam-permission': scpFor('arn:two') })
      ])
    )
    expect(html).toContain('<li>Ask the administrators to allow arn:one.</li>')
    expect(html).toContain('<li>Ask the administrators to allow arn:two.</li>')
  })

  it("folds AWS's words once, without the caller's ARN", () => {
    const denial: GateResult = {
      ...scp,
      detail:
        'User: arn:aws:sts::111122223333:assumed-role/ci/x is not authorized to perform: bedrock:InvokeModel'
    }
    const html = renderSummary(
      report([
        check('a.x-1', 'us-east-1', { 'iam-permission': denial }),
        check('b.y-1', 'us-east-1', { 'iam-permission': denial })
      ])
    )
    expect(html).toContain('<details><summary>What was seen (1)</summary>')
    expect(html).toContain('User: (the caller) is not authorized to perform: bedrock:InvokeModel')
  })

  it('shows the trust-policy statement and the role to add it to', () => {
    const trust = {
      Effect: 'Allow' as const,
      Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
      Action: 'sts:AssumeRoleWithWebIdentity' as const,
      Condition: {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:ref:refs/heads/main' }
      }
    }
    const refused: GateResult = {
      status: 'fail',
      cause: 'oidc-trust-policy',
      detail: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      fix: 'Fix the trust policy.',
      hints: { trustPolicy: trust, roleArn: 'arn:aws:iam::111122223333:role/ci/bedrock-ci' }
    }
    const html = renderSummary(report([check('a.x-1', 'us-east-1', { credentials: refused })]))
    expect(html).toContain('Trust-policy statement that admits this token')
    expect(html).toContain('"token.actions.githubusercontent.com:sub": "repo:o/r:ref:refs/heads/main"')
    expect(html).toContain('aws iam get-role --role-name bedrock-ci')
  })

  it('shows what was not evaluated, and why', () => {
    const html = renderSummary(
      report([
        check('a.x-1', 'us-east-1', {
          'iam-permission': {
            status: 'skip',
            cause: 'invoke-disabled',
            detail: 'Not called: invoke is false'
          }
        })
      ])
    )
    expect(html).toContain('Not evaluated, and why (1)')
    expect(html).toContain(
      '<li>IAM permission: Not called: invoke is false (<code>a.x-1</code> @ us-east-1)</li>'
    )
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
    const html = renderSummary(r)
    expect(html).toContain('Changes made to the account')
    expect(html).toContain('Submitted the Anthropic use-case form in <code>us-east-1</code>')
    expect(html).toContain('Created the model agreement for <code>anthropic.claude-sonnet-4-6</code>')
  })

  it('the PR comment: the same view, the fix folded, with the run link, commit and time', () => {
    const r = report([check('a.x-1', 'us-east-1', { 'iam-permission': { ...scp, cause: 'iam-no-allow' } })])
    r.checks[0]!.iamStatement = {
      Sid: 'S',
      Effect: 'Allow',
      Action: ['bedrock:InvokeModel'],
      Resource: ['arn:x']
    }
    const html = renderSummary(r, {
      comment: {
        runUrl: 'https://github.com/o/r/actions/runs/42',
        commit: '0123456789abcdef',
        time: new Date('2026-11-23T15:04:00Z')
      }
    })
    expect(html).toContain('<details><summary>The fix to copy</summary>')
    expect(html).toContain(
      '<a href="https://github.com/o/r/actions/runs/42">workflow run</a> · commit <code>0123456</code> · 2026-11-23 15:04 UTC'
    )
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
    expect(combinedPolicy([])).toBe('')
  })
})

describe('annotations', () => {
  it('one per closed gate and cause, not one per check, naming the places and the fix', () => {
    const annotations = annotationsFor(
      report([
        check('amazon.nova-lite-v1:0', 'us-east-1', { 'iam-permission': scp }),
        check('amazon.nova-lite-v1:0', 'us-west-2', { 'iam-permission': scp }),
        check('a.b-1', 'us-west-2')
      ])
    )
    expect(annotations).toHaveLength(1)
    expect(annotations[0]).toMatchObject({
      level: 'error',
      properties: { title: 'Bedrock IAM permission closed (2 checks)' }
    })
    expect(annotations[0]!.message).toBe(
      'IAM permission closed for amazon.nova-lite-v1:0 @ us-east-1, amazon.nova-lite-v1:0 @ us-west-2: SCP denies. Fix: Ask the administrators.'
    )
  })

  it('most important first, at most 10 errors and 10 warnings, the last saying how many more', () => {
    const checks: CheckResult[] = []
    for (let i = 0; i < 14; i++) {
      const c = check(`m.x-${i}`, 'us-east-1', {
        // Each a different cause: no grouping can shrink them.
        region: { status: 'fail', cause: 'region-not-offered', detail: `not offered ${i}`, fix: `fix ${i}` },
        'provider-terms': {
          status: 'warn',
          cause: 'agreement-pending',
          detail: `pending ${i}`,
          fix: `wait ${i}`
        }
      })
      c.source = { file: `config/${i}.yaml`, line: i + 1 }
      checks.push(c)
    }
    checks.push(
      check('cred.x-1', 'us-east-1', {
        credentials: { status: 'fail', cause: 'credentials-expired', detail: 'expired', fix: 'renew' }
      })
    )
    const annotations = annotationsFor(report(checks))
    const errors = annotations.filter(a => a.level === 'error')
    const warnings = annotations.filter(a => a.level === 'warning')
    expect(errors).toHaveLength(10)
    expect(warnings).toHaveLength(10)
    // The credentials gate comes first: it blocks every gate after it.
    expect(errors[0]!.properties.title).toBe('Bedrock Credentials closed (1 check)')
    expect(errors[9]!.message).toMatch(/\(and 5 more closed gates in the job summary\)$/)
    expect(warnings[9]!.message).toMatch(/\(and 4 more warnings in the job summary\)$/)
  })

  it('a found ID carries its file and line: one annotation per line', () => {
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
      'Use a profile. Profiles in us-east-1 that contain this model: us.m.x-1. Of the requested regions, this model is offered in us-west-2.'
    )
  })
})

describe('text rendering', () => {
  it('aligns the table and prints each finding as its own section (a log group in the action)', () => {
    const r = report([check('amazon.nova-lite-v1:0', 'us-east-1', { 'iam-permission': scp })])
    const text = renderText(r)
    expect(text).toMatch(/^1 of 1 Bedrock access check failed: IAM permission closed/)
    // The model × region grid naming the closed gate, then the six gates; one line per check on request.
    expect(text).toMatch(/\nMODEL\s+us-east-1\namazon\.nova-lite-v1:0\s+IAM\n/)
    expect(text).not.toContain('FAIL  amazon.nova-lite-v1:0')
    expect(renderText(r, { everyCheck: true })).toContain('\nFAIL  amazon.nova-lite-v1:0  us-east-1  IAM\n')
    expect(text).toMatch(/\nGATE\s+OPEN\s+CLOSED\s+NOT EVALUATED\n/)
    expect(text).toMatch(/\nIAM permission\s+-\s+1\s+-\n/)
    expect(text).toContain('fix:   Ask the administrators.')
    const sections = renderSections(r)
    expect(sections.map(section => section.title)).toEqual([
      undefined,
      '✗ IAM permission closed: a service control policy denies the call (1 check)'
    ])
  })

  it('wraps prose at the width with a hanging indent, and never wraps a command or a policy', () => {
    const long = check('amazon.nova-lite-v1:0', 'us-east-1', {
      'iam-permission': {
        status: 'fail',
        cause: 'iam-no-allow',
        detail: 'No IAM policy allows this identity to invoke the model: '.repeat(4),
        fix: 'Allow the calls for this identity with the policy below, which names every ARN the calls touch.'
      }
    })
    long.iamStatement = {
      Sid: 'S',
      Effect: 'Allow',
      Action: ['bedrock:InvokeModel'],
      Resource: ['arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0']
    }
    const text = renderText(report([long]), { width: 80 })
    const lines = text.split('\n')
    // Code (commands, the policy) is indented four spaces and kept whole; every other line fits.
    for (const line of lines.filter(line => !line.startsWith('    ')))
      expect(line.length).toBeLessThanOrEqual(80)
    expect(text).toContain(
      '  fix:   Allow the calls for this identity with the policy below, which names\n         every ARN'
    )
    // The policy is in the finding's section, the attach command whole on one line.
    expect(text).toContain(
      '    aws iam put-role-policy --role-name ci --policy-name bedrock-access --policy-document file://bedrock-access.json\n'
    )
    expect(text).toContain('      "Action": [')
  })

  it('colours only where colour is wanted: FORCE_COLOR forces it, NO_COLOR and a pipe turn it off', () => {
    expect(wantsColor({}, true)).toBe(true)
    expect(wantsColor({}, false)).toBe(false)
    expect(wantsColor({ NO_COLOR: '1' }, true)).toBe(false)
    expect(wantsColor({ TERM: 'dumb' }, true)).toBe(false)
    expect(wantsColor({ FORCE_COLOR: '1' }, false)).toBe(true)
    expect(wantsColor({ FORCE_COLOR: '0' }, true)).toBe(false)
    const r = report([check('amazon.nova-lite-v1:0', 'us-east-1', { 'iam-permission': scp })])
    expect(renderText(r, { color: true })).toContain(`\u001b[31m${'IAM'.padEnd('us-east-1'.length)}\u001b[0m`)
    expect(renderText(r, { color: true, everyCheck: true })).toContain('\u001b[31mFAIL\u001b[0m')
    expect(renderText(r)).not.toContain('\u001b[')
  })
})

describe('run helpers', () => {
  it('RegionSlots lets at most its limit through at once, the rest in order', async () => {
    const slots = new RegionSlots(2)
    let running = 0
    let peak = 0
    const order: number[] = []
    await Promise.all(
      [5, 1, 4, 2, 3, 0].map(async n => {
        await slots.take()
        running++
        peak = Math.max(peak, running)
        await new Promise(resolve => setTimeout(resolve, n))
        order.push(n)
        running--
        slots.give()
      })
    )
    expect(peak).toBe(2)
    expect(order).toHaveLength(6)
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

describe('the first words of a pass', () => {
  const proven = checkOf(openGates(), 'amazon.nova-lite-v1:0', 'us-east-1')
  const notCalled = checkOf(
    openGates({
      'iam-permission': { status: 'skip', cause: 'invoke-disabled', detail: 'Not called (invoke: false)' }
    }),
    'amazon.nova-lite-v1:0',
    'eu-central-1'
  )

  it('a call that got through: access proven', () => {
    expect(renderText(buildReport([proven], undefined, []))).toMatch(
      /^1 Bedrock access check passed: access proven/
    )
  })

  it('invoke: false: passed on the control plane, never "access proven"', () => {
    const text = renderText(buildReport([notCalled], undefined, []))
    expect(text).toMatch(
      /^1 Bedrock access check passed on the control plane: no call was made, so the permission to call is not\s+proven/
    )
    expect(text).not.toContain('access proven')
  })

  it('some called, some not: both said', () => {
    expect(renderText(buildReport([proven, notCalled], undefined, []))).toMatch(
      /^All 2 Bedrock access checks passed: access proven, 1 on the control plane only \(no call\)/
    )
  })
})

describe('the changes made to the account', () => {
  it('read in one order whatever order the concurrent checks finished them: the form first, then by region and model', () => {
    const agreement = (region: string, model: string) => ({
      action: 'agreement-created' as const,
      region,
      model
    })
    const report = buildReport([], undefined, [
      agreement('us-west-2', 'cohere.embed-english-v3'),
      agreement('us-east-1', 'cohere.embed-english-v3'),
      agreement('us-east-1', 'anthropic.claude-sonnet-4-6'),
      { action: 'use-case-form-submitted', region: 'us-east-1' }
    ])
    expect(
      report.changes.map(change => `${change.action} ${change.region} ${change.model ?? ''}`.trim())
    ).toEqual([
      'use-case-form-submitted us-east-1',
      'agreement-created us-east-1 anthropic.claude-sonnet-4-6',
      'agreement-created us-east-1 cohere.embed-english-v3',
      'agreement-created us-west-2 cohere.embed-english-v3'
    ])
  })
})

describe('the terminal grid', () => {
  const regions = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-central-1']
  const models = [
    'us.anthropic.claude-sonnet-4-6',
    'amazon.nova-lite-v1:0',
    'amazon.titan-embed-text-v2:0',
    'cohere.embed-english-v3',
    'meta.llama3-1-8b-instruct-v1:0',
    'anthropic.claude-v2:1',
    'mistral.mistral-large-2407-v1:0',
    'anthropic.claude-3-haiku-20240307-v1:0'
  ]
  const checks = models.flatMap((model, m) =>
    regions.map((region, r) => check(model, region, (m + r) % 5 === 0 ? { 'iam-permission': scp } : {}))
  )

  it('prints 32 pairs as a model × region grid within 80 columns, regions numbered under a key when needed', () => {
    const text = renderText(report(checks), { width: 80 })
    const lines = text.split('\n')
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80)
    expect(text).toContain('[1] us-east-1  [2] us-east-2  [3] us-west-2  [4] eu-central-1')
    const header = lines.findIndex(line => line.startsWith('MODEL'))
    expect(lines[header]).toMatch(/^MODEL\s+\[1\]\s+\[2\]\s+\[3\]\s+\[4\]$/)
    expect(lines.slice(header + 1, header + 1 + models.length).map(line => line.split(/\s+/)[0])).toEqual(
      models
    )
    expect(lines[header + 1]).toMatch(/^us\.anthropic\.claude-sonnet-4-6\s+IAM\s+ok\s+ok\s+ok$/)
    // The causes once below it: one section for the one SCP cause of its 7 checks.
    expect(text.match(/a service control policy denies the call/g)).toHaveLength(1)
  })

  it('names the regions in the header when they fit, and a missing pair is a dash', () => {
    const text = renderText(
      report([check('a.x-1', 'us-east-1'), check('b.y-1', 'us-east-1'), check('b.y-1', 'eu-west-1')]),
      { width: 80 }
    )
    expect(text).toMatch(/\nMODEL\s+us-east-1\s+eu-west-1\na\.x-1\s+ok\s+-\nb\.y-1\s+ok\s+ok\n/)
  })

  it('explains only the marks the grid holds', () => {
    const failing = renderText(report([check('a.x-1', 'us-east-1', { 'iam-permission': scp })]), {
      width: 80
    })
    expect(failing).toContain('a gate named: closed there')
    expect(failing).not.toContain('ok: proven')
    expect(renderText(report([check('a.x-1', 'us-east-1')]), { width: 80 })).toMatch(/\nok: proven\n/)
  })
})

describe('the terminal on a screen and in a log', () => {
  const checks = Array.from({ length: 9 }, (_, i) =>
    check(`amazon.model-${i}-v1:0`, 'us-east-1', {
      region: {
        status: 'fail',
        cause: 'region-not-offered',
        detail: `amazon.model-${i}-v1:0 is not offered in us-east-1 (${i})`,
        fix: 'Use a region where the model is offered.',
        hints: { offeredIn: [`us-west-${i}`] }
      }
    })
  )

  it('a screen shows each cause with its first places, two of what was seen and two hints; a log has them all', () => {
    const brief = renderText(report(checks), { width: 80 })
    expect(brief).toMatch(/, and 5\s+more/)
    expect(brief.match(/^ {2}seen: /gm)).toHaveLength(3)
    expect(brief).toContain('seen:  … and 7 more alike')
    expect(brief).toContain('hint:  … and 7 more (--verbose)')
    const full = renderText(report(checks), { width: 80, everyCheck: true })
    expect(full.match(/^ {2}hint: /gm)).toHaveLength(9)
    expect(full).not.toContain('(--verbose)')
  })
})
