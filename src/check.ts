/**
 * One model × region check: gather the evidence (profile → availability and model details → bootstrap),
 * decide the control-plane gates, make the call their verdicts allow, decide once more with its outcome,
 * then look up hints for the reader. Reads that do not depend on each other run together.
 */
import type { Read } from './aws/failure.js'
import type { AwsClients } from './aws/clients.js'
import {
  listProfilesContaining,
  readAvailability,
  readFoundationModel,
  readProfile,
  readProfileListing
} from './aws/control-plane.js'
import { minimalCall } from './aws/invoke.js'
import type { Bootstrapper } from './bootstrap.js'
import type { Clock } from './clock.js'
import type { CallKind } from './calls.js'
import type {
  Availability,
  BootstrapEvidence,
  CallOutcome,
  CallsOutcome,
  Evidence,
  ModelDetails,
  ProfileInfo
} from './evidence.js'
import { decide, decideControlPlane, overallResult, planCall, wantsProfileHint } from './gates/index.js'
import { withProfiles } from './hints.js'
import type { Pair } from './inputs.js'
import { baseModelGuessOf, isAnthropicModel, isMarketplaceModel } from './model-id.js'
import { GATES, type CallRecord, type CheckResult, type GateResult, type Gates } from './types.js'

export interface CheckContext {
  clients: AwsClients
  /** The run's credentials verdict (decided once). */
  credentials: GateResult
  account?: string
  invoke: boolean
  /** The calls the workload makes (the calls input). */
  calls: readonly CallKind[]
  /** A call may go ahead where the agreement state is unknown (see CallPolicy). */
  termsGuarded: boolean
  /** Present with create-agreement: true. */
  bootstrap?: { bootstrapper: Bootstrapper; waitSeconds: number }
  clock: Clock
  /** Whether this identity may list inference profiles in a region (memoised), when the workload needs it. */
  profileListing?: (region: string) => Promise<Read<true>>
  /** ListInferenceProfiles, memoised per region and model. */
  profileLookup: (region: string, baseModelId: string) => Promise<string[]>
}

export async function checkPair(pair: Pair, ctx: CheckContext): Promise<CheckResult> {
  const { ref, region } = pair
  const evidence = await gatherEvidence(pair, ctx)
  const verdicts = decideControlPlane(evidence, ctx.credentials)
  const plan = planCall(evidence, verdicts, {
    invoke: ctx.invoke,
    calls: ctx.calls,
    termsGuarded: ctx.termsGuarded
  })
  // The calls are independent of each other: they go out together.
  const calls: CallsOutcome =
    plan.via === 'none'
      ? { state: 'not-run', cause: plan.cause, reason: plan.reason }
      : {
          state: 'made',
          outcomes: [
            ...(await Promise.all(
              plan.requests.map(request => minimalCall(ctx.clients, region, ref.input, request))
            )),
            ...plan.notRun
          ]
        }
  const decision = decide(evidence, verdicts, calls, ctx.calls)

  // The profile list is an extra call, made only when the region verdict's fix would name profiles.
  const gates =
    evidence.baseModelId && wantsProfileHint(decision.gates)
      ? withProfiles(decision.gates, await ctx.profileLookup(region, evidence.baseModelId), ref.input)
      : decision.gates

  return {
    model: ref.input,
    region,
    result: overallResult(gates),
    gates,
    ...(evidence.baseModelId ? { baseModelId: evidence.baseModelId } : {}),
    invocation: invocationOf(calls),
    calls: calls.state === 'made' ? calls.outcomes.map(callRecord) : [],
    ...(pair.source ? { source: pair.source } : {}),
    ...(decision.iamStatement ? { iamStatement: decision.iamStatement } : {})
  }
}

