/**
 * The credentials gate, decided once per run. With role-to-assume: GitHub OIDC token → STS
 * AssumeRoleWithWebIdentity; without: the SDK's default chain (env, profile, web-identity file, container
 * or instance role). Then one GetCallerIdentity. Every secret is masked the moment it exists.
 */
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { defaultProvider } from '@aws-sdk/credential-provider-node'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'
import { attempt, describeAwsError, type AwsFailure } from './aws/failure.js'
import type { AwsClients } from './aws/clients.js'
import { diagnose } from './diagnosis/catalogue.js'
import { faultGate } from './gates.js'
import type { ProbeInputs } from './inputs.js'
import { oneLine } from './text.js'
import type { CallerIdentity, GateResult } from './types.js'

export interface CredentialDeps {
  getIDToken: (audience: string) => Promise<string>
  setSecret: (secret: string) => void
  env: NodeJS.ProcessEnv
}

export interface CredentialsOutcome {
  gate: GateResult
  identity?: CallerIdentity
  /** Clients that sign with the established credentials. */
  clients: AwsClients
  /** false when no later AWS call can succeed (the gate is definitively closed). */
  usable: boolean
}

export interface OidcClaims {
  sub?: string
  aud?: string | string[]
  repository?: string
  ref?: string
  environment?: string
  job_workflow_ref?: string
}

/** The JWT payload's claims (never the token itself), to explain a trust-policy refusal. */
export function decodeClaims(token: string): OidcClaims | undefined {
  const payload = token.split('.')[1]
  if (!payload) return undefined
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
    const pick = (key: string) =>
      typeof claims[key] === 'string' ? oneLine(claims[key] as string, 300) : undefined
    const aud = Array.isArray(claims.aud)
      ? claims.aud.filter(a => typeof a === 'string').map(a => oneLine(a, 200))
      : pick('aud')
    return {
      sub: pick('sub'),
      aud,
      repository: pick('repository'),
      ref: pick('ref'),
      environment: pick('environment'),
      job_workflow_ref: pick('job_workflow_ref')
    }
  } catch {
    return undefined
  }
}

export async function establishCredentials(
  inputs: ProbeInputs,
  baseClients: AwsClients,
  deps: CredentialDeps
): Promise<CredentialsOutcome> {
  const region = inputs.pairs[0]!.region
  let clients: AwsClients
  let source: string

  if (inputs.roleToAssume) {
    const assumed = await assumeRoleWithOidc(inputs, baseClients, deps, region)
    if ('gate' in assumed) return { gate: assumed.gate, clients: baseClients, usable: false }
    clients = baseClients.withCredentials(
      renewingProvider(assumed.credentials, async () => {
        const renewed = await assumeRoleWithOidc(inputs, baseClients, deps, region)
        if ('gate' in renewed) throw new Error(`Renewing the role session failed: ${renewed.gate.detail}`)
        return renewed.credentials
      })
    )
    source = `OIDC → ${inputs.roleToAssume}`
  } else {
    // One memoised provider for every client, so the chain (and any instance-metadata call) runs once.
    const provider = maskingProvider(defaultProvider(), deps.setSecret)
    clients = baseClients.withCredentials(provider)
    source = 'the default credential chain'
  }

  const outcome = await attempt(() =>
    clients.client(STSClient, region).send(new GetCallerIdentityCommand({}), clients.sendOptions())
  )
  if (!outcome.ok) {
    const gate = credentialsFailure(outcome.failure, 'GetCallerIdentity')
    // A fault leaves the question open: later calls may still succeed and will tell.
    return { gate, clients, usable: gate.status !== 'fail' }
  }
  const identity: CallerIdentity = {
    account: outcome.value.Account ?? '',
    arn: outcome.value.Arn ?? '',
    userId: outcome.value.UserId
  }
  return {
    gate: {
      status: 'pass',
      detail: `Authenticated as ${identity.arn} (account ${identity.account}) via ${source}`
    },
    identity,
    clients,
    usable: true
  }
}

