/**
 * The Bedrock control plane (restJson1): availability, model details, inference profiles, agreement offers and
 * agreements, the Anthropic use-case form. Each read honours the emulated IAM denials.
 */
import {
  memberHasUseCaseForm,
  type EmulatedModel,
  type EmulatedProfile,
  type EmulatorState
} from './state.js'
import {
  callerArn,
  denied,
  jsonError,
  ok,
  sessionDenial,
  sessionDenies,
  type Context,
  type Reply,
  type Route
} from './wire.js'

export function findModel(state: EmulatorState, id: string): EmulatedModel | undefined {
  const base = id.includes(':foundation-model/') ? id.split(':foundation-model/')[1] : id
  return state.models.find(model => model.id === base)
}

const NON_MARKETPLACE = ['amazon', 'deepseek', 'mistral', 'meta', 'qwen', 'openai']
export const isMarketplace = (id: string) => !NON_MARKETPLACE.includes(id.split('.')[0]!)

/** Reading availability advances a PENDING agreement, the way time does in AWS. */
export function agreementOf(
  state: EmulatorState,
  modelId: string
): { status: string; errorMessage?: string } {
  if (!isMarketplace(modelId)) return { status: 'AVAILABLE' }
  const agreement = state.agreements[modelId]
  if (!agreement) return { status: 'NOT_AVAILABLE' }
  return {
    status: agreement.status,
    ...(agreement.errorMessage ? { errorMessage: agreement.errorMessage } : {})
  }
}

export function getAvailability(id: string): Route['answer'] {
  return (state, ctx) => {
    const refusal = denied(state, ctx, 'bedrock:GetFoundationModelAvailability')
    if (refusal) return refusal
    const model = findModel(state, id)
    // The exception is the API reference's; no public source quotes AWS's wording for it: this one is ours.
    if (!model) return jsonError(404, 'ResourceNotFoundException', `The model ${id} does not exist.`)
    const agreement = state.agreements[model.id]
    if (agreement?.status === 'PENDING') {
      if ((agreement.pendingPolls ?? 0) <= 0) agreement.status = 'AVAILABLE'
      else agreement.pendingPolls = (agreement.pendingPolls ?? 0) - 1
    }
    const current = agreementOf(state, model.id)
    const anthropicWithoutForm = model.id.startsWith('anthropic.') && !memberHasUseCaseForm(state)
    return ok({
      modelId: model.id,
      agreementAvailability: current,
      authorizationStatus: anthropicWithoutForm ? 'NOT_AUTHORIZED' : 'AUTHORIZED',
      entitlementAvailability:
        current.status === 'AVAILABLE' && !model.noAccess ? 'AVAILABLE' : 'NOT_AVAILABLE',
      regionAvailability: model.regions.includes(ctx.auth!.region) ? 'AVAILABLE' : 'NOT_AVAILABLE'
    })
  }
}

/** A model as GetFoundationModel and ListFoundationModels describe it in a region. */
function describeModel(model: EmulatedModel, region: string) {
  // Bedrock sends these timestamps as RFC 3339 date-time strings.
  const timestamp = (date?: Date) => date?.toISOString()
  return {
    modelArn: `arn:aws:bedrock:${region}::foundation-model/${model.id}`,
    modelId: model.id,
    modelName: model.name ?? model.id,
    providerName: model.provider ?? model.id.split('.')[0],
    inputModalities: ['TEXT'],
    outputModalities: model.outputModalities ?? ['TEXT'],
    inferenceTypesSupported: model.inferenceTypes ?? ['ON_DEMAND'],
    modelLifecycle: model.lifecycle
      ? {
          status: model.lifecycle.status,
          startOfLifeTime: timestamp(model.lifecycle.startOfLifeTime),
          legacyTime: timestamp(model.lifecycle.legacyTime),
          endOfLifeTime: timestamp(model.lifecycle.endOfLifeTime),
          publicExtendedAccessTime: timestamp(model.lifecycle.publicExtendedAccessTime)
        }
      : { status: 'ACTIVE' }
  }
}

export function getFoundationModel(id: string): Route['answer'] {
  return (state, ctx) => {
    const refusal = denied(state, ctx, 'bedrock:GetFoundationModel')
    if (refusal) return refusal
    const model = findModel(state, id)
    const region = ctx.auth!.region
    // AWS answers an ID the region does not hold with a ValidationException, as users quote it ("An error
    // occurred (ValidationException) when calling the GetFoundationModel operation: Could not find model with
    // identifier anthropic.claude-3-5-sonnet-20241022-v2:0").
    if (!model || !model.regions.includes(region))
      return jsonError(400, 'ValidationException', `Could not find model with identifier ${id}`)
    return ok({ modelDetails: describeModel(model, region) })
  }
}

