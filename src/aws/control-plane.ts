/**
 * Bedrock control-plane reads and writes, each returning a typed outcome instead of throwing.
 * A read the identity may not make comes back "denied" (evidence missing), never as a closed gate.
 */
import {
  BedrockClient,
  CreateFoundationModelAgreementCommand,
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  type GetFoundationModelAvailabilityCommandOutput,
  type GetFoundationModelCommandOutput,
  GetInferenceProfileCommand,
  GetUseCaseForModelAccessCommand,
  ListFoundationModelAgreementOffersCommand,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  PutUseCaseForModelAccessCommand,
  type FoundationModelLifecycle
} from '@aws-sdk/client-bedrock'
import { baseModelIdFromArn, regionFromArn } from '../bedrock/model-id.js'
import type {
  AgreementState,
  Availability,
  Lifecycle,
  ModelDetails,
  ModelSummary,
  OnDemandSupport,
  ProfileInfo
} from '../evidence.js'
import type { Command } from '@smithy/types'
import type { Modality, Outcome, Read } from '../evidence.js'
import { isNotFound, toRead } from './failure.js'
import type { AwsClients } from './clients.js'

/** One control-plane read: send, classify a failure as evidence (denied, not found, failed), translate. */
async function readAs<Input extends object, Output extends object, T>(
  clients: AwsClients,
  region: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the client's own input/output unions
  command: Command<any, Input, any, Output & { $metadata: object }, any>,
  permission: string,
  translate: (output: Output) => T
): Promise<Read<T>> {
  const read = toRead(await clients.send(BedrockClient, region, command), permission)
  return read.state === 'ok' ? { state: 'ok', value: translate(read.value) } : read
}

export async function readProfile(
  clients: AwsClients,
  region: string,
  profileId: string
): Promise<Read<ProfileInfo>> {
  return readAs(
    clients,
    region,
    new GetInferenceProfileCommand({ inferenceProfileIdentifier: profileId }),
    'bedrock:GetInferenceProfile',
    profile => {
      const modelArns = (profile.models ?? [])
        .map(model => model.modelArn)
        .filter((arn): arn is string => !!arn)
      const baseIds = modelArns.map(baseModelIdFromArn).filter((id): id is string => !!id)
      return {
        arn: profile.inferenceProfileArn,
        baseModelId: baseIds[0],
        modelArns,
        destinationRegions: [...new Set(modelArns.map(regionFromArn).filter((r): r is string => !!r))],
        // A global profile lists the regionless route (arn:aws:bedrock:::foundation-model/…) beside its source
        // region's ARN: it may be served in any commercial region, which no list of regions names.
        ...(modelArns.some(arn => arn.includes(':foundation-model/') && regionFromArn(arn) === undefined)
          ? { global: true }
          : {})
      }
    }
  )
}

// The availability states are documented only by name in the API reference (GetFoundationModelAvailability:
// AVAILABLE | NOT_AVAILABLE, agreement AVAILABLE | PENDING | NOT_AVAILABLE | ERROR, AUTHORIZED | NOT_AUTHORIZED).
const AGREEMENT_STATES: Record<string, AgreementState> = {
  AVAILABLE: 'live',
  PENDING: 'pending',
  NOT_AVAILABLE: 'missing',
  ERROR: 'error'
}

function yesNo(value: string | undefined, yes: string, no: string): boolean | undefined {
  return value === yes ? true : value === no ? false : undefined
}

export async function readAvailability(
  clients: AwsClients,
  region: string,
  baseModelId: string
): Promise<Read<Availability>> {
  return readAs(
    clients,
    region,
    new GetFoundationModelAvailabilityCommand({ modelId: baseModelId }),
    'bedrock:GetFoundationModelAvailability',
    translateAvailability
  )
}