async function gatherEvidence(pair: Pair, ctx: CheckContext): Promise<Evidence> {
  const { ref, region } = pair
  const { clients } = ctx
  const profileListing = ctx.profileListing?.(region)
  const readModel = (baseModelId: string) =>
    Promise.all([
      readAvailability(clients, region, baseModelId),
      readFoundationModel(clients, region, baseModelId)
    ])

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
  const notRead = { state: 'not-read', reason: 'the base model of this profile is unknown' } as const
  const [firstAvailability, details]: [Read<Availability>, Read<ModelDetails>] = !baseModelId
    ? [notRead, notRead]
    : baseModelId === guess && guessedReads
      ? await guessedReads
      : await readModel(baseModelId)

  const marketplace = baseModelId ? isMarketplaceModel(baseModelId) : false
  const anthropic = baseModelId ? isAnthropicModel(baseModelId) : false
  const bootstrapped =
    ctx.bootstrap && baseModelId && marketplace && firstAvailability.state === 'ok'
      ? await bootstrapAccess(ctx, ctx.bootstrap, region, baseModelId, anthropic, firstAvailability)
      : { availability: firstAvailability, bootstrap: {} }

  return {
    model: ref.input,
    region,
    isProfile: ref.kind === 'inference-profile',
    ...(ref.kind === 'inference-profile' ? { profileId: ref.profileId } : {}),
    ...(baseModelId ? { baseModelId } : {}),
    marketplace,
    anthropic,
    account: ctx.account ?? (ref.kind === 'inference-profile' ? ref.pinnedAccount : undefined),
    now: new Date(ctx.clock.now()),
    profile,
    availability: bootstrapped.availability,
    details,
    bootstrap: bootstrapped.bootstrap,
    ...(profileListing ? { profileListing: await profileListing } : {})
  }
}

/**
 * create-agreement for one third-party model whose agreement is not live: the agreement (once per model),
 * then the wait. The use-case form was handled for the whole run before the checks started.
 */
async function bootstrapAccess(
  ctx: CheckContext,
  { bootstrapper, waitSeconds }: NonNullable<CheckContext['bootstrap']>,
  region: string,
  baseModelId: string,
  anthropic: boolean,
  availability: Read<Availability> & { state: 'ok' }
): Promise<{ availability: Read<Availability>; bootstrap: BootstrapEvidence }> {
  const agreement = availability.value.agreement
  if (agreement !== 'missing' && agreement !== 'pending') return { availability, bootstrap: {} }
  if (anthropic && bootstrapper.formState(region)?.state === 'missing') {
    return { availability, bootstrap: { formMissing: true } }
  }
  const bootstrap: BootstrapEvidence = {}
  if (agreement === 'missing') {
    const created = await bootstrapper.ensureAgreement(region, baseModelId)
    bootstrap.agreementCreated = created.created
    if (created.failure)
      return { availability, bootstrap: { ...bootstrap, agreementFailure: created.failure } }
    if (created.noOffer) return { availability, bootstrap: { ...bootstrap, noOffer: true } }
  }
  if (waitSeconds === 0)
    return { availability: await readAvailability(ctx.clients, region, baseModelId), bootstrap }
  const waited = await bootstrapper.waitUntilLive(region, baseModelId, waitSeconds)
  bootstrap.waitedSeconds = waited.waitedSeconds
  if (waited.timedOut !== undefined) bootstrap.waitTimedOut = waited.timedOut
  return { availability: waited.availability, bootstrap }
}

/** When no AWS call can succeed: the credentials verdict, every other gate skipped. */
export function credentialsClosedCheck(pair: Pair, credentials: GateResult): CheckResult {
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
    result: overallResult(gates),
    gates,
    invocation: 'none',
    calls: [],
    ...(pair.source ? { source: pair.source } : {})
  }
}

/** One ListInferenceProfiles permission read per region, shared by the region's checks. */
export function memoizedProfileListing(clients: AwsClients) {
  const cache = new Map<string, Promise<Read<true>>>()
  return (region: string): Promise<Read<true>> => {
    let read = cache.get(region)
    if (!read) {
      read = readProfileListing(clients, region)
      cache.set(region, read)
    }
    return read
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

/** The report's legacy `invocation` field: which API family was called first (the Converse or the Invoke API). */
function invocationOf(calls: CallsOutcome): CheckResult['invocation'] {
  const made =
    calls.state === 'made' ? calls.outcomes.find(outcome => outcome.state !== 'not-run') : undefined
  if (!made) return 'none'
  return made.call.startsWith('converse') ? 'converse' : 'invoke-model'
}

function callRecord(outcome: CallOutcome): CallRecord {
  switch (outcome.state) {
    case 'ok':
      return { call: outcome.call, result: 'ok' }
    case 'not-run':
      return { call: outcome.call, result: 'not-run', detail: outcome.reason }
    case 'failed':
      return {
        call: outcome.call,
        result: outcome.failure.kind === 'service' ? 'refused' : 'fault',
        detail: `${outcome.failure.name}: ${outcome.failure.message}`
      }
  }
}
