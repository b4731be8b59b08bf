/**
 * The job summary as GitHub renders it (cmark-gfm and GitHub's sanitizer allowlist, __tests__/support): every fix
 * to copy is a code block with its command whole, tables are tables, and nothing from outside text becomes markup.
 */
import { describe, expect, it } from '@jest/globals'
import { checkOf, openGates } from '../../__fixtures__/checks.js'
import { principalOf } from '../../src/causes/commands.js'
import { fixSnippets } from '../../src/report/render/commands.js'
import { groupFindings } from '../../src/report/build/findings.js'
import { document, fence } from '../../src/report/render/markdown.js'
import { renderSummary } from '../../src/report/render/summary.js'
import { buildReport } from '../../src/report/build/verdict.js'
import type { CheckResult, GateResult, Gates, Report } from '../../src/types.js'
import {
  githubView,
  SUMMARY_ATTRIBUTES,
  SUMMARY_ELEMENTS,
  tableStartingWith
} from '../support/github-view.js'

const ROLE_CALLER = 'arn:aws:sts::111122223333:assumed-role/bedrock-ci/run-42'

function report(checks: CheckResult[], arn = ROLE_CALLER): Report {
  return buildReport(checks, { account: '111122223333', arn }, [])
}

const noAllow: GateResult = {
  status: 'fail',
  cause: 'iam-no-allow',
  detail: 'No IAM policy allows this identity to invoke the model: User: x is not authorized',
  fix: 'Allow the calls for this identity with the policy below.'
}

function iamFailure(model = 'amazon.nova-lite-v1:0', region = 'us-east-1'): CheckResult {
  const check = checkOf(openGates({ 'iam-permission': noAllow }), model, region)
  check.iamStatement = {
    Sid: 'S',
    Effect: 'Allow',
    Action: ['bedrock:InvokeModel'],
    Resource: [`arn:aws:bedrock:${region}::foundation-model/${model}`]
  }
  return check
}

describe('the job summary on GitHub', () => {
  it('shows every fix as a code block: the policy parses, the attach command is whole', () => {
    const view = githubView(renderSummary(report([iamFailure()])))
    expect(view.codeBlocks).toHaveLength(2)
    const [policy, attach] = view.codeBlocks
    expect(policy!.lang).toBe('json')
    expect(JSON.parse(policy!.text)).toMatchObject({ Statement: [{ Action: ['bedrock:InvokeModel'] }] })
    expect(attach).toEqual({
      lang: 'sh',
      text: 'aws iam put-role-policy --role-name bedrock-ci --policy-name bedrock-access --policy-document file://bedrock-access.json'
    })
    // No fence is left as literal text.
    expect(view.text).not.toContain('```')
  })

  it('fails when the blocks are not separated by blank lines, as GitHub needs them', () => {
    const joined = renderSummary(report([iamFailure()])).replace(/\n\n+/g, '\n')
    expect(githubView(joined).codeBlocks).toHaveLength(0)
  })

  it('keeps the matrix and the five gates as tables', () => {
    const checks = [iamFailure(), checkOf(openGates(), 'amazon.nova-lite-v1:0', 'us-west-2')]
    const view = githubView(renderSummary(report(checks)))
    expect(tableStartingWith(view, 'Model')).toEqual([
      ['Model', 'us-east-1', 'us-west-2'],
      ['amazon.nova-lite-v1:0', '❌ IAM', '✅']
    ])
    expect(tableStartingWith(view, 'Gate')).toEqual([
      ['Gate', 'Proven open', 'Closed', 'Not evaluated'],
      ['Credentials', '2', '—', '—'],
      ['Region', '2', '—', '—'],
      ['Model access', '2', '—', '—'],
      ['Provider terms', '2', '—', '—'],
      ['IAM permission', '1', '1', '—'],
      ['Capacity', '2', '—', '—']
    ])
  })

  it('counts the gates of a passing run too, and a non-Marketplace model needs no terms', () => {
    const gates = openGates({
      'provider-terms': {
        status: 'pass',
        cause: 'not-needed',
        detail: 'Not needed: not sold through AWS Marketplace'
      }
    })
    const view = githubView(renderSummary(report([checkOf(gates, 'amazon.nova-lite-v1:0')])))
    expect(tableStartingWith(view, 'Gate')).toContainEqual(['Provider terms', '—', '—', '—', '1'])
    expect(tableStartingWith(view, 'Gate')![0]).toEqual([
      'Gate',
      'Proven open',
      'Closed',
      'Not evaluated',
      'Not needed'
    ])
  })

  it('lets no markup from outside text through: model IDs, AWS messages, token claims', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">x</a>'
    const refused: GateResult = {
      status: 'fail',
      cause: 'oidc-trust-policy',
      detail: `Not authorized to perform sts:AssumeRoleWithWebIdentity — token claims: sub="repo:o/r:ref:refs/heads/${hostile}"`,
      fix: 'Fix the trust policy.',
      hints: {
        roleArn: 'arn:aws:iam::111122223333:role/bedrock-ci',
        trustPolicy: {
          Effect: 'Allow',
          Principal: {
            Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'
          },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            StringLike: {
              'token.actions.githubusercontent.com:sub': `repo:o/r:ref:refs/heads/${hostile}\n\n# x`
            }
          }
        }
      }
    }
    const checks = [
      checkOf(openGates({ credentials: refused }), `a.b-${hostile}`),
      checkOf(openGates({ region: { ...noAllow, detail: `denied ${hostile} | </td></table>` } }), 'c.d-1')
    ]
    const view = githubView(renderSummary(report(checks)))
    for (const element of view.elements) expect(SUMMARY_ELEMENTS).toContain(element)
    for (const attribute of view.attributes) expect(SUMMARY_ATTRIBUTES).toContain(attribute)
    // The markup is still there, as text a reader can read.
    expect(view.text).toContain('<img src=x onerror=alert(1)>')
    const trust = view.codeBlocks.find(block => block.text.includes('sts:AssumeRoleWithWebIdentity'))
    expect(JSON.parse(trust!.text).Condition.StringLike['token.actions.githubusercontent.com:sub']).toContain(
      hostile
    )
  })

  it('a code block whose content holds backticks cannot be closed by it', () => {
    const text = 'echo ```\n```\n`ls`'
    const view = githubView(document([fence('sh', text), '<p>after</p>']))
    expect(view.codeBlocks).toEqual([{ lang: 'sh', text }])
  })

  it('says a fault once for every gate it left undecided, and how to get a verdict, on the first screen', () => {
    const unreachable: GateResult = {
      status: 'warn',
      cause: 'unreachable',
      detail: 'Could not be decided: could not connect (ECONNREFUSED)',
      fix: 'This runner cannot reach the AWS endpoint: check its network.'
    }
    const gates: Gates = {
      ...openGates(),
      region: unreachable,
      'model-access': unreachable,
      'provider-terms': unreachable,
      'iam-permission': unreachable
    }
    const r = report([
      checkOf(gates, 'amazon.nova-lite-v1:0'),
      checkOf(gates, 'amazon.nova-lite-v1:0', 'us-west-2')
    ])
    expect(groupFindings(r, 'warn')).toHaveLength(1)
    const markdown = renderSummary(r)
    const view = githubView(markdown)
    expect(view.text.match(/check its network/g)).toHaveLength(2)
    // The action comes before the matrix.
    expect(markdown.indexOf('To get a verdict:')).toBeLessThan(markdown.indexOf('<table>'))
    expect(markdown).toContain(
      '<b>To get a verdict:</b> This runner cannot reach the AWS endpoint: check its network.'
    )
    expect(markdown).toContain('Not decided: AWS unreachable from this runner (2 checks)')
  })

  it('a command named in a fix reads as inline code, never as literal backticks', () => {
    const gate: GateResult = {
      status: 'fail',
      cause: 'invalid-model-id',
      detail: 'Bedrock does not know this model ID in this region',
      fix: 'Check the ID with `aws bedrock list-foundation-models --region us-east-1` (or list-inference-profiles).'
    }
    const view = githubView(renderSummary(report([checkOf(openGates({ region: gate }))])))
    expect(view.text).not.toContain('`')
    expect(view.inlineCode).toContain('aws bedrock list-foundation-models --region us-east-1')
  })

  it('explains only the marks the matrix uses', () => {
    const passing = renderSummary(report([checkOf(openGates())]))
    expect(passing).toContain('✅ proven')
    expect(passing).not.toContain('closed (the gate is named)')
    expect(passing).not.toContain('nothing closed, nothing proven')
    expect(passing).not.toContain('with a warning')
    expect(passing).not.toContain('Not evaluated: not decided')
  })

  it("explains the gate table's words where its columns hold a number", () => {
    const unproven = renderSummary(
      report([
        checkOf(
          openGates({
            'iam-permission': {
              status: 'skip',
              cause: 'invoke-disabled',
              detail: 'Not called (invoke: false)'
            }
          })
        )
      ])
    )
    expect(unproven).toContain(
      'Not evaluated: not decided for that check (not read, not called, or behind a closed gate'
    )
  })
})

