import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import {
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
  STSServiceException
} from '@aws-sdk/client-sts'
import { AwsClients } from '../../../src/aws/clients.js'
import {
  ASSUME_ROLE_ATTEMPTS,
  decodeClaims,
  establishIdentity,
  NO_ACCOUNT_CHANGES_POLICY,
  OIDC_ATTEMPTS,
  renewingProvider,
  sourceFromEnvironment,
  sourceFromFeatures,
  type IdentityDeps
} from '../../../src/aws/identity.js'
import { fixIn } from '../../../__fixtures__/evidence.js'
import { decideCredentials } from '../../../src/gates/credentials.js'
import { parseInputs, type ProbeInputs } from '../../../src/inputs/parse.js'

const sts = mockClient(STSClient)
const ROLE = 'arn:aws:iam::123456789012:role/bedrock-ci'
const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
const TOKEN = `${part({ alg: 'RS256' })}.${part({ sub: 'repo:Octo/Repo:ref:refs/heads/main', aud: 'sts.amazonaws.com' })}.c2lnbmF0dXJl`
const OIDC_ENV = { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://x/token?a=1', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'rt' }

function setup(values: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  const inputs = parseInputs(
    name => ({ models: 'amazon.nova-lite-v1:0', regions: 'us-east-1', ...values })[name] ?? '',
    {}
  )
  const setSecret = jest.fn<(secret: string) => void>()
  const getIDToken = jest.fn<(audience: string) => Promise<string>>().mockResolvedValue(TOKEN)
  const sleeps: number[] = []
  const clock = { now: () => 0, sleep: async (ms: number) => void sleeps.push(ms), sleeps }
  return {
    inputs,
    deps: { setSecret, getIDToken, env, clock },
    clients: new AwsClients({ requestTimeoutMs: 1000 })
  }
}

/** The identity step and the credentials verdict on it, as the probe runs them. */
async function establishCredentials(inputs: ProbeInputs, clients: AwsClients, deps: IdentityDeps) {
  const step = await establishIdentity({ ...inputs, region: inputs.pairs[0]!.region }, clients, deps)
  const verdict = decideCredentials(step.evidence)
  const identity = step.evidence.state === 'established' ? step.evidence.identity : undefined
  return { ...verdict, identity, clients: step.clients }
}

const stsError = (name: string, message: string) =>
  new STSServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode: 403 } })

