/**
 * One model × region check: gather the evidence (profile → availability and model details → bootstrap →
 * minimal call), then hand it to decideGates. The dependency chain is as short as the facts allow: reads
 * that do not depend on each other run together.
 */
import {
  listProfilesContaining,
  readAvailability,
  readFoundationModel,
  readProfile
} from './aws/control-plane.js'
import { minimalCall } from './aws/invoke.js'
import type { AwsClients } from './aws/clients.js'
import type { Bootstrapper } from './bootstrap.js'
import type { Clock } from './clock.js'
import {
  checkResult,
  decideGates,
  type AvailabilityInfo,
  type BootstrapEvidence,
  type Evidence,
  type ProfileInfo,
  type Read
} from './gates.js'
import { DEFAULT_BOOTSTRAP_WAIT_SECONDS, type Pair, type ProbeInputs } from './inputs.js'
import { chooseInvocation } from './invocation.js'
import { baseModelGuessOf, isAnthropicModel, isMarketplaceModel } from './model-id.js'
import type { CheckResult, GateResult, Gates } from './types.js'
import { GATES } from './types.js'

export interface CheckContext {
  clients: AwsClients
  inputs: ProbeInputs
  credentials: GateResult
  credentialsUsable: boolean
  account?: string
  bootstrapper?: Bootstrapper
  clock: Clock
  /** Memoised ListInferenceProfiles per region and model. */
  profileLookup: (region: string, baseModelId: string) => Promise<string[]>
}

/** Region-gate causes whose fix names the profiles that would reach the model. */
const PROFILE_HINT_CAUSES = new Set([
  'on-demand-unsupported',
  'region-not-offered',
  'profile-not-found',
  'invalid-model-id'
])

export async function checkPair(pair: Pair, ctx: CheckContext): Promise<CheckResult> {
  const { ref, region } = pair
  const source = ctx.inputs.sources.get(ref.input)
  if (!ctx.credentialsUsable) return skippedCheck(pair, ctx.credentials, source)

  const { clients } = ctx
  const readModel = (baseModelId: string) =>
    Promise.all([
      readAvailability(clients, region, baseModelId),
      readFoundationModel(clients, region, baseModelId)
    ])
  const notRead = { state: 'not-read' as const, reason: 'the base model of this profile is unknown' }

  let profile: Read<ProfileInfo> = { state: 'not-read', reason: 'not a profile' }
  const guess = baseModelGuessOf(ref)
  let baseModelId = guess
  // A system-defined profile ID names its base model, so the model reads start with the profile read
  // instead of after it (one round trip fewer); they are redone only if the profile says otherwise.
  const guessedReads = guess ? readModel(guess) : undefined
  if (ref.kind === 'inference-profile') {
    profile = await readProfile(clients, region, ref.profileId)
    if (profile.state === 'ok' && profile.value.baseModelId) baseModelId = profile.value.baseModelId
  }
  const [modelAvailability, foundationModel] = !baseModelId
    ? [notRead, notRead]
    : baseModelId === guess && guessedReads
      ? await guessedReads
      : await readModel(baseModelId)
  let availability = modelAvailability

  const marketplace = baseModelId ? isMarketplaceModel(baseModelId) : false
  const anthropic = baseModelId ? isAnthropicModel(baseModelId) : false
  const bootstrapped =
    ctx.inputs.createAgreement &&
    ctx.bootstrapper &&
    baseModelId &&
    marketplace &&
    availability.state === 'ok'
      ? await bootstrapAccess(ctx, ctx.bootstrapper, region, baseModelId, anthropic, availability)
      : { availability, bootstrap: {} }
  availability = bootstrapped.availability
  const bootstrap = bootstrapped.bootstrap

  const evidence: Evidence = {
    model: ref.input,
    region,
    isProfile: ref.kind === 'inference-profile',
    profileId: ref.kind === 'inference-profile' ? ref.profileId : undefined,
    baseModelId,
    marketplace,
    anthropic,
    account: ctx.account ?? (ref.kind === 'inference-profile' ? ref.pinnedAccount : undefined),
    now: new Date(ctx.clock.now()),
    credentials: ctx.credentials,
    profile,
    availability,
    foundationModel,
    bootstrap,
    call: { state: 'not-run', cause: 'pending', reason: 'not yet called' }
  }

  const plan =
    bootstrap.waitTimedOut !== undefined || bootstrap.formMissing || bootstrap.agreementFailure
      ? { via: 'none' as const, cause: 'bootstrap-incomplete', reason: 'access is not live yet' }
      : chooseInvocation(evidence, ctx.inputs.invoke)
  evidence.call =
    plan.via === 'none'
      ? { state: 'not-run', cause: plan.cause, reason: plan.reason }
      : await minimalCall(clients, region, ref.input, plan)

  // The profile list is an extra call, made only when the region gate's fix would name profiles: decide,
  // look them up if so, decide again (deciding is pure and cheap).
  let decision = decideGates(evidence)
  const regionCause = decision.gates.region.cause
  if (
    baseModelId &&
    decision.gates.region.status === 'fail' &&
    regionCause &&
    PROFILE_HINT_CAUSES.has(regionCause)
  ) {
    evidence.profilesContainingModel = (await ctx.profileLookup(region, baseModelId)).filter(
      id => id !== ref.input
    )
    decision = decideGates(evidence)
  }

  return {
    model: ref.input,
    region,
    result: checkResult(decision.gates),
    gates: decision.gates,
    ...(baseModelId ? { baseModelId } : {}),
    invocation: evidence.call.state === 'not-run' ? 'none' : evidence.call.via,
    ...(source ? { source } : {}),
    ...(decision.iamStatement ? { iamStatement: decision.iamStatement } : {})
  }
}