async function assumeRoleWithOidc(
  inputs: ProbeInputs,
  baseClients: AwsClients,
  deps: CredentialDeps,
  region: string
): Promise<{ credentials: AwsCredentialIdentity } | { gate: GateResult }> {
  if (!deps.env.ACTIONS_ID_TOKEN_REQUEST_URL || !deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    return {
      gate: credentialsFailure(
        {
          kind: 'service',
          name: 'OidcUnavailable',
          message: 'Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable'
        },
        'GitHub OIDC'
      )
    }
  }
  let token: string
  try {
    token = await withDeadline(
      deps.getIDToken(inputs.audience),
      inputs.requestTimeoutMs * 3,
      'the GitHub OIDC token request'
    )
  } catch (error) {
    const failure = describeAwsError(error)
    return {
      gate: {
        status: /Unable to get ACTIONS_ID_TOKEN_REQUEST/.test(failure.message) ? 'fail' : 'warn',
        cause: 'oidc-token-unavailable',
        detail: `Could not get a GitHub OIDC token: ${failure.message}`,
        fix: "A fault at GitHub's token service, not a closed gate: re-run the job. If it persists, check `permissions: id-token: write`."
      }
    }
  }
  deps.setSecret(token)
  const claims = decodeClaims(token)

  const outcome = await attempt(() =>
    baseClients.client(STSClient, region).send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: inputs.roleToAssume,
        RoleSessionName: inputs.roleSessionName,
        WebIdentityToken: token,
        DurationSeconds: inputs.roleDurationSeconds
      }),
      baseClients.sendOptions()
    )
  )
  if (!outcome.ok) {
    const gate = credentialsFailure(outcome.failure, 'AssumeRoleWithWebIdentity')
    if (claims && gate.status === 'fail') {
      const aud = Array.isArray(claims.aud) ? claims.aud.join(', ') : claims.aud
      gate.detail += ` — token claims: sub="${claims.sub ?? '?'}", aud="${aud ?? '?'}"`
      gate.fix += `\n${trustPolicyExample(inputs.roleToAssume!, claims)}`
    }
    return { gate }
  }
  const creds = outcome.value.Credentials
  if (!creds?.AccessKeyId || !creds.SecretAccessKey) {
    return {
      gate: {
        status: 'warn',
        cause: 'fault',
        detail: 'Could not be decided: AssumeRoleWithWebIdentity answered without credentials',
        fix: 'A fault, not a closed gate: re-run the probe.'
      }
    }
  }
  for (const secret of [creds.AccessKeyId, creds.SecretAccessKey, creds.SessionToken])
    if (secret) deps.setSecret(secret)
  return {
    credentials: {
      accessKeyId: creds.AccessKeyId,
      secretAccessKey: creds.SecretAccessKey,
      sessionToken: creds.SessionToken,
      expiration: creds.Expiration
    }
  }
}

/** The credentials gate for a failed STS call: a catalogue row when one matches, else a fault. */
export function credentialsFailure(failure: AwsFailure, operation: string): GateResult {
  const diagnosis = diagnose(failure)
  if (diagnosis && failure.kind === 'service') {
    const entry = diagnosis.entry
    return {
      status: entry.gate === 'credentials' || entry.gate === 'region' ? entry.status : 'fail',
      cause: entry.id,
      detail: `${entry.cause}: ${failure.message}`,
      fix: entry.fix({ model: '', region: '', groups: diagnosis.groups })
    }
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

function trustPolicyExample(roleArn: string, claims: OidcClaims): string {
  const account = roleArn.split(':')[4]
  const partition = roleArn.split(':')[1]
  const statement = {
    Effect: 'Allow',
    Principal: {
      Federated: `arn:${partition}:iam::${account}:oidc-provider/token.actions.githubusercontent.com`
    },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: {
        'token.actions.githubusercontent.com:aud': Array.isArray(claims.aud) ? claims.aud[0] : claims.aud
      },
      StringLike: { 'token.actions.githubusercontent.com:sub': claims.sub }
    }
  }
  return `Trust policy statement that admits this token:\n${JSON.stringify(statement, null, 2)}`
}

/** Renew this long before the session expires. */
export const RENEW_BEFORE_MS = 5 * 60_000

/**
 * The assumed-role session as a provider that renews itself (a new OIDC token, a new AssumeRole) shortly
 * before it expires: a bootstrap run may wait longer than role-duration-seconds.
 */
export function renewingProvider(
  first: AwsCredentialIdentity,
  renew: () => Promise<AwsCredentialIdentity>,
  now: () => number = Date.now
): AwsCredentialIdentityProvider {
  let current = first
  let renewal: Promise<AwsCredentialIdentity> | undefined
  return async () => {
    const expiresAt = current.expiration?.getTime()
    if (expiresAt === undefined || expiresAt - now() > RENEW_BEFORE_MS) return current
    renewal ??= renew()
      .then(identity => (current = identity))
      .finally(() => (renewal = undefined))
    return renewal
  }
}

/** Wrap a provider so every credential it yields is masked before anything can print it. */
function maskingProvider(
  provider: AwsCredentialIdentityProvider,
  setSecret: (secret: string) => void
): AwsCredentialIdentityProvider {
  const masked = new Set<string>()
  return async options => {
    const identity = await provider(options)
    for (const secret of [identity.accessKeyId, identity.secretAccessKey, identity.sessionToken]) {
      if (secret && !masked.has(secret)) {
        masked.add(secret)
        setSecret(secret)
      }
    }
    return identity
  }
}

async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(Object.assign(new Error(`${what} timed out after ${ms / 1000} s`), { name: 'TimeoutError' })),
      ms
    )
  })
  try {
    return await Promise.race([promise, deadline])
  } finally {
    clearTimeout(timer)
  }
}
