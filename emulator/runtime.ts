/**
 * The Bedrock runtime (restJson1 over HTTP/2): Converse, ConverseStream, InvokeModel and
 * InvokeModelWithResponseStream decide, in the order AWS applies them, IAM and SCPs, the model identifier,
 * lifecycle, model access, the use-case form and the agreement. The streaming operations answer with the AWS
 * event-stream encoding (application/vnd.amazon.eventstream), as the SDK's own codec reads it.
 */
import { EventStreamCodec } from '@smithy/core/event-streams'
import { agreementOf, findModel, findProfile, isMarketplace, profileArn } from './control-plane.js'
import { appliedTokensPerMinute } from './service-quotas.js'
import { memberHasUseCaseForm, type EmulatedModel, type EmulatorState } from './state.js'
import { callerArn, jsonError, ok, sessionDenies, type Context, type Reply, type Route } from './wire.js'

export type RuntimeOperation = 'Converse' | 'ConverseStream' | 'InvokeModel' | 'InvokeModelWithResponseStream'

/** The IAM action each operation is authorized as (Service Authorization Reference for Amazon Bedrock). */
const ACTION: Record<RuntimeOperation, string> = {
  Converse: 'bedrock:InvokeModel',
  InvokeModel: 'bedrock:InvokeModel',
  ConverseStream: 'bedrock:InvokeModelWithResponseStream',
  InvokeModelWithResponseStream: 'bedrock:InvokeModelWithResponseStream'
}

