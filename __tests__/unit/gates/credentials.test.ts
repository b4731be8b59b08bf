import { describe, expect, it } from '@jest/globals'
import { denied, evidence, run, fixIn } from '../../../__fixtures__/evidence.js'
import {
  credentialsBeforeReads,
  credentialsEndNote,
  credentialsGate,
  decideCredentials,
  stsFailure
} from '../../../src/gates/credentials.js'

const ROLE = 'arn:aws:iam::111122223333:role/bedrock-ci'

describe('credentials gate', () => {
  it('passes an established identity, naming the caller, account and source', () => {
    const verdict = decideCredentials({
      state: 'established',
      identity: { account: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/ci/x' },
      source: 'the default credential chain',
      credentialSource: 'instance-role'
    })
    expect(verdict.usable).toBe(true)
    expect(verdict.gate).toEqual({
      status: 'pass',
      detail:
        'Authenticated as arn:aws:sts::111122223333:assumed-role/ci/x (account 111122223333) via the default credential chain'
    })
  })

  it('fails without the OIDC request variables, with the permissions fix', () => {
    const verdict = decideCredentials({ state: 'no-oidc-request', forkPullRequest: false })
    expect(verdict).toMatchObject({
      usable: false,
      gate: { status: 'fail', cause: 'oidc-no-token-permission' }
    })
    expect(fixIn(verdict.gate)).toContain('id-token: write')
  })

  it("a fork pull request has no token by GitHub's design: inconclusive with how to skip forks, not a closed gate", () => {
    const verdict = decideCredentials({ state: 'no-oidc-request', forkPullRequest: true })
    expect(verdict).toMatchObject({ usable: false, gate: { status: 'warn', cause: 'fork-pull-request' } })
    expect(fixIn(verdict.gate)).toContain(
      'github.event.pull_request.head.repo.full_name == github.repository'
    )
  })

  it("the trust statement and the provider fix use the token's own issuer (GHE.com, custom issuers)", () => {
    const claims = {
      sub: 'repo:octo/app:ref:refs/heads/main',
      aud: 'sts.amazonaws.com',
      iss: 'https://token.actions.octocorp.ghe.com'
    }
    const refused = decideCredentials({
      state: 'assume-refused',
      roleArn: ROLE,
      failure: {
        kind: 'service',
        name: 'AccessDenied',
        message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity'
      },
      claims
    })
    expect(refused.gate.hints?.trustPolicy).toMatchObject({
      Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.octocorp.ghe.com' },
      Condition: {
        StringEquals: { 'token.actions.octocorp.ghe.com:aud': 'sts.amazonaws.com' },
        StringLike: { 'token.actions.octocorp.ghe.com:sub': 'repo:octo/app:ref:refs/heads/main' }
      }
    })
    const noProvider = decideCredentials({
      state: 'assume-refused',
      roleArn: ROLE,
      failure: { kind: 'service', name: 'InvalidIdentityToken', message: 'No OpenIDConnect provider found' },
      claims: { ...claims, iss: 'https://token.actions.githubusercontent.com/octocorp' }
    })
    expect(fixIn(noProvider.gate)).toContain('https://token.actions.githubusercontent.com/octocorp')
  })

  it("STS's refusals of the provider name the provider to fix, and print no trust policy", () => {
    const claims = { sub: 'repo:octo/app:ref:refs/heads/main', aud: 'sts.amazonaws.com' }
    const refused = (name: string, message: string, roleArn = ROLE) =>
      decideCredentials({
        state: 'assume-refused',
        roleArn,
        region: 'us-east-1',
        durationSeconds: 7200,
        failure: { kind: 'service', name, message },
        claims
      }).gate
    const audience = refused('InvalidIdentityToken', 'Incorrect token audience')
    expect(audience).toMatchObject({ status: 'fail', cause: 'oidc-audience-mismatch' })
    expect(fixIn(audience)).toContain(
      'sts.amazonaws.com, is not a client ID of the IAM OIDC identity provider arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'
    )
    expect(fixIn(audience)).toContain('aws iam add-client-id-to-open-id-connect-provider')
    expect(audience.hints).toMatchObject({
      oidcProvider: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
      audience: 'sts.amazonaws.com'
    })
    expect(audience.hints?.trustPolicy).toBeUndefined()
    // In the China regions the audience is STS's own there.
    expect(
      fixIn(
        refused('InvalidIdentityToken', 'Incorrect token audience', 'arn:aws-cn:iam::111122223333:role/ci')
      )
    ).toContain('arn:aws-cn:iam::111122223333:oidc-provider/token.actions.githubusercontent.com')
    expect(
      fixIn(
        refused('InvalidIdentityToken', 'Incorrect token audience', 'arn:aws-cn:iam::111122223333:role/ci')
      )
    ).toContain('sts.amazonaws.com.cn')
    const thumbprint = refused(
      'InvalidIdentityToken',
      "OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint"
    )
    expect(thumbprint).toMatchObject({ status: 'fail', cause: 'oidc-thumbprint-mismatch' })
    expect(fixIn(thumbprint)).toContain('update-open-id-connect-provider-thumbprint')
    const duration = refused(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
    )
    expect(duration).toMatchObject({
      status: 'fail',
      cause: 'role-duration-too-long',
      hints: { durationSeconds: 7200 }
    })
    expect(fixIn(duration)).toContain('Lower role-duration-seconds')
    expect(fixIn(duration)).toContain('aws iam update-role --max-session-duration')
    // The trust policy's refusal still shows the statement that admits the token.
    expect(
      refused('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity').hints?.trustPolicy
    ).toBeDefined()
  })

  it('STS deactivated in the region it was called in: credentials closed, naming the region', () => {
    const verdict = decideCredentials({
      state: 'caller-failed',
      region: 'ap-southeast-3',
      failure: {
        kind: 'service',
        name: 'RegionDisabledException',
        message:
          'STS is not activated in this region for account:111122223333. Your account administrator can activate STS in this region using the IAM Console.'
      }
    })
    expect(verdict).toMatchObject({ usable: false, gate: { status: 'fail', cause: 'sts-region-disabled' } })
    expect(fixIn(verdict.gate)).toContain('Activate STS in ap-southeast-3')
  })

  it('a token service fault is a warning, and nothing else can run', () => {
    const verdict = decideCredentials({
      state: 'token-failed',
      failure: { kind: 'fault', name: 'Error', message: 'Failed to get ID Token. Error Code : 500' }
    })
    expect(verdict).toMatchObject({
      usable: false,
      gate: { status: 'warn', cause: 'oidc-token-unavailable' }
    })
  })

  it('a trust-policy refusal shows the claims and the statement that would admit the token', () => {
    const verdict = decideCredentials({
      state: 'assume-refused',
      roleArn: ROLE,
      failure: {
        kind: 'service',
        name: 'AccessDenied',
        message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity'
      },
      claims: { sub: 'repo:octo-org/octo-repo:ref:refs/heads/main', aud: 'sts.amazonaws.com' }
    })
    expect(verdict.gate).toMatchObject({ status: 'fail', cause: 'oidc-trust-policy' })
    expect(verdict.gate.detail).toContain('sub="repo:octo-org/octo-repo:ref:refs/heads/main"')
    expect(verdict.gate.hints?.trustPolicy).toEqual({
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: {
          'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:ref:refs/heads/main'
        }
      }
    })
  })

  it('an empty AssumeRole answer is a fault', () => {
    expect(decideCredentials({ state: 'assume-empty' }).gate).toMatchObject({
      status: 'warn',
      cause: 'fault'
    })
  })

  it('a GetCallerIdentity fault leaves the checks free to run; a refusal does not', () => {
    const fault = decideCredentials({
      state: 'caller-failed',
      failure: { kind: 'timeout', name: 'TimeoutError', message: 'timed out: x' }
    })
    expect(fault).toMatchObject({ usable: true, gate: { status: 'warn', cause: 'timed-out' } })
    const refused = decideCredentials({
      state: 'caller-failed',
      failure: {
        kind: 'service',
        name: 'InvalidClientTokenId',
        message: 'The security token included in the request is invalid.'
      }
    })
    expect(refused).toMatchObject({ usable: false, gate: { status: 'fail', cause: 'credentials-invalid' } })
  })

  it('an STS refusal the catalogue does not know still closes the gate, with its words', () => {
    expect(stsFailure({ kind: 'service', name: 'Weird', message: 'no' }, 'GetCallerIdentity')).toMatchObject({
      status: 'fail',
      cause: 'sts-refused',
      detail: 'GetCallerIdentity was refused: Weird: no'
    })
  })

  it('an STS endpoint of a region the SDK does not know: a fault (never a verdict) naming the regions input', () => {
    const gate = stsFailure(
      {
        kind: 'fault',
        fault: 'unknown-region',
        name: 'Error',
        message: 'could not connect (ENOTFOUND): getaddrinfo ENOTFOUND sts.eu-centrl-1.amazonaws.com',
        unknownRegion: { region: 'eu-centrl-1', nearest: ['eu-central-1'] }
      },
      'GetCallerIdentity'
    )
    expect(gate).toMatchObject({ status: 'warn', cause: 'region-unknown' })
    expect(fixIn(gate)).toContain('eu-centrl-1 is not a region this AWS SDK knows')
    expect(fixIn(gate)).toContain('did you mean eu-central-1? Correct the regions input')
  })

  it('expired credentials on a read close the gate for that check', () => {
    const gate = credentialsGate.fromEvidence(
      evidence({
        availability: {
          state: 'failed',
          failure: {
            kind: 'service',
            name: 'ExpiredTokenException',
            message: 'The security token included in the request is expired'
          }
        }
      }),
      run()
    )
    expect(gate).toMatchObject({ status: 'fail', cause: 'credentials-expired' })
  })
})

