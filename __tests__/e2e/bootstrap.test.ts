/**
 * Bootstrap end to end: a fresh account taken from no access to a passing call, the idempotent re-run,
 * the denied Marketplace permission, the wait that times out, and bad forms refused before any AWS call.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GOOD_FORM } from '../../__fixtures__/forms.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { freshAccount, openAccount, type EmulatorState } from '../../emulator/state.js'
import { githubView } from '../support/github-view.js'
import { gateOf, runAction } from './harness.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

const MODEL = 'us.anthropic.claude-sonnet-4-6'
const BOOTSTRAP = {
  models: MODEL,
  regions: 'us-east-1',
  'create-agreement': 'true',
  'use-case-form': JSON.stringify(GOOD_FORM)
}

async function start(state: EmulatorState) {
  emulator = await startEmulator(state)
  return emulator
}

describe('bootstrap a fresh account', () => {
  it('form first, then the agreement, then the wait, then a passing call — each write exactly once', async () => {
    const emu = await start(freshAccount())
    const run = await runAction(emu, BOOTSTRAP)
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('pass')
    expect(emu.count('PutUseCaseForModelAccess')).toBe(1)
    expect(emu.count('CreateFoundationModelAgreement')).toBe(1)
    expect(emu.count('Converse')).toBe(1)
    // Order: form, then offers and agreement, then availability polls while PENDING, then the call.
    const writes = emu.calls
      .map(call => call.operation)
      .filter(op =>
        [
          'PutUseCaseForModelAccess',
          'ListFoundationModelAgreementOffers',
          'CreateFoundationModelAgreement',
          'Converse'
        ].includes(op)
      )
    expect(writes).toEqual([
      'PutUseCaseForModelAccess',
      'ListFoundationModelAgreementOffers',
      'CreateFoundationModelAgreement',
      'Converse'
    ])
    const create = emu.calls.findIndex(call => call.operation === 'CreateFoundationModelAgreement')
    const converse = emu.calls.findIndex(call => call.operation === 'Converse')
    const polls = emu.calls
      .slice(create, converse)
      .filter(call => call.operation === 'GetFoundationModelAvailability')
    expect(polls.length).toBeGreaterThanOrEqual(3) // two PENDING reads, then AVAILABLE
    expect(run.stdout).toMatch(/Waiting for anthropic.claude-sonnet-4-6 in us-east-1: agreement pending/)
    // The form sent is the one given, and the agreement is for the base model with the public offer's token.
    expect(JSON.parse(emu.state.submittedForms[0]!)).toEqual(GOOD_FORM)
    expect(
      JSON.parse(emu.calls.find(call => call.operation === 'CreateFoundationModelAgreement')!.body!)
    ).toEqual({
      modelId: 'anthropic.claude-sonnet-4-6',
      offerToken: 'offer-token-anthropic.claude-sonnet-4-6'
    })
    // What changed is on record for auditors, with the account it changed.
    expect(run.report?.changes).toEqual([
      { action: 'use-case-form-submitted', region: 'us-east-1', account: '111122223333' },
      {
        action: 'agreement-created',
        region: 'us-east-1',
        account: '111122223333',
        model: 'anthropic.claude-sonnet-4-6',
        offerId: 'offer-anthropic-public'
      }
    ])
    expect(run.summary).toContain('Changes made to the account')
    // The form it sent is shown, field by field, in the summary and the log.
    expect(run.report?.useCaseForm?.form).toEqual({
      submitted: true,
      fields: Object.entries(GOOD_FORM)
        .filter(([, value]) => value !== '')
        .map(([name, value]) => ({ name, value }))
    })
    expect(run.summary).toContain(
      '<details><summary>The use-case form this run submitted, in this account (111122223333)</summary>'
    )
    expect(run.summary).toContain(`<td><code>companyName</code></td><td>${GOOD_FORM.companyName}</td>`)
    expect(run.stdout).toContain(`  companyName: ${GOOD_FORM.companyName}`)
    expect(gateOf(run, MODEL, 'us-east-1', 'provider-terms').detail).toContain(
      'agreement created by this run'
    )
  })

  it('a second run changes nothing', async () => {
    const emu = await start(freshAccount())
    await runAction(emu, BOOTSTRAP)
    const before = emu.calls.length
    const again = await runAction(emu, BOOTSTRAP)
    const second = emu.calls.slice(before)
    expect(again.outputs.result).toBe('pass')
    expect(
      second.filter(call =>
        [
          'PutUseCaseForModelAccess',
          'CreateFoundationModelAgreement',
          'ListFoundationModelAgreementOffers'
        ].includes(call.operation)
      )
    ).toEqual([])
    expect(again.report?.changes).toEqual([])
    expect(again.summary).not.toContain('Changes made to the account')
  })

  it('a re-run after a partial failure picks up where it stopped (form on file, agreement still PENDING)', async () => {
    const state = freshAccount()
    state.useCaseOnFile = true
    state.agreements['anthropic.claude-sonnet-4-6'] = { status: 'PENDING', pendingPolls: 1 }
    const emu = await start(state)
    const run = await runAction(emu, BOOTSTRAP)
    expect(run.outputs.result).toBe('pass')
    expect(emu.count('PutUseCaseForModelAccess')).toBe(0)
    expect(emu.count('CreateFoundationModelAgreement')).toBe(0)
    expect(emu.count('Converse')).toBe(1)
  })

  it('the same model in several regions is subscribed once', async () => {
    const emu = await start(freshAccount())
    const run = await runAction(emu, {
      ...BOOTSTRAP,
      models: 'anthropic.claude-3-haiku-20240307-v1:0',
      regions: 'us-east-1, us-west-2, eu-west-1'
    })
    expect(run.outputs.result).toBe('pass')
    expect(emu.count('CreateFoundationModelAgreement')).toBe(1)
    expect(emu.count('PutUseCaseForModelAccess')).toBe(1)
  })

  it('reads the form from a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'form-'))
    writeFileSync(join(dir, 'form.json'), JSON.stringify(GOOD_FORM))
    const emu = await start(freshAccount())
    const run = await runAction(emu, { ...BOOTSTRAP, 'use-case-form': join(dir, 'form.json') })
    expect(run.outputs.result).toBe('pass')
    expect(JSON.parse(emu.state.submittedForms[0]!)).toEqual(GOOD_FORM)
  })

  it('first-party models need no agreement and nothing is created for them', async () => {
    const emu = await start(freshAccount())
    const run = await runAction(emu, { ...BOOTSTRAP, models: 'amazon.nova-lite-v1:0' })
    expect(run.outputs.result).toBe('pass')
    expect(emu.count('CreateFoundationModelAgreement')).toBe(0)
    expect(emu.count('PutUseCaseForModelAccess')).toBe(0)
  })
})

describe('bootstrap failures', () => {
  it('Marketplace permission denied: model access fails with the aws-marketplace policy as the fix', async () => {
    const state = freshAccount()
    state.iam.marketplace = false
    const emu = await start(state)
    const run = await runAction(emu, BOOTSTRAP)
    expect(run.code).toBe(1)
    const gate = gateOf(run, MODEL, 'us-east-1', 'model-access')
    expect(gate).toMatchObject({ status: 'fail', cause: 'marketplace-permissions' })
    expect(gate.fix).toContain('aws-marketplace:Subscribe and aws-marketplace:ViewSubscriptions')
    expect(emu.count('Converse')).toBe(0)
    expect(run.report?.changes).toEqual([
      { action: 'use-case-form-submitted', region: 'us-east-1', account: '111122223333' }
    ])
  })

  it('the bootstrap refused its own permissions: the one-time bootstrap policy to attach, never "run with create-agreement"', async () => {
    const state = openAccount()
    delete state.agreements['cohere.embed-english-v3']
    state.iam.deniedActions = [
      'bedrock:ListFoundationModelAgreementOffers',
      'bedrock:CreateFoundationModelAgreement'
    ]
    const emu = await start(state)
    const run = await runAction(emu, {
      models: 'cohere.embed-english-v3',
      regions: 'us-east-1',
      'create-agreement': 'true',
      'wait-seconds': '0'
    })
    expect(run.code).toBe(1)
    expect(gateOf(run, 'cohere.embed-english-v3', 'us-east-1', 'model-access')).toMatchObject({
      status: 'fail',
      cause: 'agreement-create-failed'
    })
    const terms = gateOf(run, 'cohere.embed-english-v3', 'us-east-1', 'provider-terms')
    expect(terms).toMatchObject({ status: 'fail', cause: 'agreement-not-created' })
    expect(terms.fix).not.toMatch(/Run with create-agreement: true/)
    const view = githubView(run.summary)
    const policy = view.codeBlocks.find(block => block.text.includes('"BedrockAccessBootstrapOnce"'))
    expect(policy && JSON.parse(policy.text).Statement[0].Action).toEqual(
      expect.arrayContaining(['bedrock:CreateFoundationModelAgreement', 'aws-marketplace:Subscribe'])
    )
    expect(view.codeBlocks.map(block => block.text).join('\n')).toMatch(
      /aws iam put-role-policy --role-name runner-instance --policy-name bedrock-bootstrap --policy-document file:\/\/bedrock-bootstrap\.json/
    )
    expect(run.summary).not.toContain('Run with create-agreement: true')
  })

  it('the wait times out: provider terms fail with what was last seen', async () => {
    const state = freshAccount()
    state.newAgreementPendingPolls = 1000
    const emu = await start(state)
    const run = await runAction(emu, { ...BOOTSTRAP, 'wait-timeout-seconds': '2' })
    const gate = gateOf(run, MODEL, 'us-east-1', 'provider-terms')
    expect(gate).toMatchObject({ status: 'fail', cause: 'wait-timed-out' })
    expect(gate.detail).toMatch(
      /did not become live within 2 s \(agreement created by this run\); last seen: agreement pending/
    )
    expect(gate.fix).toMatch(/nothing will be created twice/)
    expect(emu.count('Converse')).toBe(0)
  })

  // AWS's table of Bedrock error codes: MPAgreementBeingCreated, "try again after 15 minutes". With a wait, the
  // bootstrap waits for the subscription as it waits for an agreement: the call is made again until it answers.
  const SUBSCRIPTION_IN_PROGRESS = {
    operation: 'Converse',
    kind: 'refuse',
    exception: 'AccessDeniedException',
    status: 403,
    message:
      'Your account is not authorized to access this model. Your AWS Marketplace subscription for this model is still being processed.'
  } as const

  it('a call refused while the subscription is still being processed is made again until it answers: pass', async () => {
    const state = freshAccount()
    state.faults = [{ ...SUBSCRIPTION_IN_PROGRESS, times: 2 }]
    const emu = await start(state)
    const run = await runAction(emu, BOOTSTRAP)
    expect(run.outputs.result).toBe('pass')
    expect(run.code).toBe(0)
    expect(emu.count('Converse')).toBe(3)
    expect(emu.count('CreateFoundationModelAgreement')).toBe(1)
    expect(run.stdout).toMatch(
      /Waiting for us\.anthropic\.claude-sonnet-4-6 in us-east-1: the Marketplace subscription is still being processed; calling again in 1 s/
    )
  })

  it('still being processed when the wait runs out: pending, inconclusive, never a pass and never a policy', async () => {
    // The agreement is live already (nothing to create or wait for): the whole wait goes to the refused call.
    const state = openAccount()
    state.faults = [SUBSCRIPTION_IN_PROGRESS]
    const emu = await start(state)
    const run = await runAction(emu, { ...BOOTSTRAP, 'wait-timeout-seconds': '2' })
    expect(run.outputs.result).toBe('inconclusive')
    expect(emu.count('Converse')).toBeGreaterThan(1)
    expect(emu.count('CreateFoundationModelAgreement')).toBe(0)
    expect(gateOf(run, MODEL, 'us-east-1', 'model-access')).toMatchObject({
      status: 'skip',
      cause: 'marketplace-subscription-in-progress'
    })
    expect(run.summary).not.toMatch(/"Effect": "Allow"|put-role-policy/)
  })

  it('an Anthropic model without a form on file and no form given: nothing is created, the fix names the input', async () => {
    const emu = await start(freshAccount())
    const run = await runAction(emu, { models: MODEL, regions: 'us-east-1', 'create-agreement': 'true' })
    const gate = gateOf(run, MODEL, 'us-east-1', 'provider-terms')
    expect(gate).toMatchObject({ status: 'fail', cause: 'use-case-missing' })
    expect(gate.fix).toContain('use-case-form')
    expect(emu.count('CreateFoundationModelAgreement')).toBe(0)
    expect(emu.count('PutUseCaseForModelAccess')).toBe(0)
  })

  it('without create-agreement the account is never changed, even with a form given', async () => {
    const emu = await start(freshAccount())
    const run = await runAction(emu, {
      models: MODEL,
      regions: 'us-east-1',
      'use-case-form': JSON.stringify(GOOD_FORM)
    })
    expect(run.outputs.result).toBe('fail')
    expect(run.stdout).toMatch(/::warning::use-case-form is only submitted with create-agreement: true/)
    for (const write of ['PutUseCaseForModelAccess', 'CreateFoundationModelAgreement', 'Converse'])
      expect(emu.count(write)).toBe(0)
  })
})

describe('bad forms are refused before any AWS call', () => {
  it.each([
    ['not JSON', '{"companyName": ', /not valid JSON/],
    ['a missing field', JSON.stringify({ ...GOOD_FORM, useCases: undefined }), /missing the field useCases/],
    [
      'a field too long',
      JSON.stringify({ ...GOOD_FORM, companyWebsite: 'x'.repeat(200) }),
      /companyWebsite is 200 characters; the limit is 128/
    ],
    [
      'a wrong intendedUsers',
      JSON.stringify({ ...GOOD_FORM, intendedUsers: 'internal' }),
      /intendedUsers must be "0"/
    ],
    ['a missing file', '/no/such/form.json', /neither inline JSON nor a readable file/]
  ])('%s', async (_name, form, problem) => {
    const emu = await start(freshAccount())
    const run = await runAction(emu, { ...BOOTSTRAP, 'use-case-form': form })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::Input "use-case-form" /)
    expect(run.stdout).toMatch(problem)
    expect(emu.calls).toEqual([])
  })
})
