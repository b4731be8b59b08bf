/**
 * The run's AWS identity, established once. With role-to-assume: GitHub OIDC token → STS
 * AssumeRoleWithWebIdentity; without: the SDK's default chain (env, profile, web-identity file, container
 * or instance role). Then one GetCallerIdentity. Every secret is masked the moment it exists.
 * What happened is returned as evidence; the credentials gate (src/gates/credentials.ts) decides from it.
 */
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { defaultProvider } from '@aws-sdk/credential-provider-node'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'
import type { IdentityEvidence, OidcClaims } from '../evidence.js'
import { oneLine } from '../sanitize.js'
import { describeAwsError } from './failure.js'
import type { AwsClients } from './clients.js'

export interface IdentityDeps {
  getIDToken: (audience: string) => Promise<string>
  setSecret: (secret: string) => void
  env: NodeJS.ProcessEnv
}

/** What establishing the identity needs to know of the inputs. */
export interface IdentitySettings {
  /** STS is called in this region (the first probed one). */
  region: string
  roleToAssume?: string
  audience: string
  roleSessionName: string
  roleDurationSeconds: number
  requestTimeoutMs: number
}

export interface IdentityStep {
  evidence: IdentityEvidence
  /** Clients that sign with the established credentials (the unsigned base clients when none were had). */
  clients: AwsClients
}

export async function establishIdentity(
  settings: IdentitySettings,
  baseClients: AwsClients,
  deps: IdentityDeps
): Promise<IdentityStep> {
  let clients: AwsClients
  let source: string
  if (settings.roleToAssume) {
    const roleArn = settings.roleToAssume
    const assumed = await assumeRoleWithOidc(settings, roleArn, baseClients, deps)
    if ('evidence' in assumed) return { evidence: assumed.evidence, clients: baseClients }
    clients = baseClients.withCredentials(
      renewingProvider(assumed.credentials, async () => {
        const renewed = await assumeRoleWithOidc(settings, roleArn, baseClients, deps)
        if ('evidence' in renewed) {
          const why =
            'failure' in renewed.evidence ? renewed.evidence.failure.message : renewed.evidence.state
          throw new Error(`Renewing the role session failed: ${why}`)
        }
        return renewed.credentials
      })
    )
    source = `OIDC → ${roleArn}`
  } else {
    // One memoised provider for every client, so the chain (and any instance-metadata call) runs once.
    clients = baseClients.withCredentials(maskingProvider(defaultProvider(), deps.setSecret))
    source = 'the default credential chain'
  }

  const outcome = await clients.send(STSClient, settings.region, new GetCallerIdentityCommand({}))
  if (!outcome.ok) return { evidence: { state: 'caller-failed', failure: outcome.failure }, clients }
  return {
    evidence: {
      state: 'established',
      identity: {
        account: outcome.value.Account ?? '',
        arn: outcome.value.Arn ?? '',
        userId: outcome.value.UserId
      },
      source
    },
    clients
  }
}

async function assumeRoleWithOidc(
  settings: IdentitySettings,
  roleArn: string,
  baseClients: AwsClients,
  deps: IdentityDeps
): Promise<{ credentials: AwsCredentialIdentity } | { evidence: IdentityEvidence }> {
  if (!deps.env.ACTIONS_ID_TOKEN_REQUEST_URL || !deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    return { evidence: { state: 'no-oidc-request' } }
  }
  let token: string
  try {
    token = await withDeadline(
      deps.getIDToken(settings.audience),
      settings.requestTimeoutMs * 3,
      'the GitHub OIDC token request'
    )
  } catch (error) {
    return { evidence: { state: 'token-failed', failure: describeAwsError(error) } }
  }
  deps.setSecret(token)

  const outcome = await baseClients.send(
    STSClient,
    settings.region,
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: roleArn,
      RoleSessionName: settings.roleSessionName,
      WebIdentityToken: token,
      DurationSeconds: settings.roleDurationSeconds
    })
  )
  if (!outcome.ok) {
    const claims = decodeClaims(token)
    return {
      evidence: {
        state: 'assume-refused',
        failure: outcome.failure,
        roleArn,
        ...(claims ? { claims } : {})
      }
    }
  }
  const creds = outcome.value.Credentials
  if (!creds?.AccessKeyId || !creds.SecretAccessKey) return { evidence: { state: 'assume-empty' } }
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
      iss: pick('iss'),
      repository: pick('repository'),
      ref: pick('ref'),
      environment: pick('environment'),
      job_workflow_ref: pick('job_workflow_ref')
    }
  } catch {
    return undefined
  }
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