describe('credentials gate: accounts and Bedrock API keys', () => {
  const NOW = new Date('2026-11-23T12:00:00Z')
  const established = {
    state: 'established' as const,
    identity: { account: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/ci/x' },
    source: 'GitHub OIDC role',
    credentialSource: 'oidc-role' as const
  }

  it('allowed-account-ids: another account is closed, naming both; the right one passes', () => {
    const verdict = decideCredentials(established, { allowedAccountIds: ['444455556666'], now: NOW })
    expect(verdict.usable).toBe(false)
    expect(verdict.gate).toMatchObject({ status: 'fail', cause: 'wrong-account' })
    expect(verdict.gate.detail).toContain(
      'account 111122223333, which is not in allowed-account-ids (444455556666)'
    )
    expect(
      decideCredentials(established, { allowedAccountIds: ['111122223333'], now: NOW }).gate.status
    ).toBe('pass')
  })

  it('an expired short-term key is closed without a call; a live one waits for the calls to prove it', () => {
    const key = {
      kind: 'short-term' as const,
      accessKeyId: 'ASIAX',
      region: 'us-east-1',
      issuedAt: new Date('2026-11-23T00:00:00Z'),
      expiresAt: new Date('2026-11-23T11:00:00Z')
    }
    expect(decideCredentials({ state: 'api-key', key }, { now: NOW })).toMatchObject({
      usable: false,
      gate: { status: 'fail', cause: 'bearer-key-expired' }
    })
    const live = { ...key, expiresAt: new Date('2026-11-23T13:00:00Z') }
    const verdict = decideCredentials({ state: 'api-key', key: live }, { now: NOW })
    expect(verdict).toMatchObject({ usable: true, gate: { status: 'skip', cause: 'api-key-unproven' } })
    // A short-term key works in its own region only: closed there before any read.
    const elsewhere = credentialsBeforeReads(verdict, 'us-west-2')
    expect(elsewhere).toMatchObject({ status: 'fail', cause: 'bearer-key-region' })
    expect(fixIn(elsewhere)).toContain('Generate the key for us-west-2')
    expect(fixIn(elsewhere)).toContain('or probe us-east-1')
    expect(credentialsBeforeReads(verdict, 'us-east-1')).toBeUndefined()
  })

  it("a key's account: a long-term key's is checked, a short-term key's cannot be, which is never a pass", () => {
    const longTerm = { kind: 'long-term' as const, keyName: 'BedrockAPIKey-x', account: '999988887777' }
    expect(
      decideCredentials(
        { state: 'api-key', key: longTerm },
        { allowedAccountIds: ['111122223333'], now: NOW }
      ).gate
    ).toMatchObject({ status: 'fail', cause: 'wrong-account' })
    const unknown = decideCredentials(
      { state: 'api-key', key: { kind: 'unrecognised' } },
      { allowedAccountIds: ['111122223333'], now: NOW }
    )
    expect(unknown.gate).toMatchObject({ status: 'warn', cause: 'account-unverifiable' })
  })

  it('a key the control plane accepted is proven even without a call; a denied read proves nothing', () => {
    const key = { kind: 'long-term' as const, keyName: 'BedrockAPIKey-x', account: '999988887777' }
    const unproven = decideCredentials({ state: 'api-key', key }, { now: NOW })
    expect(credentialsGate.fromEvidence(evidence(), unproven)).toEqual({
      status: 'pass',
      detail:
        'Calls use a long-term Bedrock API key (BedrockAPIKey-x, account 999988887777) (AWS_BEARER_TOKEN_BEDROCK); Bedrock recognised it'
    })
    const nothingRead = evidence({
      availability: denied('bedrock:GetFoundationModelAvailability'),
      details: denied('bedrock:GetFoundationModel')
    })
    expect(credentialsGate.fromEvidence(nothingRead, unproven)).toBe(unproven.gate)
  })
})

describe('credentials that last the job (job-minutes)', () => {
  const NOW = new Date('2026-11-23T12:00:00Z')
  const inMinutes = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)
  const session = (
    credentialSource: 'oidc-role' | 'environment-keys' | 'instance-role',
    minutes: number
  ) => ({
    state: 'established' as const,
    identity: { account: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/bedrock-ci/probe' },
    source: 'test',
    credentialSource,
    expiresAt: inMinutes(minutes)
  })

  it('a role session shorter than the job: closed, still usable, with the session length and the role cap to raise', () => {
    const verdict = decideCredentials(session('oidc-role', 15), { jobMinutes: 120, now: NOW })
    expect(verdict.usable).toBe(true)
    expect(verdict.gate).toMatchObject({ status: 'fail', cause: 'credentials-outlived' })
    expect(verdict.gate.detail).toBe(
      'The credentials end at 2026-11-23T12:15:00.000Z, in 15 min; the job needs them for 120 min (job-minutes)'
    )
    expect(fixIn(verdict.gate)).toContain('role-duration-seconds: 7200 here')
    expect(fixIn(verdict.gate)).toContain(
      'aws iam update-role --role-name bedrock-ci --max-session-duration 7200'
    )
    expect(fixIn(verdict.gate)).toContain('chaining is capped at 1 hour')
  })

  it('a session that lasts the job passes; so do credentials the SDK renews, whatever their current end', () => {
    expect(decideCredentials(session('oidc-role', 60), { jobMinutes: 60, now: NOW }).gate.status).toBe('pass')
    expect(decideCredentials(session('instance-role', 5), { jobMinutes: 600, now: NOW }).gate.status).toBe(
      'pass'
    )
    // Without job-minutes nothing is judged.
    expect(decideCredentials(session('oidc-role', 1), { now: NOW }).gate.status).toBe('pass')
  })

  it('keys in the environment (AWS_CREDENTIAL_EXPIRATION): the step that exported them asks for longer', () => {
    const verdict = decideCredentials(session('environment-keys', 30), { jobMinutes: 90, now: NOW })
    expect(verdict.gate).toMatchObject({ status: 'fail', cause: 'credentials-outlived' })
    expect(fixIn(verdict.gate)).toContain('configure-aws-credentials: role-duration-seconds: 5400')
  })

  it('a short-term Bedrock API key that ends before the job', () => {
    const key = {
      kind: 'short-term' as const,
      accessKeyId: 'ASIAX',
      region: 'us-east-1',
      issuedAt: new Date('2026-11-23T00:00:00Z'),
      expiresAt: inMinutes(45)
    }
    const verdict = decideCredentials({ state: 'api-key', key }, { jobMinutes: 60, now: NOW })
    expect(verdict).toMatchObject({ usable: true, gate: { status: 'fail', cause: 'credentials-outlived' } })
    expect(fixIn(verdict.gate)).toMatch(/at most 12 hours, and never past the session that signed it/)
  })

  it('the credentials gate keeps the verdict after a call that got through', () => {
    const outlived = decideCredentials(session('oidc-role', 15), { jobMinutes: 120, now: NOW })
    const after = credentialsGate.afterCall(evidence(), outlived.gate, {
      calls: { state: 'made', outcomes: [{ state: 'ok', call: 'converse' }] },
      asked: ['converse'],
      passedGatesBeforeIam: true
    })
    expect(after).toBe(outlived.gate)
  })

  it('without job-minutes the report says when credentials with a fixed end end, and nothing of renewing ones', () => {
    expect(credentialsEndNote(session('oidc-role', 15), NOW)).toBe(
      'The credentials end at 2026-11-23T12:15:00.000Z (in 15 min): a job that uses them longer fails with ' +
        'ExpiredToken. Set job-minutes to check that they last the job.'
    )
    expect(credentialsEndNote(session('instance-role', 15), NOW)).toBeUndefined()
  })

  it('with job-minutes, keys whose end is not known are said to be unchecked, never passed in silence', () => {
    const { expiresAt: _, ...unknownEnd } = session('environment-keys', 0)
    expect(credentialsEndNote(unknownEnd, NOW, 60)).toMatch(/^job-minutes could not be checked/)
    expect(credentialsEndNote(session('environment-keys', 90), NOW, 60)).toBeUndefined()
    expect(credentialsEndNote(session('instance-role', 5), NOW, 60)).toBeUndefined()
  })
})