function translateAvailability(value: GetFoundationModelAvailabilityCommandOutput): Availability {
  const reported = value.agreementAvailability?.status
  const agreement = (reported && AGREEMENT_STATES[reported]) || 'unknown'
  const availability: Availability = {
    offered: yesNo(value.regionAvailability, 'AVAILABLE', 'NOT_AVAILABLE'),
    entitled: yesNo(value.entitlementAvailability, 'AVAILABLE', 'NOT_AVAILABLE'),
    agreement,
    authorized: yesNo(value.authorizationStatus, 'AUTHORIZED', 'NOT_AUTHORIZED')
  }
  if (agreement === 'error' && value.agreementAvailability?.errorMessage)
    availability.agreementError = value.agreementAvailability.errorMessage
  if (agreement === 'unknown' && reported) availability.agreementReported = reported
  return availability
}

/** The model's kind from its output modalities (a text model may also list others; text wins). */
function modalityOf(outputs: string[]): Modality | undefined {
  if (outputs.includes('TEXT')) return 'text'
  if (outputs.includes('EMBEDDING')) return 'embedding'
  if (outputs.includes('VIDEO')) return 'video'
  if (outputs.includes('IMAGE')) return 'image'
  return undefined
}

function onDemandOf(types: string[]): OnDemandSupport {
  if (types.length === 0) return 'unknown'
  return types.includes('ON_DEMAND') ? 'supported' : 'not-supported'
}

export async function readFoundationModel(
  clients: AwsClients,
  region: string,
  baseModelId: string
): Promise<Read<ModelDetails>> {
  return readAs(
    clients,
    region,
    new GetFoundationModelCommand({ modelIdentifier: baseModelId }),
    'bedrock:GetFoundationModel',
    translateDetails
  )
}

function translateDetails({ modelDetails: model }: GetFoundationModelCommandOutput): ModelDetails {
  const inferenceTypes = model?.inferenceTypesSupported ?? []
  const lifecycle = lifecycleOf(model?.modelLifecycle)
  return {
    modality: modalityOf(model?.outputModalities ?? []),
    onDemand: onDemandOf(inferenceTypes),
    inferenceTypes,
    ...(model?.providerName && model.modelName
      ? { displayName: `${model.providerName} ${model.modelName}` }
      : {}),
    ...(model?.providerName ? { provider: model.providerName } : {}),
    ...(model?.modelName ? { name: model.modelName } : {}),
    ...(lifecycle ? { lifecycle } : {})
  }
}

/**
 * modelLifecycle in the probe's words. The dates are optional (older records carry only the status) and a date the
 * SDK could not read is left out rather than trusted.
 */
function lifecycleOf(lifecycle: FoundationModelLifecycle | undefined): Lifecycle | undefined {
  if (lifecycle?.status !== 'ACTIVE' && lifecycle?.status !== 'LEGACY') return undefined
  const out: Lifecycle = { status: lifecycle.status === 'ACTIVE' ? 'active' : 'legacy' }
  for (const key of ['startOfLifeTime', 'legacyTime', 'publicExtendedAccessTime', 'endOfLifeTime'] as const) {
    const date = lifecycle[key]
    if (date instanceof Date && !Number.isNaN(date.getTime())) out[key] = date
  }
  return out
}

/**
 * The foundation models of one provider in a region (ListFoundationModels, byProvider): the candidates for the
 * model that follows a Legacy or ending one. One request; the API has no pages.
 */
export async function listProviderModels(
  clients: AwsClients,
  region: string,
  provider: string
): Promise<Read<ModelSummary[]>> {
  return readAs(
    clients,
    region,
    new ListFoundationModelsCommand({ byProvider: provider }),
    'bedrock:ListFoundationModels',
    output =>
      (output.modelSummaries ?? []).flatMap(summary => {
        if (!summary.modelId) return []
        const lifecycle = lifecycleOf(summary.modelLifecycle)
        const modality = modalityOf(summary.outputModalities ?? [])
        return [
          {
            id: summary.modelId,
            ...(summary.providerName ? { provider: summary.providerName } : {}),
            ...(summary.modelName ? { name: summary.modelName } : {}),
            ...(lifecycle ? { lifecycle } : {}),
            onDemand: onDemandOf(summary.inferenceTypesSupported ?? []),
            ...(modality ? { modality } : {})
          }
        ]
      })
  )
}

