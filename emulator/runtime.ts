/**
 * The Bedrock runtime (restJson1 over HTTP/2): Converse and InvokeModel decide, in the order AWS applies them,
 * IAM and SCPs, the model identifier, lifecycle, model access, the use-case form and the agreement.
 */
import { agreementOf, findModel, findProfile, isMarketplace, profileArn } from './control-plane.js'
import { callerArn, jsonError, ok, sessionDenies, type Route } from './wire.js'

export function invoke(operation: 'Converse' | 'InvokeModel'): Route['answer'] {
  return (state, ctx) => {
    const region = ctx.auth!.region
    const path = decodeURIComponent(ctx.url.pathname)
    const modelId = path.replace(/^\/model\//, '').replace(/\/(converse|invoke)$/, '')
    const profile = findProfile(state, region, modelId)
    const model = findModel(state, profile ? profile.base : modelId)
    if (!model || (!profile && !model.regions.includes(region))) {
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
          `User: ${caller} is not authorized to perform: bedrock:InvokeModel on resource: ${resource} with an explicit deny in a service control policy`
        )
      }
      if (state.iam.invokeAllowed && !state.iam.invokeAllowed.includes(resource)) {
        return jsonError(
          403,
          'AccessDeniedException',
          `User: ${caller} is not authorized to perform: bedrock:InvokeModel on resource: ${resource} because no identity-based policy allows the bedrock:InvokeModel action`
        )
      }
    }
    if (!profile && model.inferenceTypes && !model.inferenceTypes.includes('ON_DEMAND')) {
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
    if (model.noAccess)
      return jsonError(
        403,
        'AccessDeniedException',
        "You don't have access to the model with the specified model ID."
      )
    if (model.id.startsWith('anthropic.') && !state.useCaseOnFile) {
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
    const modalities = model.outputModalities ?? ['TEXT']
    if (operation === 'Converse') {
      if (!modalities.includes('TEXT')) {
        return jsonError(
          400,
          'ValidationException',
          "This action doesn't support the model that you provided. Try again with a supported text or chat model."
        )
      }
      return ok({
        output: { message: { role: 'assistant', content: [{ text: 'OK' }] } },
        stopReason: 'end_turn',
        usage: { inputTokens: 12, outputTokens: 2, totalTokens: 14 },
        metrics: { latencyMs: 7 }
      })
    }
    if (modalities.includes('EMBEDDING')) return ok({ embedding: [0.01, 0.02, 0.03], inputTextTokenCount: 1 })
    return ok({ completion: 'OK' })
  }
}
