/**
 * Credentials that last the job, end to end: job-minutes against the role session STS answers
 * (role-duration-seconds), keys in the environment with AWS_CREDENTIAL_EXPIRATION (read by the SDK's own
 * environment provider), and what the report says of the credentials' end without job-minutes.
 */
import { describe, expect, it } from '@jest/globals'
import { openAccount } from '../../emulator/state.js'
import { emulatorPerTest, gateOf } from './harness.js'

const { probe, emulator } = emulatorPerTest()
const NOVA = 'amazon.nova-lite-v1:0'
const BASE = { models: NOVA, regions: 'us-east-1' }

describe('job-minutes', () => {
  it('a role session of 15 minutes for a 2-hour job: the credentials gate fails, the rest is still proven', async () => {
    const state = openAccount()
    const run = await probe(
      state,
      { ...BASE, 'role-to-assume': state.oidc.roleArn, 'role-duration-seconds': '900', 'job-minutes': '120' },
      { oidc: true }
    )
    expect(run.outputs.result).toBe('fail')
    const gate = gateOf(run, NOVA, 'us-east-1', 'credentials')
    expect(gate).toMatchObject({ status: 'fail', cause: 'credentials-outlived' })
    expect(gate.detail).toMatch(/in 1[45] min; the job needs them for 120 min \(job-minutes\)/)
    expect(gate.fix).toContain('role-duration-seconds: 7200 here')
    expect(gate.fix).toContain('aws iam update-role --role-name bedrock-ci --max-session-duration 7200')
    // They work now: the call was made and proved the rest.
    expect(emulator().count('Converse')).toBe(1)
    expect(gateOf(run, NOVA, 'us-east-1', 'iam-permission').status).toBe('pass')
    // Working now, so capacity is still read: the quota the job runs against today.
    expect(gateOf(run, NOVA, 'us-east-1', 'capacity').status).toBe('pass')
    expect(run.summary).toContain('the credentials end before the job does')
  })

  it('a session that lasts the job: green', async () => {
    const state = openAccount()
    const run = await probe(
      state,
      { ...BASE, 'role-to-assume': state.oidc.roleArn, 'role-duration-seconds': '7200', 'job-minutes': '90' },
      { oidc: true }
    )
    expect(run.outputs.result).toBe('pass')
    expect(run.report!.credentialNotes ?? []).toEqual([])
  })

  it('keys in the environment that end in 5 minutes (AWS_CREDENTIAL_EXPIRATION) for a 30-minute job', async () => {
    const expiration = new Date(Date.now() + 5 * 60_000).toISOString()
    const run = await probe(
      openAccount(),
      { ...BASE, 'job-minutes': '30' },
      { env: { AWS_CREDENTIAL_EXPIRATION: expiration } }
    )
    const gate = gateOf(run, NOVA, 'us-east-1', 'credentials')
    expect(gate).toMatchObject({ status: 'fail', cause: 'credentials-outlived' })
    expect(gate.fix).toContain('configure-aws-credentials: role-duration-seconds: 1800')
  })

  it('without job-minutes the report says when a role session ends; keys with no known end say nothing', async () => {
    const state = openAccount()
    const run = await probe(state, { ...BASE, 'role-to-assume': state.oidc.roleArn }, { oidc: true })
    expect(run.outputs.result).toBe('pass')
    expect(run.report!.credentialNotes).toEqual([
      expect.stringMatching(
        /^The credentials end at \S+ \(in 1[45] min\): a job that uses them longer fails with ExpiredToken\. Set job-minutes/
      )
    ])
    const ambient = await probe(openAccount(), BASE)
    expect(ambient.report!.credentialNotes ?? []).toEqual([])
  })

  it('job-minutes with keys whose end is not known: green on the rest, and the report says it was not checked', async () => {
    const run = await probe(openAccount(), { ...BASE, 'job-minutes': '60' })
    expect(run.outputs.result).toBe('pass')
    expect(run.report!.credentialNotes).toEqual([expect.stringMatching(/^job-minutes could not be checked/)])
    expect(run.summary).toContain('job-minutes could not be checked')
  })
})