describe('establishing the identity (STS through aws-sdk-client-mock)', () => {
  beforeEach(() => {
    sts.reset()
  })

  it('OIDC: assumes the role, masks every secret, and reports the caller', async () => {
    const { inputs, deps, clients } = setup({ 'role-to-assume': ROLE }, OIDC_ENV)
    sts.on(AssumeRoleWithWebIdentityCommand).resolves({
      Credentials: {
        AccessKeyId: 'ASIAXX',
        SecretAccessKey: 'secret',
        SessionToken: 'session',
        Expiration: new Date()
      }
    })
    sts
      .on(GetCallerIdentityCommand)
      .resolves({ Account: '123456789012', Arn: 'arn:aws:sts::123456789012:assumed-role/bedrock-ci/s' })
    const outcome = await establishCredentials(inputs, clients, deps)
    expect(outcome.gate.status).toBe('pass')
    expect(outcome.identity?.account).toBe('123456789012')
    expect(deps.getIDToken).toHaveBeenCalledWith('sts.amazonaws.com')
    expect(deps.setSecret.mock.calls.map(call => call[0])).toEqual(
      expect.arrayContaining([TOKEN, 'ASIAXX', 'secret', 'session'])
    )
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)[0]!.args[0].input).toMatchObject({
      RoleArn: ROLE,
      RoleSessionName: 'bedrock-access-probe',
      DurationSeconds: 900,
      WebIdentityToken: TOKEN
    })
  })

  it('OIDC without id-token permission fails with that fix and calls nothing', async () => {
    const { inputs, deps, clients } = setup({ 'role-to-assume': ROLE })
    const outcome = await establishCredentials(inputs, clients, deps)
    expect(outcome.gate).toMatchObject({ status: 'fail', cause: 'oidc-no-token-permission' })
    expect(fixIn(outcome.gate)).toContain('id-token: write')
    expect(outcome.usable).toBe(false)
    expect(deps.getIDToken).not.toHaveBeenCalled()
    expect(sts.calls()).toHaveLength(0)
  })

  it('a refused token shows its sub and aud claims (never the token) and a trust policy that admits it', async () => {
    const { inputs, deps, clients } = setup({ 'role-to-assume': ROLE }, OIDC_ENV)
    sts
      .on(AssumeRoleWithWebIdentityCommand)
      .rejects(stsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity'))
    const outcome = await establishCredentials(inputs, clients, deps)
    expect(outcome.gate).toMatchObject({ status: 'fail', cause: 'oidc-trust-policy' })
    expect(outcome.gate.detail).toContain('sub="repo:Octo/Repo:ref:refs/heads/main"')
    expect(outcome.gate.detail).toContain('aud="sts.amazonaws.com"')
    expect(outcome.gate.hints?.trustPolicy?.Condition.StringLike).toEqual({
      'token.actions.githubusercontent.com:sub': 'repo:Octo/Repo:ref:refs/heads/main'
    })
    expect(JSON.stringify(outcome.gate)).not.toContain(TOKEN)
  })

  it('an OIDC token service error is retried with backoff, then a fault (warn), not a closed gate', async () => {
    const { inputs, deps, clients } = setup({ 'role-to-assume': ROLE }, OIDC_ENV)
    deps.getIDToken.mockRejectedValue(new Error('Failed to get ID Token. Error Code : 500'))
    const outcome = await establishCredentials(inputs, clients, deps)
    expect(deps.getIDToken).toHaveBeenCalledTimes(OIDC_ATTEMPTS)
    expect(deps.clock.sleeps).toHaveLength(OIDC_ATTEMPTS - 1)
    expect(outcome.gate).toMatchObject({ status: 'warn', cause: 'oidc-token-unavailable' })
    expect(outcome.usable).toBe(false)
  })

  it('a 4xx from the token endpoint is not retried', async () => {
    const { inputs, deps, clients } = setup({ 'role-to-assume': ROLE }, OIDC_ENV)
    deps.getIDToken.mockRejectedValue(new Error('Failed to get ID Token. Error Code : 401'))
    await establishCredentials(inputs, clients, deps)
    expect(deps.getIDToken).toHaveBeenCalledTimes(1)
  })

  it('sends the no-account-changes session policy unless create-agreement', async () => {
    const { inputs, deps, clients } = setup({ 'role-to-assume': ROLE }, OIDC_ENV)
    sts.on(AssumeRoleWithWebIdentityCommand).resolves({
      Credentials: { AccessKeyId: 'ASIAXX', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date() }
    })
    sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn' })
    await establishIdentity(
      { ...inputs, region: 'us-east-1', sessionPolicy: NO_ACCOUNT_CHANGES_POLICY },
      clients,
      deps
    )
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)[0]!.args[0].input.Policy).toBe(
      NO_ACCOUNT_CHANGES_POLICY
    )
  })

  it('STS that cannot reach the identity provider is retried, then reported as transient', async () => {
    const { inputs, deps, clients } = setup({ 'role-to-assume': ROLE }, OIDC_ENV)
    sts
      .on(AssumeRoleWithWebIdentityCommand)
      .rejects(
        stsError(
          'InvalidIdentityToken',
          "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements"
        )
      )
    const outcome = await establishCredentials(inputs, clients, deps)
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(ASSUME_ROLE_ATTEMPTS)
    expect(outcome.gate).toMatchObject({ status: 'warn', cause: 'idp-unreachable' })
  })

  it('a missing OIDC provider is final at once', async () => {
    const { inputs, deps, clients } = setup({ 'role-to-assume': ROLE }, OIDC_ENV)
    sts
      .on(AssumeRoleWithWebIdentityCommand)
      .rejects(
        stsError('InvalidIdentityToken', 'No OpenIDConnect provider found in your account for https://x')
      )
    const outcome = await establishCredentials(inputs, clients, deps)
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(1)
    expect(outcome.gate).toMatchObject({ status: 'fail', cause: 'oidc-invalid-token' })
  })

  it('ambient credentials that STS does not recognise fail the gate', async () => {
    const { inputs, deps, clients } = setup({}, {})
    sts
      .on(GetCallerIdentityCommand)
      .rejects(stsError('InvalidClientTokenId', 'The security token included in the request is invalid.'))
    const outcome = await establishCredentials(
      inputs,
      clients.withCredentials({ accessKeyId: 'a', secretAccessKey: 'b' }),
      deps
    )
    expect(outcome.gate).toMatchObject({ status: 'fail', cause: 'credentials-invalid' })
    expect(outcome.usable).toBe(false)
  })

  it('an STS timeout leaves the checks running', async () => {
    const { inputs, deps, clients } = setup({}, {})
    sts
      .on(GetCallerIdentityCommand)
      .rejects(Object.assign(new Error('socket timed out'), { name: 'TimeoutError' }))
    const outcome = await establishCredentials(inputs, clients, deps)
    expect(outcome.gate.status).toBe('warn')
    expect(outcome.gate.detail).toMatch(/timed out/)
    expect(outcome.usable).toBe(true)
  })
})

