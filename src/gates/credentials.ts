/**
 * The credentials gate: is the caller authenticated, as whom? Decided once per run from how the identity was
 * established (src/aws/identity.ts), and again for a check whose reads say the credentials stopped working.
 */
import type { AwsFailure } from '../aws/failure.js'
import { diagnose } from '../diagnosis/catalogue.js'
import type { Evidence, IdentityEvidence, OidcClaims } from '../evidence.js'
import type { GateResult, TrustPolicyStatement } from '../types.js'
import { describeApiKeyInWords, type ApiKeyInfo } from '../aws/bedrock-api-key.js'
import { faultGate, fromCatalogue } from './common.js'

export interface CredentialsVerdict {
  gate: GateResult
  /** false when no later AWS call can succeed (the gate is proven closed). */
  usable: boolean
}

export interface CredentialsPolicy {
  /** allowed-account-ids: the identity must be in one of these accounts. */
  allowedAccountIds?: string[]
  now: Date
}

export function decideCredentials(
  evidence: IdentityEvidence,
  policy: CredentialsPolicy = { now: new Date() }
): CredentialsVerdict {
  switch (evidence.state) {
    case 'established': {
      const { identity, source } = evidence
      const wrong = wrongAccount(identity.account, policy.allowedAccountIds)
      if (wrong) return closed(wrong)
      return {
        gate: {
          status: 'pass',
          detail: `Authenticated as ${identity.arn} (account ${identity.account}) via ${source}`
        },
        usable: true
      }
    }
    case 'api-key':
      return decideApiKey(evidence.key, policy)
    case 'no-oidc-request':
      if (evidence.forkPullRequest) {
        return closed({
          status: 'warn',
          cause: 'fork-pull-request',
          detail:
            'This pull request comes from a fork: GitHub gives fork pull requests no OIDC token, so role-to-assume cannot be used',
          fix:
            'Nothing to fix in AWS. Skip the probe for forks (`if: github.event.pull_request.head.repo.full_name == github.repository`) ' +
            "and probe on push, after the pull request is merged. Do not use pull_request_target to get a token: it would run the fork's " +
            'code with AWS credentials (GitHub Security Lab, "preventing pwn requests").'
        })
      }
      return closed(
        stsFailure(
          {
            kind: 'service',
            name: 'OidcUnavailable',
            message: 'Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable'
          },
          'GitHub OIDC'
        )
      )
    case 'token-failed': {
      const { failure } = evidence
      return closed({
        status: /Unable to get ACTIONS_ID_TOKEN_REQUEST/.test(failure.message) ? 'fail' : 'warn',
        cause: 'oidc-token-unavailable',
        detail: `Could not get a GitHub OIDC token: ${failure.message}`,
        fix: "A fault at GitHub's token service, not a closed gate: re-run the job. If it persists, check `permissions: id-token: write`."
      })
    }
    case 'assume-refused': {
      const gate = stsFailure(evidence.failure, 'AssumeRoleWithWebIdentity')
      const { claims } = evidence
      if (claims && gate.status === 'fail') {
        const aud = Array.isArray(claims.aud) ? claims.aud.join(', ') : claims.aud
        gate.detail += ` — token claims: sub="${claims.sub ?? '?'}", aud="${aud ?? '?'}"`
        gate.hints = {
          trustPolicy: trustPolicyStatement(evidence.roleArn, claims),
          roleArn: evidence.roleArn
        }
        if (gate.cause === 'oidc-invalid-token')
          gate.fix = `Create the IAM OIDC identity provider for ${issuerOf(claims)} in the role's account, with the audience input (default sts.amazonaws.com) as a client ID.`
      }
      return closed(gate)
    }
    case 'idp-unreachable':
      return closed({
        status: 'warn',
        cause: 'idp-unreachable',
        detail: `AWS STS could not verify the GitHub OIDC token after retries: ${evidence.failure.name}: ${evidence.failure.message}`,
        fix:
          "A transient fault between AWS STS and GitHub's OIDC keys, not a closed gate and not a missing identity " +
          'provider: re-run the job.'
      })
    case 'assume-empty':
      return closed({
        status: 'warn',
        cause: 'fault',
        detail: 'Could not be decided: AssumeRoleWithWebIdentity answered without credentials',
        fix: 'A fault, not a closed gate: re-run the probe.'
      })
    case 'caller-failed': {
      const gate = stsFailure(evidence.failure, 'GetCallerIdentity')
      // A fault leaves the question open: later calls may still succeed and will tell.
      return { gate, usable: gate.status !== 'fail' }
    }
  }
}

/** allowed-account-ids, as aws-actions/configure-aws-credentials has it: the wrong account fails the gate. */
function wrongAccount(account: string, allowed: string[] | undefined): GateResult | undefined {
  if (!allowed || allowed.includes(account)) return undefined
  return {
    status: 'fail',
    cause: 'wrong-account',
    detail: `The credentials belong to account ${account}, which is not in allowed-account-ids (${allowed.join(', ')})`,
    fix: `Use credentials of ${allowed.length > 1 ? 'one of the allowed accounts' : `account ${allowed[0]}`} (check role-to-assume, the runner's role or AWS_PROFILE), or add ${account} to allowed-account-ids if it is meant to be used.`
  }
}

/**
 * A Bedrock API key (AWS_BEARER_TOKEN_BEDROCK, no role-to-assume). What can be known without a call is decided
 * here (an expired short-term key, the wrong account of a long-term key); the rest is proven by the Bedrock
 * calls themselves (the gate stays open to question, skip, until one gets through), and a refused key closes
 * the gate through the catalogue (bearer-key-invalid, bearer-not-permitted, bearer-denied-scp).
 */
