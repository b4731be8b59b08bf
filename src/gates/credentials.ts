/**
 * The credentials gate: is the caller authenticated, as whom? Decided once per run from how the identity was
 * established (src/aws/identity.ts), and again for a check whose reads say the credentials stopped working.
 */
import type { AwsFailure } from '../aws/failure.js'
import { diagnose } from '../diagnosis/catalogue.js'
import type { Evidence, IdentityEvidence, OidcClaims } from '../evidence.js'
import type { GateResult, TrustPolicyStatement } from '../types.js'
import { faultGate, fromCatalogue } from './common.js'

export interface CredentialsVerdict {
  gate: GateResult
  /** false when no later AWS call can succeed (the gate is proven closed). */
  usable: boolean
}

export function decideCredentials(evidence: IdentityEvidence): CredentialsVerdict {
  switch (evidence.state) {
    case 'established': {
      const { identity, source } = evidence
      return {
        gate: {
          status: 'pass',
          detail: `Authenticated as ${identity.arn} (account ${identity.account}) via ${source}`
        },
        usable: true
      }
    }
    case 'no-oidc-request':
      if (evidence.forkPullRequest) {
        return closed({
          status: 'warn',
          cause: 'fork-pull-request',
          detail:
            'This pull request comes from a fork: GitHub gives fork pull requests no OIDC token, so role-to-assume cannot be used',
          fix: 'Nothing to fix in AWS. Skip the probe for forks (`if: github.event.pull_request.head.repo.full_name == github.repository`), or probe on push and pull_request_target runs, which get a token.'
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
        gate.hints = { trustPolicy: trustPolicyStatement(evidence.roleArn, claims) }
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
    if (read.state !== 'failed') continue
    const diagnosis = diagnose(read.failure)
    if (diagnosis?.entry.gate === 'credentials') return fromCatalogue(e, read.failure, diagnosis)
  }
  return undefined
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
