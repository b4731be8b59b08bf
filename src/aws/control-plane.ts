/**
 * Bedrock control-plane reads and writes, each returning a typed outcome instead of throwing.
 * A read the identity may not make comes back "denied" (evidence missing), never as a closed gate.
 */
import {
  BedrockClient,
  CreateFoundationModelAgreementCommand,
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  GetUseCaseForModelAccessCommand,
  ListFoundationModelAgreementOffersCommand,
  ListInferenceProfilesCommand,
  PutUseCaseForModelAccessCommand
} from '@aws-sdk/client-bedrock'
import { baseModelIdFromArn, regionFromArn } from '../model-id.js'
import type { AvailabilityInfo, ModelInfo, ProfileInfo, Read } from '../gates.js'
import { attempt, isAccessDenied, isNotFound, type Outcome } from './failure.js'
import type { AwsClients } from './clients.js'

const bedrock = (clients: AwsClients, region: string) => clients.client(BedrockClient, region)

export function toRead<T>(outcome: Outcome<T>, permission: string): Read<T> {
  if (outcome.ok) return { state: 'ok', value: outcome.value }
  const failure = outcome.failure
  if (isAccessDenied(failure)) return { state: 'denied', failure, permission }
  if (isNotFound(failure) || (failure.kind === 'service' && failure.name === 'ValidationException')) {
    return { state: 'not-found', failure }
  }
  return { state: 'failed', failure }
}

export async function readProfile(
  clients: AwsClients,
  region: string,
  profileId: string
): Promise<Read<ProfileInfo>> {
  const outcome = await attempt(() =>
    bedrock(clients, region).send(
      new GetInferenceProfileCommand({ inferenceProfileIdentifier: profileId }),
      clients.sendOptions()
    )
  )
  const read = toRead(outcome, 'bedrock:GetInferenceProfile')
  if (read.state !== 'ok') return read
  const modelArns = (read.value.models ?? [])
    .map(model => model.modelArn)
    .filter((arn): arn is string => !!arn)
  const baseIds = modelArns.map(baseModelIdFromArn).filter((id): id is string => !!id)
  return {
    state: 'ok',
    value: {
      arn: read.value.inferenceProfileArn,
      baseModelId: baseIds[0],
      modelArns,
      destinationRegions: [...new Set(modelArns.map(regionFromArn).filter((r): r is string => !!r))]
    }
  }
}

export async function readAvailability(
  clients: AwsClients,
  region: string,
  baseModelId: string
): Promise<Read<AvailabilityInfo>> {
  const outcome = await attempt(() =>
    bedrock(clients, region).send(
      new GetFoundationModelAvailabilityCommand({ modelId: baseModelId }),
      clients.sendOptions()
    )
  )
  const read = toRead(outcome, 'bedrock:GetFoundationModelAvailability')
  if (read.state !== 'ok') return read
  const value = read.value
  return {
    state: 'ok',
    value: {
      regionAvailability: value.regionAvailability,
      entitlementAvailability: value.entitlementAvailability,
      agreementStatus: value.agreementAvailability?.status,
      agreementError: value.agreementAvailability?.errorMessage,
      authorizationStatus: value.authorizationStatus
    }
  }
}

export async function readFoundationModel(
  clients: AwsClients,
  region: string,
  baseModelId: string
): Promise<Read<ModelInfo>> {
  const outcome = await attempt(() =>
    bedrock(clients, region).send(
      new GetFoundationModelCommand({ modelIdentifier: baseModelId }),
      clients.sendOptions()
    )
  )
  const read = toRead(outcome, 'bedrock:GetFoundationModel')
  if (read.state !== 'ok') return read
  const details = read.value.modelDetails
  return {
    state: 'ok',
    value: {
      outputModalities: details?.outputModalities ?? [],
      inferenceTypes: details?.inferenceTypesSupported ?? [],
      lifecycle: details?.modelLifecycle
    }
  }
}

/** System-defined profiles in a region that route to the model (the fix for "on-demand not supported"). */
export async function listProfilesContaining(
  clients: AwsClients,
  region: string,
  baseModelId: string
): Promise<string[]> {
  const found: string[] = []
  let nextToken: string | undefined
  for (let page = 0; page < 10; page++) {
    const outcome = await attempt(() =>
      bedrock(clients, region).send(
        new ListInferenceProfilesCommand({ typeEquals: 'SYSTEM_DEFINED', maxResults: 1000, nextToken }),
        clients.sendOptions()
      )
    )
    if (!outcome.ok) break
    for (const profile of outcome.value.inferenceProfileSummaries ?? []) {
      const routes = (profile.models ?? []).some(
        model => model.modelArn && baseModelIdFromArn(model.modelArn) === baseModelId
      )
      if (routes && profile.inferenceProfileId) found.push(profile.inferenceProfileId)
    }
    nextToken = outcome.value.nextToken
    if (!nextToken) break
  }
  return found.sort()
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
  const outcome = await attempt(() =>
    bedrock(clients, region).send(
      new ListFoundationModelAgreementOffersCommand({ modelId: baseModelId, offerType: 'PUBLIC' }),
      clients.sendOptions()
    )
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
  return attempt(async () => {
    await bedrock(clients, region).send(
      new CreateFoundationModelAgreementCommand({ modelId: baseModelId, offerToken }),
      clients.sendOptions()
    )
  })
}

/** Whether the account has a use-case form on file: ResourceNotFound means none (as observed). */
export async function readUseCaseOnFile(clients: AwsClients, region: string): Promise<Read<boolean>> {
  const outcome = await attempt(() =>
    bedrock(clients, region).send(new GetUseCaseForModelAccessCommand({}), clients.sendOptions())
  )
  if (!outcome.ok && isNotFound(outcome.failure)) return { state: 'ok', value: false }
  const read = toRead(outcome, 'bedrock:GetUseCaseForModelAccess')
  return read.state === 'ok' ? { state: 'ok', value: (read.value.formData?.length ?? 0) > 0 } : read
}

export async function putUseCase(
  clients: AwsClients,
  region: string,
  formData: Uint8Array
): Promise<Outcome<void>> {
  return attempt(async () => {
    await bedrock(clients, region).send(
      new PutUseCaseForModelAccessCommand({ formData }),
      clients.sendOptions()
    )
  })
}