/** ListFoundationModels: the region's models, of one provider with ?byProvider= (matched as Bedrock does, ignoring case). */
export const listFoundationModels: Route['answer'] = (state, ctx) => {
  const refusal = denied(state, ctx, 'bedrock:ListFoundationModels')
  if (refusal) return refusal
  const region = ctx.auth!.region
  const provider = ctx.url.searchParams.get('byProvider')?.toLowerCase()
  const models = state.models.filter(
    model =>
      model.regions.includes(region) &&
      (!provider || (model.provider ?? model.id.split('.')[0]!).toLowerCase() === provider)
  )
  return ok({ modelSummaries: models.map(model => describeModel(model, region)) })
}

export function profileArn(state: EmulatorState, region: string, profile: EmulatedProfile): string {
  const type = profile.application ? 'application-inference-profile' : 'inference-profile'
  return `arn:aws:bedrock:${region}:${state.account}:${type}/${profile.id}`
}

/**
 * The models a profile lists: a geographic profile the model's ARN in each destination region; a global one the
 * regionless route ("arn:aws:bedrock:::foundation-model/…") and the source region's ARN, as AWS lists them (a
 * ListInferenceProfiles answer users pasted: "Global Anthropic Claude Opus 4.6", index file 53580637661).
 */
function profileModels(region: string, profile: EmulatedProfile): { modelArn: string }[] {
  const arn = (where: string) => ({ modelArn: `arn:aws:bedrock:${where}::foundation-model/${profile.base}` })
  if (profile.id.startsWith('global.')) return [arn(''), arn(region)]
  return profile.destinations.map(arn)
}

function profileSummary(state: EmulatorState, region: string, profile: EmulatedProfile) {
  return {
    inferenceProfileName: profile.id,
    inferenceProfileArn: profileArn(state, region, profile),
    inferenceProfileId: profile.id,
    models: profileModels(region, profile),
    status: 'ACTIVE',
    type: profile.application ? 'APPLICATION' : 'SYSTEM_DEFINED'
  }
}

export function findProfile(state: EmulatorState, region: string, id: string): EmulatedProfile | undefined {
  // System profiles are named by ID or ARN; application profiles by ARN only (their ID is random).
  const arn = /^arn:[\w-]+:bedrock:[\w-]+:\d{12}:(application-)?inference-profile\/(.+)$/.exec(id)
  const application = arn ? arn[1] !== undefined : false
  const profileId = arn ? arn[2] : id
  return state.profiles.find(
    profile =>
      profile.id === profileId && !!profile.application === application && profile.regions.includes(region)
  )
}

export function getInferenceProfile(id: string): Route['answer'] {
  return (state, ctx) => {
    const refusal = denied(state, ctx, 'bedrock:GetInferenceProfile')
    if (refusal) return refusal
    const profile = findProfile(state, ctx.auth!.region, id)
    // The exception is the API reference's; no public source quotes AWS's wording for it: this one is ours.
    if (!profile) return jsonError(404, 'ResourceNotFoundException', `Inference profile ${id} not found.`)
    return ok(profileSummary(state, ctx.auth!.region, profile))
  }
}

export function listInferenceProfiles(state: EmulatorState, ctx: Context): Reply {
  const refusal = denied(state, ctx, 'bedrock:ListInferenceProfiles')
  if (refusal) return refusal
  const region = ctx.auth!.region
  const type = ctx.url.searchParams.get('type')
  const summaries = state.profiles
    .filter(profile => profile.regions.includes(region))
    .filter(profile => !type || (type === 'APPLICATION') === !!profile.application)
    .map(profile => profileSummary(state, region, profile))
  // Pages as the API reference defines them: maxResults (1–1000) and an opaque nextToken; AWS may return fewer
  // than asked, which state.profilePageSize stands for.
  const asked = Number(ctx.url.searchParams.get('maxResults') ?? 1000)
  const size = Math.max(1, Math.min(asked, state.profilePageSize ?? 1000))
  const token = ctx.url.searchParams.get('nextToken')
  const start = token
    ? Number(
        Buffer.from(token, 'base64url')
          .toString('utf8')
          .replace(/^page:/, '')
      )
    : 0
  // The wording for a token AWS did not issue is documented or quoted nowhere we found: this one is ours.
  if (!Number.isInteger(start) || start < 0 || start > summaries.length)
    return jsonError(400, 'ValidationException', 'The provided pagination token is invalid.')
  const end = start + size
  return ok({
    inferenceProfileSummaries: summaries.slice(start, end),
    ...(end < summaries.length ? { nextToken: Buffer.from(`page:${end}`).toString('base64url') } : {})
  })
}