/**
 * Every system-defined inference profile of a region, as base model → profile IDs that route to it (the fix for
 * "on-demand not supported"): every page, by nextToken, to the end (real accounts page: AWS may answer fewer than
 * maxResults). A token seen twice ends the listing (a service that loops must not hang the probe), as does a
 * page that fails; what was read is kept: the profile names are a hint, never a verdict.
 */
export async function listSystemProfiles(
  clients: AwsClients,
  region: string
): Promise<Map<string, string[]>> {
  const byModel = new Map<string, string[]>()
  let nextToken: string | undefined
  const seen = new Set<string>()
  for (;;) {
    const outcome = await clients.send(
      BedrockClient,
      region,
      new ListInferenceProfilesCommand({ typeEquals: 'SYSTEM_DEFINED', maxResults: 1000, nextToken })
    )
    if (!outcome.ok) break
    for (const profile of outcome.value.inferenceProfileSummaries ?? []) {
      if (!profile.inferenceProfileId) continue
      const bases = new Set(
        (profile.models ?? []).flatMap(model => (model.modelArn ? [baseModelIdFromArn(model.modelArn)] : []))
      )
      for (const base of bases) {
        if (!base) continue
        byModel.set(base, [...(byModel.get(base) ?? []), profile.inferenceProfileId].sort())
      }
    }
    nextToken = outcome.value.nextToken
    if (!nextToken || seen.has(nextToken)) break
    seen.add(nextToken)
  }
  return byModel
}

/**
 * Whether this identity may list inference profiles here (one page of one entry): Claude Code lists them at
 * start-up, so its preset proves bedrock:ListInferenceProfiles.
 */
export async function readProfileListing(clients: AwsClients, region: string): Promise<Read<true>> {
  const outcome = await clients.send(
    BedrockClient,
    region,
    new ListInferenceProfilesCommand({ maxResults: 1 })
  )
  return toRead(outcome.ok ? { ok: true, value: true as const } : outcome, 'bedrock:ListInferenceProfiles')
}

export interface Offer {
  offerId?: string
  offerToken: string
}

export async function listPublicOffers(
  clients: AwsClients,
  region: string,
  baseModelId: string
): Promise<Outcome<Offer[]>> {
  const outcome = await clients.send(
    BedrockClient,
    region,
    new ListFoundationModelAgreementOffersCommand({ modelId: baseModelId, offerType: 'PUBLIC' })
  )
  if (!outcome.ok) return outcome
  const offers = (outcome.value.offers ?? [])
    .filter((offer): offer is { offerId?: string; offerToken: string } & typeof offer => !!offer.offerToken)
    .map(offer => ({ offerId: offer.offerId, offerToken: offer.offerToken }))
  return { ok: true, value: offers }
}

export async function createAgreement(
  clients: AwsClients,
  region: string,
  baseModelId: string,
  offerToken: string
): Promise<Outcome<void>> {
  return done(
    await clients.send(
      BedrockClient,
      region,
      new CreateFoundationModelAgreementCommand({ modelId: baseModelId, offerToken })
    )
  )
}

/** Whether the account has a use-case form on file: ResourceNotFound means none (as observed). */
export async function readUseCaseOnFile(clients: AwsClients, region: string): Promise<Read<boolean>> {
  const outcome = await clients.send(BedrockClient, region, new GetUseCaseForModelAccessCommand({}))
  if (!outcome.ok && isNotFound(outcome.failure)) return { state: 'ok', value: false }
  const read = toRead(outcome, 'bedrock:GetUseCaseForModelAccess')
  return read.state === 'ok' ? { state: 'ok', value: (read.value.formData?.length ?? 0) > 0 } : read
}

export async function putUseCase(
  clients: AwsClients,
  region: string,
  formData: Uint8Array
): Promise<Outcome<void>> {
  return done(await clients.send(BedrockClient, region, new PutUseCaseForModelAccessCommand({ formData })))
}

/** A write whose answer carries nothing the probe uses. */
function done(outcome: Outcome<object>): Outcome<void> {
  return outcome.ok ? { ok: true, value: undefined } : outcome
}
