/**
 * An organisation's two identities end to end: the Anthropic use-case form read (and with create-agreement
 * submitted) in the management account through management-role-to-assume, everything else with the member
 * identity, and the report naming both accounts; a refused management role is a finding of its own.
 */
import { describe, expect, it } from '@jest/globals'
import { freshAccount, openAccount, withManagementAccount, type EmulatorState } from '../../emulator/state.js'
import { GOOD_FORM } from '../../__fixtures__/forms.js'
import { emulatorPerTest, gateOf } from './harness.js'

const { probe, emulator } = emulatorPerTest()

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0'
const MEMBER = '111122223333'
const MANAGEMENT = '999988887777'
const MANAGEMENT_ROLE = `arn:aws:iam::${MANAGEMENT}:role/bedrock-use-case-form`

/** What the probe asked of each account, by operation. */
function operationsIn(account: string): string[] {
  return emulator()
    .calls.filter(call => call.account === account)
    .map(call => call.operation)
}

/** A bootstrap run (create-agreement, the form given) with the management role, waiting this long for access. */
const bootstrapWithTheManagementRole = (state: EmulatorState, waitSeconds: string) =>
  probe(
    state,
    {
      models: HAIKU,
      regions: 'us-east-1',
      'management-role-to-assume': MANAGEMENT_ROLE,
      'create-agreement': 'true',
      'use-case-form': JSON.stringify(GOOD_FORM),
      'wait-timeout-seconds': waitSeconds
    },
    { oidc: true }
  )

describe('the use-case form lives in the management account', () => {
  it('read-only: the form is read there only, the member does the rest, and the report names both accounts', async () => {
    const state = openAccount()
    state.useCaseOnFile = false
    withManagementAccount(state, true)
    const run = await probe(
      state,
      { models: HAIKU, regions: 'us-east-1', 'management-role-to-assume': MANAGEMENT_ROLE },
      { oidc: true }
    )
    expect(run.outputs.result).toBe('pass')
    expect(run.report!.identity?.account).toBe(MEMBER)
    expect(run.report!.useCaseForm).toMatchObject({
      via: 'management-role',
      account: MANAGEMENT,
      roleArn: MANAGEMENT_ROLE,
      regions: [{ region: 'us-east-1', state: 'on-file' }]
    })
    // The management session reads the form, nothing else; the member never reads or writes it.
    expect(operationsIn(MANAGEMENT)).toEqual(['GetUseCaseForModelAccess'])
    expect(operationsIn(MEMBER)).not.toContain('GetUseCaseForModelAccess')
    expect(operationsIn(MEMBER)).toContain('Converse')
    // Its own session name, and a session policy that allows the form only (no Put when nothing may change).
    const assume = emulator().calls.find(call => call.operation === 'AssumeRoleWithWebIdentity')!
    const params = new URLSearchParams(assume.body)
    expect(params.get('RoleArn')).toBe(MANAGEMENT_ROLE)
    expect(params.get('RoleSessionName')).toBe('bedrock-access-probe-use-case-form')
    expect(JSON.parse(params.get('Policy')!).Statement).toEqual([
      {
        Sid: 'TheUseCaseFormOnly',
        Effect: 'Allow',
        Action: ['bedrock:GetUseCaseForModelAccess'],
        Resource: '*'
      }
    ])
    expect(run.summary).toContain(
      `Anthropic use-case form, in the management account ${MANAGEMENT}: on file in us-east-1`
    )
    expect(run.stdout).toContain(`Anthropic use-case form, in the management account ${MANAGEMENT}`)
  })

  it('bootstrap: the form is submitted in the management account, the agreement in the member, each change names its account', async () => {
    const state = freshAccount()
    const management = withManagementAccount(state, false)
    const run = await bootstrapWithTheManagementRole(state, '30')
    expect(management.submittedForms).toHaveLength(1)
    expect(state.submittedForms).toHaveLength(0)
    expect(run.report!.changes).toEqual(
      expect.arrayContaining([
        { action: 'use-case-form-submitted', region: 'us-east-1', account: MANAGEMENT },
        expect.objectContaining({
          action: 'agreement-created',
          region: 'us-east-1',
          account: MEMBER,
          model: HAIKU
        })
      ])
    )
    expect(operationsIn(MANAGEMENT).sort()).toEqual(['GetUseCaseForModelAccess', 'PutUseCaseForModelAccess'])
    expect(operationsIn(MEMBER)).not.toContain('PutUseCaseForModelAccess')
    const assume = emulator().calls.find(call => call.operation === 'AssumeRoleWithWebIdentity')!
    expect(JSON.parse(new URLSearchParams(assume.body).get('Policy')!).Statement[0].Action).toEqual([
      'bedrock:GetUseCaseForModelAccess',
      'bedrock:PutUseCaseForModelAccess'
    ])
    expect(run.summary).toContain(`of account <code>${MANAGEMENT}</code>`)
    expect(run.summary).toContain(`of account <code>${MEMBER}</code>`)
  })

  it('mask-account-id masks the management account too', async () => {
    const state = openAccount()
    withManagementAccount(state, true)
    const run = await probe(
      state,
      {
        models: HAIKU,
        regions: 'us-east-1',
        'management-role-to-assume': MANAGEMENT_ROLE,
        'mask-account-id': 'true'
      },
      { oidc: true }
    )
    expect(run.stdout).toContain(`::add-mask::${MANAGEMENT}`)
    expect(run.stdout).toContain(`::add-mask::${MEMBER}`)
    // The summary is not a log the runner masks: neither account may reach it, nor the report output.
    for (const account of [MANAGEMENT, MEMBER]) {
      expect(run.summary).not.toContain(account)
      expect(run.outputs.report).not.toContain(account)
    }
  })

  it('no Anthropic model: the management role is not assumed at all', async () => {
    const state = openAccount()
    withManagementAccount(state, true)
    await probe(
      state,
      { models: 'amazon.nova-lite-v1:0', regions: 'us-east-1', 'management-role-to-assume': MANAGEMENT_ROLE },
      { oidc: true }
    )
    expect(emulator().count('AssumeRoleWithWebIdentity')).toBe(0)
  })
})