export function listOffers(id: string): Route['answer'] {
  return (state, ctx) => {
    const refusal = denied(state, ctx, 'bedrock:ListFoundationModelAgreementOffers')
    if (refusal) return refusal
    if (!findModel(state, id))
      // The exception is the API reference's; its wording is quoted nowhere we found: this one is ours.
      return jsonError(404, 'ResourceNotFoundException', `The model ${id} does not exist.`)
    return ok({
      modelId: id,
      offers: [
        {
          offerId: `offer-${id.split('.')[0]}-public`,
          offerToken: `offer-token-${id}`,
          // TermDetails as the Bedrock API reference defines it: pricing, legal and support terms are required.
          termDetails: {
            usageBasedPricingTerm: {
              rateCard: [{ dimension: 'input-tokens', price: '0.0', unit: 'tokens' }]
            },
            legalTerm: { url: `https://aws.amazon.com/marketplace/pp/${id}#eula` },
            supportTerm: { refundPolicyDescription: 'Usage-based pricing: no refunds' }
          }
        }
      ]
    })
  }
}

export function createAgreement(state: EmulatorState, ctx: Context): Reply {
  const refusal = denied(state, ctx, 'bedrock:CreateFoundationModelAgreement')
  if (refusal) return refusal
  const { modelId, offerToken } = JSON.parse(ctx.body) as { modelId: string; offerToken: string }
  if (!state.iam.marketplace || sessionDenies(state, ctx, 'aws-marketplace:Subscribe')) {
    return jsonError(
      403,
      'AccessDeniedException',
      `User: ${callerArn(state, ctx)} is not authorized to perform: aws-marketplace:Subscribe on resource: * because no identity-based policy allows the aws-marketplace:Subscribe action`
    )
  }
  if (offerToken !== `offer-token-${modelId}`)
    // No public source quotes AWS's wording for a stale offer token: this one is ours.
    return jsonError(400, 'ValidationException', 'The offer token is invalid.')
  const existing = state.agreements[modelId]
  if (existing && existing.status !== 'NOT_AVAILABLE')
    // ConflictException is HTTP 400 in Bedrock's model (the SDK's schema), not the 409 REST habit would give it.
    // No public source quotes AWS's wording: this one is ours.
    return jsonError(400, 'ConflictException', 'An agreement already exists.')
  state.agreements[modelId] = { status: 'PENDING', pendingPolls: state.newAgreementPendingPolls }
  return { status: 202, body: JSON.stringify({ modelId }) }
}

/** The management account, when the request is signed by a session of its role (management-role-to-assume). */
function managementOf(state: EmulatorState, ctx: Context) {
  const key = state.accessKeys[ctx.auth?.accessKeyId ?? '']
  const management = state.management
  return management && key?.account === management.account ? management : undefined
}

/** Who may read or write the form: the management role by its session policy and its own policies, else the member. */
function formRefusal(state: EmulatorState, ctx: Context, action: string): Reply | undefined {
  const management = managementOf(state, ctx)
  if (!management) return denied(state, ctx, action)
  if (sessionDenies(state, ctx, action)) return sessionDenial(state, ctx, action)
  if (!management.deniedActions.includes(action)) return undefined
  return jsonError(
    403,
    'AccessDeniedException',
    `User: ${callerArn(state, ctx)} is not authorized to perform: ${action} on resource: * because no identity-based policy allows the ${action} action`
  )
}

export function getUseCase(state: EmulatorState, ctx: Context): Reply {
  const refusal = formRefusal(state, ctx, 'bedrock:GetUseCaseForModelAccess')
  if (refusal) return refusal
  const account = managementOf(state, ctx) ?? state
  // The exception is the API reference's; no public source quotes AWS's wording for it: this one is ours.
  if (!account.useCaseOnFile)
    return jsonError(404, 'ResourceNotFoundException', 'No use case details found for this account.')
  const form = account.submittedForms.at(-1) ?? '{"companyName":"existing"}'
  return ok({ formData: Buffer.from(form).toString('base64') })
}

export function putUseCase(state: EmulatorState, ctx: Context): Reply {
  const refusal = formRefusal(state, ctx, 'bedrock:PutUseCaseForModelAccess')
  if (refusal) return refusal
  const { formData } = JSON.parse(ctx.body) as { formData: string }
  const decoded = Buffer.from(formData, 'base64').toString('utf8')
  JSON.parse(decoded) // the form must be JSON, as the service requires
  const account = managementOf(state, ctx) ?? state
  account.submittedForms.push(decoded)
  account.useCaseOnFile = true
  return { status: 201, body: '{}' }
}