describe('decodeClaims', () => {
  it('reads the payload claims', () => {
    expect(decodeClaims(TOKEN)).toMatchObject({
      sub: 'repo:Octo/Repo:ref:refs/heads/main',
      aud: 'sts.amazonaws.com'
    })
  })
  it('returns undefined for a token that is not a JWT', () => {
    expect(decodeClaims('garbage')).toBeUndefined()
    expect(decodeClaims('a.!!!.c')).toBeUndefined()
  })
})

describe('renewingProvider', () => {
  const identity = (id: string, expiresInMs: number, now: number) => ({
    accessKeyId: id,
    secretAccessKey: 's',
    expiration: new Date(now + expiresInMs)
  })

  it('hands out the session until shortly before it expires, then renews it once for concurrent callers', async () => {
    let now = 0
    const renew = jest.fn(async () => identity('second', 3_600_000, now))
    const provider = renewingProvider(identity('first', 15 * 60_000, 0), renew, () => now)
    expect((await provider()).accessKeyId).toBe('first')
    now = 11 * 60_000 // 4 minutes left: inside the renewal window
    const [a, b] = await Promise.all([provider(), provider()])
    expect([a.accessKeyId, b.accessKeyId]).toEqual(['second', 'second'])
    expect(renew).toHaveBeenCalledTimes(1)
    expect((await provider()).accessKeyId).toBe('second')
  })

  it('OIDC sessions are renewed through a new token and a new AssumeRoleWithWebIdentity', async () => {
    sts.reset()
    const { inputs, deps, clients } = setup({ 'role-to-assume': ROLE }, OIDC_ENV)
    sts
      .on(AssumeRoleWithWebIdentityCommand)
      .resolvesOnce({
        Credentials: {
          AccessKeyId: 'ASIA1',
          SecretAccessKey: 's1',
          SessionToken: 't1',
          Expiration: new Date(Date.now() + 60_000)
        }
      })
      .resolves({
        Credentials: {
          AccessKeyId: 'ASIA2',
          SecretAccessKey: 's2',
          SessionToken: 't2',
          Expiration: new Date(Date.now() + 3_600_000)
        }
      })
    sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn' })
    const outcome = await establishCredentials(inputs, clients, deps)
    const provider = outcome.clients.settings.credentials as () => Promise<{ accessKeyId: string }>
    expect((await provider()).accessKeyId).toBe('ASIA2')
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(2)
    expect(deps.getIDToken).toHaveBeenCalledTimes(2)
    expect(deps.setSecret.mock.calls.map(call => call[0])).toEqual(
      expect.arrayContaining(['ASIA2', 's2', 't2'])
    )
  })
})

describe('where the credentials came from', () => {
  it("reads the SDK's own marks, one per link of the chain", () => {
    expect(sourceFromFeatures({ CREDENTIALS_ENV_VARS: 'g' })).toBe('environment-keys')
    expect(sourceFromFeatures({ CREDENTIALS_PROFILE: 'n' })).toBe('profile')
    expect(sourceFromFeatures({ CREDENTIALS_PROFILE_SSO: 'r', CREDENTIALS_SSO: 's' })).toBe('profile')
    expect(sourceFromFeatures({ CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN: 'h' })).toBe('web-identity-file')
    expect(sourceFromFeatures({ CREDENTIALS_HTTP: 'z' })).toBe('container-role')
    expect(sourceFromFeatures(undefined)).toBeUndefined()
  })

  it('falls back on the chain order read from the environment', () => {
    expect(sourceFromEnvironment({ AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' })).toBe(
      'environment-keys'
    )
    expect(sourceFromEnvironment({ AWS_PROFILE: 'dev' })).toBe('profile')
    expect(sourceFromEnvironment({ AWS_WEB_IDENTITY_TOKEN_FILE: '/t', AWS_ROLE_ARN: 'arn' })).toBe(
      'web-identity-file'
    )
    expect(sourceFromEnvironment({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/creds' })).toBe(
      'container-role'
    )
    expect(sourceFromEnvironment({})).toBe('instance-role')
  })
})