describe('a refused management role', () => {
  it('is a finding of its own, named as the management role, with the statement that admits the token; the member is not blamed', async () => {
    const state = freshAccount()
    const management = withManagementAccount(state, false)
    management.trustedSub = 'repo:octo-org/other-repo:ref:refs/heads/main'
    const run = await bootstrapWithTheManagementRole(state, '0')
    expect(run.outputs.result).toBe('fail')
    expect(run.code).toBe(1)
    expect(run.report!.useCaseForm).toMatchObject({
      via: 'management-role',
      roleArn: MANAGEMENT_ROLE,
      credentials: { status: 'fail', cause: 'oidc-trust-policy' }
    })
    // The member's own credentials are fine, and the member never submits the form in the role's place.
    expect(gateOf(run, HAIKU, 'us-east-1', 'credentials').status).toBe('pass')
    expect(state.submittedForms).toHaveLength(0)
    expect(emulator().count('PutUseCaseForModelAccess')).toBe(0)
    expect(run.summary).toContain('Management role closed')
    expect(run.summary).toContain('aws iam update-assume-role-policy --role-name bedrock-use-case-form')
    expect(run.stdout).toMatch(/::error title=Bedrock Management role closed/)
    expect(run.summary).toMatch(/The management role for the use-case form was refused/)
  })
})

describe('bad input', () => {
  it.each([
    ['not-an-arn', 'not an IAM role ARN'],
    [`arn:aws:iam::${MEMBER}:role/bedrock-ci`, 'is the same role as role-to-assume']
  ])('management-role-to-assume %j: the input is named, before any AWS call', async (value, problem) => {
    const run = await probe(
      openAccount(),
      {
        models: HAIKU,
        regions: 'us-east-1',
        'role-to-assume': `arn:aws:iam::${MEMBER}:role/bedrock-ci`,
        'management-role-to-assume': value
      },
      { oidc: true }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('management-role-to-assume')
    expect(run.stdout).toContain(problem)
    expect(emulator().calls).toHaveLength(0)
  })
})