describe('the command that attaches the policy fits the caller', () => {
  function attachFor(arn: string): string {
    const r = report([iamFailure()], arn)
    const [finding] = groupFindings(r, 'fail')
    return fixSnippets(finding!, r)
      .filter(snippet => snippet.lang === 'sh')
      .map(snippet => `${snippet.label}\n${snippet.code}`)
      .join('\n')
  }

  it('an assumed role and a role ARN: put-role-policy on the role', () => {
    expect(principalOf('arn:aws:sts::111122223333:assumed-role/ci-role/session')).toEqual({
      kind: 'role',
      name: 'ci-role'
    })
    expect(principalOf('arn:aws-us-gov:iam::111122223333:role/path/to/ci-role')).toEqual({
      kind: 'role',
      name: 'ci-role'
    })
    expect(attachFor('arn:aws:sts::111122223333:assumed-role/ci-role/session')).toContain(
      'aws iam put-role-policy --role-name ci-role --policy-name bedrock-access --policy-document file://bedrock-access.json'
    )
  })

  it('an IAM user: put-user-policy on the user', () => {
    expect(attachFor('arn:aws:iam::111122223333:user/deploy/ci')).toContain(
      'aws iam put-user-policy --user-name ci --policy-name bedrock-access --policy-document file://bedrock-access.json'
    )
  })

  it("an IAM Identity Center role: the permission set's inline policy, merged, then provisioned", () => {
    const arn =
      'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Bedrock_Users_0123456789abcdef/jane@example.com'
    expect(principalOf(arn)).toEqual({
      kind: 'identity-center',
      permissionSet: 'Bedrock_Users',
      roleName: 'AWSReservedSSO_Bedrock_Users_0123456789abcdef'
    })
    const text = attachFor(arn)
    expect(text).toContain('permission set Bedrock_Users')
    expect(text).toContain('aws sso-admin put-inline-policy-to-permission-set')
    expect(text).toContain('aws sso-admin provision-permission-set')
    expect(text).not.toContain('put-role-policy')
  })

  it('an unknown caller: a placeholder without angle brackets, which GitHub would strip', () => {
    const text = attachFor('')
    expect(text).toContain('--role-name ROLE_NAME --policy-name')
    expect(text).not.toMatch(/<[A-Z_]+>/)
  })
})
