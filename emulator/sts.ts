/** STS (awsQuery, XML): AssumeRoleWithWebIdentity checks the trust policy; GetCallerIdentity names the caller. */
import { randomBytes } from 'node:crypto'
import type { EmulatorState } from './state.js'
import { callerArn, queryError, xml, type Context, type Reply } from './wire.js'

export function assumeRoleWithWebIdentity(state: EmulatorState, ctx: Context): Reply {
  const params = new URLSearchParams(ctx.body)
  const token = params.get('WebIdentityToken') ?? ''
  let claims: { sub?: string; aud?: string }
  try {
    claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'))
  } catch {
    // The code is STS's; no public source quotes its wording for a token that is not a JWT: this one is ours.
    return queryError(400, 'InvalidIdentityToken', 'The web identity token is not a valid JWT.')
  }
  if (state.oidc.providerMissing) {
    return queryError(
      400,
      'InvalidIdentityToken',
      'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com'
    )
  }
  // STS's checks of the provider come before the role's trust policy, in the words users quote.
  if (state.oidc.thumbprintStale) {
    return queryError(
      400,
      'InvalidIdentityToken',
      "OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint"
    )
  }
  if (state.oidc.providerClientIds && !state.oidc.providerClientIds.includes(claims.aud ?? '')) {
    return queryError(400, 'InvalidIdentityToken', 'Incorrect token audience')
  }
  const duration = Number(params.get('DurationSeconds') ?? 3600)
  if (state.oidc.maxSessionDuration !== undefined && duration > state.oidc.maxSessionDuration) {
    return queryError(
      400,
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
    )
  }
  // The member role, or the management account's role (management-role-to-assume), each with its trust policy.
  const management = state.management
  const isManagement = management !== undefined && params.get('RoleArn') === management.roleArn
  const roleArn = isManagement ? management.roleArn : state.oidc.roleArn
  const trustedSub = isManagement ? (management.trustedSub ?? state.oidc.trustedSub) : state.oidc.trustedSub
  if (
    params.get('RoleArn') !== roleArn ||
    ![trustedSub].flat().includes(claims.sub ?? '') ||
    claims.aud !== state.oidc.trustedAudience
  ) {
    // STS's words, as users quote them (aws-actions/configure-aws-credentials issues; the oidc-trust row).
    return queryError(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity')
  }
  const account = isManagement ? management.account : state.account
  const accessKeyId = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`
  const secret = randomBytes(20).toString('base64')
  const sessionToken = `FwoEMULATOR${randomBytes(48).toString('base64')}`
  const roleName = roleArn.split('/').pop()
  const arn = `arn:aws:sts::${account}:assumed-role/${roleName}/${params.get('RoleSessionName')}`
  const sessionPolicy = params.get('Policy') ?? undefined
  state.accessKeys[accessKeyId] = {
    secret,
    sessionToken,
    arn,
    ...(sessionPolicy ? { sessionPolicy } : {}),
    ...(isManagement ? { account } : {})
  }
  const expiration = new Date(Date.now() + Number(params.get('DurationSeconds') ?? 3600) * 1000).toISOString()
  return xml(
    'AssumeRoleWithWebIdentity',
    `<Credentials><AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>${secret}</SecretAccessKey>` +
      `<SessionToken>${sessionToken}</SessionToken><Expiration>${expiration}</Expiration></Credentials>` +
      `<SubjectFromWebIdentityToken>${claims.sub}</SubjectFromWebIdentityToken>` +
      `<AssumedRoleUser><Arn>${arn}</Arn><AssumedRoleId>AROAEMULATOR:${params.get('RoleSessionName')}</AssumedRoleId></AssumedRoleUser>` +
      `<Provider>arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com</Provider><Audience>${claims.aud}</Audience>`
  )
}

export function getCallerIdentity(state: EmulatorState, ctx: Context): Reply {
  if (ctx.auth && state.stsDisabledRegions?.includes(ctx.auth.region)) {
    return queryError(
      403,
      'RegionDisabledException',
      `STS is not activated in this region for account:${state.account}. Your account administrator can activate STS in this region using the IAM Console.`
    )
  }
  return xml(
    'GetCallerIdentity',
    `<Arn>${callerArn(state, ctx)}</Arn><UserId>AIDAEMULATOR</UserId><Account>${state.accessKeys[ctx.auth?.accessKeyId ?? '']?.account ?? state.account}</Account>`
  )
}