function decideApiKey(key: ApiKeyInfo, policy: CredentialsPolicy): CredentialsVerdict {
  const described = describeApiKeyInWords(key)
  if (key.kind === 'short-term' && key.expiresAt.getTime() <= policy.now.getTime()) {
    return closed({
      status: 'fail',
      cause: 'bearer-key-expired',
      detail: `AWS_BEARER_TOKEN_BEDROCK holds a short-term Bedrock API key that expired at ${key.expiresAt.toISOString()} (made ${key.issuedAt.toISOString()} for ${key.region})`,
      fix:
        'Short-term keys last at most 12 hours, and never past the session that made them: generate the key in the ' +
        'job right before it is used (aws-bedrock-token-generator), or use role-to-assume instead of a key.'
    })
  }
  if (key.kind === 'long-term') {
    const wrong = wrongAccount(key.account, policy.allowedAccountIds)
    if (wrong) return closed(wrong)
  } else if (policy.allowedAccountIds) {
    return {
      gate: {
        status: 'warn',
        cause: 'account-unverifiable',
        detail: `Calls use ${described}, whose account cannot be read without STS, so allowed-account-ids could not be checked`,
        fix: 'Use role-to-assume (its account is checked), a long-term key (its account is in the key), or drop allowed-account-ids.'
      },
      usable: true
    }
  }
  return {
    gate: {
      status: 'skip',
      cause: 'api-key-unproven',
      detail: `Calls use ${described} (AWS_BEARER_TOKEN_BEDROCK); only a Bedrock answer proves it`
    },
    usable: true
  }
}

/** A short-term key works only in the region it was made for. */
export function apiKeyRegionMismatch(key: ApiKeyInfo, region: string): GateResult | undefined {
  if (key.kind !== 'short-term' || key.region === region) return undefined
  return {
    status: 'fail',
    cause: 'bearer-key-region',
    detail: `The short-term Bedrock API key in AWS_BEARER_TOKEN_BEDROCK was made for ${key.region}; it works only there`,
    fix: `Generate the key for ${region} (switch region in the console, or pass the region to aws-bedrock-token-generator), or probe ${key.region}.`
  }
}

/** Without credentials from the role, nothing else can be called. */
function closed(gate: GateResult): CredentialsVerdict {
  return { gate, usable: false }
}

/** The credentials gate for a failed STS call: a catalogue row when one matches, else a fault. */
export function stsFailure(failure: AwsFailure, operation: string): GateResult {
  const diagnosis = failure.kind === 'service' ? diagnose(failure) : undefined
  if (diagnosis) {
    const gate = fromCatalogue({ model: '', region: '' }, failure, diagnosis)
    // A refusal by STS is about the credentials, whatever else the row says.
    const gateName = diagnosis.entry.gate
    return gateName === 'credentials' || gateName === 'region' ? gate : { ...gate, status: 'fail' }
  }
  if (failure.kind === 'service') {
    return {
      status: 'fail',
      cause: 'sts-refused',
      detail: `${operation} was refused: ${failure.name}: ${failure.message}`,
      fix: 'Check the credentials this job uses.'
    }
  }
  return faultGate(operation, failure)
}

/** Credentials that stop working mid-run (ExpiredToken on a read) close the credentials gate for this check. */
export function credentialsFromReads(e: Evidence): GateResult | undefined {
  for (const read of [e.profile, e.availability, e.details]) {
    // A refused API key answers 403 AccessDenied: a denied read may be about the credentials, not the read.
    if (read.state !== 'failed' && read.state !== 'denied') continue
    const diagnosis = diagnose(read.failure)
    if (diagnosis?.entry.gate === 'credentials') return fromCatalogue(e, read.failure, diagnosis)
  }
  return undefined
}

/** A Bedrock API key that a control-plane read accepted is proven, even when no call is made (invoke: false). */
export function keyAcceptedByReads(e: Evidence, credentials: GateResult): GateResult | undefined {
  if (credentials.cause !== 'api-key-unproven') return undefined
  const accepted = [e.profile, e.availability, e.details].some(read => read.state === 'ok')
  return accepted
    ? {
        status: 'pass',
        detail: credentials.detail.replace(/; only a Bedrock answer proves it$/, '; Bedrock accepted it')
      }
    : undefined
}

/**
 * The token's issuer: https://token.actions.githubusercontent.com on github.com, another host on GHE.com, or with
 * a path for an enterprise's custom issuer. The IAM OIDC provider and the trust policy's condition keys are
 * named after it (without the scheme).
 */
function issuerOf(claims: OidcClaims): string {
  return claims.iss?.startsWith('https://')
    ? claims.iss.replace(/\/+$/, '')
    : 'https://token.actions.githubusercontent.com'
}

/** The trust-policy statement that would admit the token the workflow presented. */
export function trustPolicyStatement(roleArn: string, claims: OidcClaims): TrustPolicyStatement {
  const [, partition, , , account] = roleArn.split(':')
  const provider = issuerOf(claims).slice('https://'.length)
  return {
    Effect: 'Allow',
    Principal: { Federated: `arn:${partition}:iam::${account}:oidc-provider/${provider}` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { [`${provider}:aud`]: Array.isArray(claims.aud) ? claims.aud[0] : claims.aud },
      StringLike: { [`${provider}:sub`]: claims.sub }
    }
  }
}