/**
 * create-agreement for one third-party model whose agreement is not live: the agreement (once per model),
 * then the wait. The use-case form was handled for the whole run before the checks started.
 */
async function bootstrapAccess(
  ctx: CheckContext,
  bootstrapper: Bootstrapper,
  region: string,
  baseModelId: string,
  anthropic: boolean,
  availability: Read<AvailabilityInfo> & { state: 'ok' }
): Promise<{ availability: Read<AvailabilityInfo>; bootstrap: BootstrapEvidence }> {
  const status = availability.value.agreementStatus
  if (status !== 'NOT_AVAILABLE' && status !== 'PENDING') return { availability, bootstrap: {} }
  if (anthropic && bootstrapper.formState(region)?.state === 'missing') {
    return { availability, bootstrap: { formMissing: true } }
  }
  const bootstrap: BootstrapEvidence = {}
  if (status === 'NOT_AVAILABLE') {
    const agreement = await bootstrapper.ensureAgreement(region, baseModelId)
    bootstrap.agreementCreated = agreement.created
    if (agreement.failure)
      return { availability, bootstrap: { ...bootstrap, agreementFailure: agreement.failure } }
    if (agreement.noOffer) return { availability, bootstrap: { ...bootstrap, noOffer: true } }
  }
  const waitSeconds = ctx.inputs.waitTimeoutSeconds ?? DEFAULT_BOOTSTRAP_WAIT_SECONDS
  if (waitSeconds === 0)
    return { availability: await readAvailability(ctx.clients, region, baseModelId), bootstrap }
  const waited = await bootstrapper.waitUntilLive(region, baseModelId, waitSeconds)
  bootstrap.waitedSeconds = waited.waitedSeconds
  if (waited.timedOut !== undefined) bootstrap.waitTimedOut = waited.timedOut
  return { availability: waited.availability, bootstrap }
}

/** When no AWS call can succeed: the credentials verdict, every other gate skipped. */
function skippedCheck(
  pair: Pair,
  credentials: GateResult,
  source?: { file: string; line: number }
): CheckResult {
  const gates = {} as Gates
  for (const gate of GATES) {
    gates[gate] =
      gate === 'credentials'
        ? credentials
        : { status: 'skip', cause: 'credentials', detail: 'Not checked: no usable credentials' }
  }
  return {
    model: pair.ref.input,
    region: pair.region,
    result: checkResult(gates),
    gates,
    invocation: 'none',
    ...(source ? { source } : {})
  }
}

export function memoizedProfileLookup(clients: AwsClients) {
  const cache = new Map<string, Promise<string[]>>()
  return (region: string, baseModelId: string): Promise<string[]> => {
    const key = `${region}\u0000${baseModelId}`
    let lookup = cache.get(key)
    if (!lookup) {
      lookup = listProfilesContaining(clients, region, baseModelId)
      cache.set(key, lookup)
    }
    return lookup
  }
}