export function invoke(operation: RuntimeOperation): Route['answer'] {
  return (state, ctx) => {
    const region = ctx.auth!.region
    const action = ACTION[operation]
    const path = decodeURIComponent(ctx.url.pathname)
    const modelId = path
      .replace(/^\/model\//, '')
      .replace(/\/(converse|converse-stream|invoke|invoke-with-response-stream)$/, '')
    const profile = findProfile(state, region, modelId)
    const model = findModel(state, profile ? profile.base : modelId)
    if (!model || (!profile && !model.regions.includes(region))) {
      // AWS's words, as users quote them (search index files 52949179509, 57062106789).
      return jsonError(400, 'ValidationException', 'The provided model identifier is invalid.')
    }
    const caller = callerArn(state, ctx)
    // AWS routes a profile call to any destination; the emulator takes an SCP-blocked one when there is one.
    const destination = profile
      ? (profile.destinations.find(candidate => state.iam.scpDenyRegions.includes(candidate)) ??
        profile.destinations[0]!)
      : region
    const resources = profile
      ? [profileArn(state, region, profile), `arn:aws:bedrock:${destination}::foundation-model/${model.id}`]
      : [`arn:aws:bedrock:${region}::foundation-model/${model.id}`]
    // A global profile's call is also authorized against the foundation model with no region (as AWS reports
    // a denied global call: arn:aws:bedrock:::foundation-model/…).
    if (profile?.id.startsWith('global.')) resources.push(`arn:aws:bedrock:::foundation-model/${model.id}`)
    for (const resource of resources) {
      const resourceRegion = resource.split(':')[3]!
      if (state.iam.scpDenyRegions.includes(resourceRegion)) {
        return jsonError(
          403,
          'AccessDeniedException',
          `User: ${caller} is not authorized to perform: ${action} on resource: ${resource} with an explicit deny in a service control policy`
        )
      }
      const allowedHere =
        !state.iam.invokeAllowed || state.iam.invokeAllowed.some(pattern => arnMatches(pattern, resource))
      if (!allowedHere || state.iam.invokeActionsNotAllowed?.includes(action)) {
        return jsonError(
          403,
          'AccessDeniedException',
          `User: ${caller} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`
        )
      }
    }
    if (!profile && model.inferenceTypes && !model.inferenceTypes.includes('ON_DEMAND')) {
      // AWS's words, as users quote them (the on-demand row of src/diagnosis/catalogue.ts).
      return jsonError(
        400,
        'ValidationException',
        `Invocation of model ID ${model.id} with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`
      )
    }
    if (model.endOfLife) {
      return jsonError(
        404,
        'ResourceNotFoundException',
        'This model version has reached the end of its life. Please refer to the AWS documentation for more details.'
      )
    }
    if (model.legacyDenied) {
      return jsonError(
        403,
        'AccessDeniedException',
        'Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 30 days. Please upgrade to an active model on Amazon Bedrock'
      )
    }
    // AWS's words, as users quote them (search index files 3045568437, 15515036621).
    if (model.noAccess)
      return jsonError(
        403,
        'AccessDeniedException',
        "You don't have access to the model with the specified model ID."
      )
    if (model.id.startsWith('anthropic.') && !memberHasUseCaseForm(state)) {
      return jsonError(
        404,
        'ResourceNotFoundException',
        'Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model. If you have already filled out the form, try again in 15 minutes.'
      )
    }
    if (isMarketplace(model.id) && agreementOf(state, model.id).status !== 'AVAILABLE') {
      // Subscribing on first use needs aws-marketplace:Subscribe, which a session policy can deny.
      if (!state.iam.marketplace || sessionDenies(state, ctx, 'aws-marketplace:Subscribe')) {
        return jsonError(
          403,
          'AccessDeniedException',
          'Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model. Refer to the Amazon Bedrock User Guide for further details. Your AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after 2 minutes.'
        )
      }
      // The first call subscribes the account (and accepts the EULA): exactly what the probe must not do unasked.
      state.agreements[model.id] = { status: 'AVAILABLE' }
    }
    // The request is authorized; the tier it asks for is served or refused next (a 400 ValidationException).
    const tierRefusal = refuseTier(model, requestedTier(operation, ctx))
    if (tierRefusal) return tierRefusal
    // What the quotas allow comes after (the throttling wordings users quote).
    if (state.quotas.dailyExhausted.includes(model.id))
      return jsonError(
        429,
        'ThrottlingException',
        'Too many tokens per day, please wait before trying again.'
      )
    if (appliedTokensPerMinute(state, model, routeOf(profile?.id)) === 0)
      return jsonError(429, 'ThrottlingException', 'Too many tokens, please wait before trying again.')
    const modalities = model.outputModalities ?? ['TEXT']
    if (operation === 'Converse' || operation === 'ConverseStream') {
      if (!modalities.includes('TEXT')) {
        // AWS's words, as users quote them (search index files 6456278369, 69174568241).
        return jsonError(
          400,
          'ValidationException',
          "This action doesn't support the model that you provided. Try again with a supported text or chat model."
        )
      }
      if (operation === 'ConverseStream') return eventStream(conversationEvents(), state)
      return ok({
        output: { message: { role: 'assistant', content: [{ text: 'OK' }] } },
        stopReason: 'end_turn',
        usage: { inputTokens: 12, outputTokens: 2, totalTokens: 14 },
        metrics: { latencyMs: 7 }
      })
    }
    if (modalities.includes('EMBEDDING')) {
      if (operation === 'InvokeModelWithResponseStream') {
        // AWS's words, as users quote them (search index file 22213796273).
        return jsonError(400, 'ValidationException', 'The model is unsupported for streaming.')
      }
      return ok({ embedding: [0.01, 0.02, 0.03], inputTextTokenCount: 1 })
    }
    if (operation === 'InvokeModelWithResponseStream') {
      const chunk = (value: unknown) => ({
        type: 'chunk',
        payload: { bytes: Buffer.from(JSON.stringify(value)).toString('base64') }
      })
      return eventStream(
        [
          chunk({ type: 'message_start', message: { role: 'assistant' } }),
          chunk({ type: 'content_block_delta', delta: { type: 'text_delta', text: 'OK' } }),
          chunk({ type: 'message_stop' })
        ],
        state,
        'InvokeModelWithResponseStream'
      )
    }
    return ok({ completion: 'OK' })
  }
}

interface StreamEvent {
  type: string
  payload: unknown
}

function conversationEvents(): StreamEvent[] {
  return [
    { type: 'messageStart', payload: { role: 'assistant' } },
    { type: 'contentBlockDelta', payload: { contentBlockIndex: 0, delta: { text: 'OK' } } },
    { type: 'contentBlockStop', payload: { contentBlockIndex: 0 } },
    { type: 'messageStop', payload: { stopReason: 'end_turn' } },
    {
      type: 'metadata',
      payload: { usage: { inputTokens: 12, outputTokens: 2, totalTokens: 14 }, metrics: { latencyMs: 7 } }
    }
  ]
}

const codec = new EventStreamCodec(
  bytes => new TextDecoder().decode(bytes),
  text => new TextEncoder().encode(text)
)

/**
 * Events in the event-stream framing. With state.streamBreak the stream stops after its second event with an
 * exception message (`:message-type` exception), as a stream that fails mid-way does.
 */
function eventStream(events: StreamEvent[], state: EmulatorState, operation = 'ConverseStream'): Reply {
  // One frame: its kind (an event of a type, or an exception of a type) and a JSON body.
  const frame = (kind: 'event' | 'exception', type: string, payload: unknown) =>
    codec.encode({
      headers: {
        ':message-type': { type: 'string', value: kind },
        [kind === 'event' ? ':event-type' : ':exception-type']: { type: 'string', value: type },
        ':content-type': { type: 'string', value: 'application/json' }
      },
      body: new TextEncoder().encode(JSON.stringify(payload))
    })
  const broken = state.streamBreak
  const frames = events.map(event => frame('event', event.type, event.payload))
  if (broken) frames.splice(2, frames.length, breakFrame(broken))
  return {
    status: 200,
    headers: {
      'content-type': 'application/vnd.amazon.eventstream',
      // InvokeModelWithResponseStream names the chunks' media type in its own (required) header.
      ...(operation === 'InvokeModelWithResponseStream'
        ? { 'x-amzn-bedrock-content-type': 'application/json' }
        : {})
    },
    body: Buffer.concat(frames),
    ...(broken?.offModel ? { offModel: true } : {})
  }
}

/**
 * The frame a broken stream ends with: a modeled exception (:message-type exception, :exception-type the union's
 * member name, as the Smithy event-stream specification frames one), an unmodeled error (:message-type error with
 * :error-code and :error-message), or, for the fault tests, a :message-type no model defines.
 */
function breakFrame(broken: NonNullable<EmulatorState['streamBreak']>): Uint8Array {
  const text = (value: string) => ({ type: 'string' as const, value })
  const messageType = broken.messageType ?? 'exception'
  const headers: Record<string, { type: 'string'; value: string }> =
    messageType === 'exception'
      ? { ':exception-type': text(broken.exception) }
      : messageType === 'error'
        ? { ':error-code': text(broken.exception), ':error-message': text(broken.message) }
        : {}
  return codec.encode({
    headers: {
      ':message-type': text(messageType),
      ...headers,
      ':content-type': text('application/json')
    },
    body: new TextEncoder().encode(JSON.stringify({ message: broken.message }))
  })
}

/**
 * An IAM resource pattern against an ARN: `*` matches any run of characters (none included) and `?` one, as IAM
 * matches the Resource element (IAM user guide, "IAM JSON policy elements: Resource").
 */
export function arnMatches(pattern: string, arn: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${source}$`).test(arn)
}

/**
 * The tier a call asks for: Converse's `serviceTier.type` in the body, InvokeModel's X-Amzn-Bedrock-Service-Tier
 * header (the SDK's serializers, from the Smithy model).
 */
function requestedTier(operation: RuntimeOperation, ctx: Context): string | undefined {
  if (operation === 'Converse' || operation === 'ConverseStream') {
    const body = JSON.parse(ctx.body || '{}') as { serviceTier?: { type?: string } }
    return body.serviceTier?.type
  }
  const header = ctx.req.headers['x-amzn-bedrock-service-tier']
  return Array.isArray(header) ? header[0] : header
}

/**
 * Bedrock's answers for a tier (seen by users: "Reservation not found." for reserved without a reservation,
 * "service tier provided is invalid" for an unknown value). For a known tier the model is not served in no
 * wording was found quoted; the emulator says it in the same words as an unknown one.
 */
function refuseTier(model: EmulatedModel, tier: string | undefined): Reply | undefined {
  if (tier === undefined || tier === 'default') return undefined
  if (tier === 'reserved')
    return model.reserved ? undefined : jsonError(400, 'ValidationException', 'Reservation not found.')
  if ((model.serviceTiers as string[] | undefined)?.includes(tier)) return undefined
  return jsonError(400, 'ValidationException', 'service tier provided is invalid')
}

/** Which quota family a call counts against: a base ID on demand, a geographic profile, a global one. */
function routeOf(profileId: string | undefined): 'on-demand' | 'cross-region' | 'global' {
  if (profileId === undefined) return 'on-demand'
  return profileId.startsWith('global.') ? 'global' : 'cross-region'
}
