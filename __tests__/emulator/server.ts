/**
 * A local AWS emulator for end-to-end tests: STS (awsQuery, XML), the Bedrock control plane and runtime
 * (restJson1) and GitHub's OIDC token endpoint, on one 127.0.0.1 port. HTTP/1.1 and cleartext HTTP/2
 * (the runtime client speaks HTTP/2) share the port: the first bytes of a connection pick the protocol.
 * The real SDK clients reach it through AWS_ENDPOINT_URL; it decides each answer from an EmulatorState
 * and logs every call so tests can assert what the probe did (and did not) do.
 */
import { createServer as createHttp1Server, type IncomingMessage, type ServerResponse } from 'node:http'
import {
  createServer as createHttp2Server,
  type Http2ServerRequest,
  type Http2ServerResponse
} from 'node:http2'
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net'
import { randomBytes } from 'node:crypto'
import { Duplex } from 'node:stream'
import type { EmulatedModel, EmulatedProfile, EmulatorState, Fault } from './state.js'

export interface LoggedCall {
  operation: string
  region?: string
  modelId?: string
  accessKeyId?: string
  status: number
  body?: string
}

export interface Emulator {
  url: string
  state: EmulatorState
  calls: LoggedCall[]
  /** Calls of one operation. */
  count(operation: string): number
  oidcRequestUrl: string
  close(): Promise<void>
}

type Req = IncomingMessage | Http2ServerRequest
type Res = ServerResponse | Http2ServerResponse

interface Reply {
  status: number
  headers?: Record<string, string>
  body: string
}

const HTTP2_PREFACE = 'PRI * HTTP/2.0'

export async function startEmulator(state: EmulatorState): Promise<Emulator> {
  const calls: LoggedCall[] = []
  const sockets = new Set<Socket>()
  const handler = (req: Req, res: Res) => {
    void handle(state, calls, req, res)
  }
  const http1 = createHttp1Server(handler)
  const http2 = createHttp2Server(handler)
  http2.on('sessionError', () => undefined)
  const net = createNetServer(socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    socket.once('data', chunk => {
      socket.pause()
      if (chunk.toString('latin1', 0, HTTP2_PREFACE.length) === HTTP2_PREFACE) {
        // http2 reads a net.Socket's native handle directly, past anything unshifted: hand it a plain duplex instead.
        http2.emit('connection', bridge(socket, chunk))
      } else {
        socket.unshift(chunk)
        http1.emit('connection', socket)
      }
      socket.resume()
    })
  })
  await new Promise<void>(resolve => net.listen(0, '127.0.0.1', resolve))
  const { port } = net.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    state,
    calls,
    count: operation => calls.filter(call => call.operation === operation).length,
    oidcRequestUrl: `${url}/_oidc/token?api-version=2.0`,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>(resolve => net.close(() => resolve()))
      http1.close()
      http2.close()
    }
  }
}

/** A duplex that replays the sniffed first chunk, then relays the socket both ways. */
function bridge(socket: Socket, first: Buffer): Duplex {
  const duplex = new Duplex({
    read() {},
    write(chunk, _encoding, callback) {
      socket.write(chunk, callback)
    },
    final(callback) {
      socket.end(callback)
    },
    destroy(error, callback) {
      socket.destroy()
      callback(error)
    }
  })
  duplex.push(first)
  socket.on('data', data => duplex.push(data))
  socket.on('end', () => duplex.push(null))
  socket.on('close', () => duplex.destroy())
  return duplex
}

async function handle(state: EmulatorState, calls: LoggedCall[], req: Req, res: Res): Promise<void> {
  const body = await readBody(req)
  const url = new URL(req.url ?? '/', 'http://emulator')
  const auth = parseAuthorization(String(req.headers['authorization'] ?? ''))
  const route = identify(req.method ?? 'GET', url, body)
  const call: LoggedCall = {
    operation: route.operation,
    region: auth?.region,
    modelId: route.modelId,
    accessKeyId: auth?.accessKeyId,
    status: 0
  }
  calls.push(call)

  if (state.latencyMs > 0) await new Promise(resolve => setTimeout(resolve, state.latencyMs))

  const fault = takeFault(state, route.operation, auth?.region)
  if (fault) {
    if (fault.kind === 'hang') return // never answer: the client's timeout must fire
    if (fault.kind === 'reset') {
      call.status = -1
      const socket = 'stream' in req ? req.stream.session?.socket : req.socket
      if ('stream' in req) req.stream.close(2)
      else socket?.destroy()
      return
    }
    return send(res, call, faultReply(fault, route.protocol))
  }

  let reply: Reply
  try {
    reply = route.answer(state, { auth, body, url, req })
  } catch (error) {
    reply = jsonError(500, 'InternalServerException', `emulator bug: ${(error as Error).message}`)
  }
  if (
    reply.status < 300 &&
    route.operation !== 'OidcToken' &&
    route.operation !== 'AssumeRoleWithWebIdentity'
  ) {
    call.body = body
  }
  send(res, call, reply)
}

function send(res: Res, call: LoggedCall, reply: Reply): void {
  call.status = reply.status
  const headers = {
    'content-type': 'application/json',
    'x-amzn-requestid': randomBytes(8).toString('hex'),
    ...reply.headers
  }
  res.writeHead(reply.status, headers)
  res.end(reply.body)
}

function readBody(req: Req): Promise<string> {
  return new Promise(resolve => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', () => resolve(''))
  })
}

interface Auth {
  accessKeyId: string
  region: string
  service: string
  sessionToken?: string
}

function parseAuthorization(header: string): Auth | undefined {
  const match = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(header)
  if (!match) return undefined
  return { accessKeyId: match[1]!, region: match[2]!, service: match[3]! }
}

interface Context {
  auth?: Auth
  body: string
  url: URL
  req: Req
}

interface Route {
  operation: string
  protocol: 'query' | 'json' | 'oidc'
  modelId?: string
  answer: (state: EmulatorState, ctx: Context) => Reply
}

function identify(method: string, url: URL, body: string): Route {
  const path = url.pathname
  if (path === '/_oidc/token') return { operation: 'OidcToken', protocol: 'oidc', answer: oidcToken }
  if (path.startsWith('/_github/')) return githubRoute(method, path.slice('/_github'.length), body)
  if (method === 'POST' && path === '/' && body.includes('Action=')) {
    const action = new URLSearchParams(body).get('Action') ?? ''
    if (action === 'GetCallerIdentity')
      return { operation: action, protocol: 'query', answer: signed(getCallerIdentity, 'query') }
    if (action === 'AssumeRoleWithWebIdentity')
      return { operation: action, protocol: 'query', answer: assumeRoleWithWebIdentity }
    return {
      operation: action,
      protocol: 'query',
      answer: () => queryError(400, 'InvalidAction', `Unknown action ${action}`)
    }
  }
  const segment = (prefix: string) => decodeURIComponent(path.slice(prefix.length))
  const json = (operation: string, answer: Route['answer'], modelId?: string): Route => ({
    operation,
    protocol: 'json',
    modelId,
    answer: signed(answer, 'json')
  })
  let match: RegExpExecArray | null
  if ((match = /^\/model\/(.+)\/converse$/.exec(path)))
    return json('Converse', invoke('Converse'), decodeURIComponent(match[1]!))
  if ((match = /^\/model\/(.+)\/invoke$/.exec(path)))
    return json('InvokeModel', invoke('InvokeModel'), decodeURIComponent(match[1]!))
  if (path.startsWith('/foundation-model-availability/')) {
    const id = segment('/foundation-model-availability/')
    return json('GetFoundationModelAvailability', getAvailability(id), id)
  }
  if (path.startsWith('/foundation-models/')) {
    const id = segment('/foundation-models/')
    return json('GetFoundationModel', getFoundationModel(id), id)
  }
  if (path === '/inference-profiles') return json('ListInferenceProfiles', listInferenceProfiles)
  if (path.startsWith('/inference-profiles/')) {
    const id = segment('/inference-profiles/')
    return json('GetInferenceProfile', getInferenceProfile(id), id)
  }
  if (path.startsWith('/list-foundation-model-agreement-offers/')) {
    const id = segment('/list-foundation-model-agreement-offers/')
    return json('ListFoundationModelAgreementOffers', listOffers(id), id)
  }
  if (path === '/create-foundation-model-agreement')
    return json('CreateFoundationModelAgreement', createAgreement)
  if (path === '/use-case-for-model-access' && method === 'GET')
    return json('GetUseCaseForModelAccess', getUseCase)
  if (path === '/use-case-for-model-access') return json('PutUseCaseForModelAccess', putUseCase)
  return json('Unknown', () => jsonError(404, 'UnknownOperationException', `No route for ${method} ${path}`))
}

// --- Authentication ------------------------------------------------------------------------------------

function signed(answer: Route['answer'], protocol: 'query' | 'json'): Route['answer'] {
  return (state, ctx) => {
    const auth = ctx.auth
    const error = (status: number, code: string, message: string) =>
      protocol === 'query' ? queryError(status, code, message) : jsonError(status, code, message)
    if (!auth)
      return error(
        403,
        protocol === 'query' ? 'MissingAuthenticationToken' : 'MissingAuthenticationTokenException',
        'Missing Authentication Token'
      )
    const key = state.accessKeys[auth.accessKeyId]
    if (!key) {
      return protocol === 'query'
        ? error(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.')
        : error(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.')
    }
    if (key.sessionToken && ctx.req.headers['x-amz-security-token'] !== key.sessionToken) {
      return error(
        403,
        protocol === 'query' ? 'InvalidClientTokenId' : 'UnrecognizedClientException',
        'The security token included in the request is invalid.'
      )
    }
    if (key.expired) {
      return error(
        400,
        protocol === 'query' ? 'ExpiredToken' : 'ExpiredTokenException',
        'The security token included in the request is expired'
      )
    }
    return answer(state, ctx)
  }
}

function callerArn(state: EmulatorState, ctx: Context): string {
  return state.accessKeys[ctx.auth?.accessKeyId ?? '']?.arn ?? 'unknown'
}

// --- OIDC and STS -----------------------------------------------------------------------------------

function oidcToken(state: EmulatorState, ctx: Context): Reply {
  if (ctx.req.headers['authorization'] !== `Bearer ${state.oidc.requestToken}`) {
    return { status: 401, body: JSON.stringify({ message: 'bad runner token' }) }
  }
  const aud = ctx.url.searchParams.get('audience') ?? 'https://github.com/octo-org'
  const claims = {
    sub: state.oidc.sub,
    aud,
    iss: 'https://token.actions.githubusercontent.com',
    repository: 'octo-org/octo-repo',
    ref: 'refs/heads/main',
    exp: Math.floor(Date.now() / 1000) + 300
  }
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const token = `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.${randomBytes(32).toString('base64url')}`
  return { status: 200, body: JSON.stringify({ value: token }) }
}

function assumeRoleWithWebIdentity(state: EmulatorState, ctx: Context): Reply {
  const params = new URLSearchParams(ctx.body)
  const token = params.get('WebIdentityToken') ?? ''
  let claims: { sub?: string; aud?: string }
  try {
    claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'))
  } catch {
    return queryError(
      400,
      'InvalidIdentityToken',
      "Couldn't retrieve verification key from your identity provider"
    )
  }
  if (state.oidc.providerMissing) {
    return queryError(
      400,
      'InvalidIdentityToken',
      'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com'
    )
  }
  if (
    params.get('RoleArn') !== state.oidc.roleArn ||
    claims.sub !== state.oidc.trustedSub ||
    claims.aud !== state.oidc.trustedAudience
  ) {
    return queryError(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity')
  }
  const accessKeyId = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`
  const secret = randomBytes(20).toString('base64')
  const sessionToken = `FwoEMULATOR${randomBytes(48).toString('base64')}`
  const roleName = state.oidc.roleArn.split('/').pop()
  const arn = `arn:aws:sts::${state.account}:assumed-role/${roleName}/${params.get('RoleSessionName')}`
  state.accessKeys[accessKeyId] = { secret, sessionToken, arn }
  const expiration = new Date(Date.now() + Number(params.get('DurationSeconds') ?? 3600) * 1000).toISOString()
  return xml(
    'AssumeRoleWithWebIdentity',
    `<Credentials><AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>${secret}</SecretAccessKey>` +
      `<SessionToken>${sessionToken}</SessionToken><Expiration>${expiration}</Expiration></Credentials>` +
      `<SubjectFromWebIdentityToken>${claims.sub}</SubjectFromWebIdentityToken>` +
      `<AssumedRoleUser><Arn>${arn}</Arn><AssumedRoleId>AROAEMULATOR:${params.get('RoleSessionName')}</AssumedRoleId></AssumedRoleUser>` +
      `<Provider>arn:aws:iam::${state.account}:oidc-provider/token.actions.githubusercontent.com</Provider><Audience>${claims.aud}</Audience>`
  )
}

function getCallerIdentity(state: EmulatorState, ctx: Context): Reply {
  return xml(
    'GetCallerIdentity',
    `<Arn>${callerArn(state, ctx)}</Arn><UserId>AIDAEMULATOR</UserId><Account>${state.account}</Account>`
  )
}

// --- Bedrock control plane ------------------------------------------------------------------------------

function denied(state: EmulatorState, ctx: Context, action: string, resource = '*'): Reply | undefined {
  if (!state.iam.deniedActions.includes(action) && !state.iam.deniedActions.includes('*')) return undefined
  return jsonError(
    403,
    'AccessDeniedException',
    `User: ${callerArn(state, ctx)} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`
  )
}

function findModel(state: EmulatorState, id: string): EmulatedModel | undefined {
  const base = id.includes(':foundation-model/') ? id.split(':foundation-model/')[1] : id
  return state.models.find(model => model.id === base)
}

const NON_MARKETPLACE = ['amazon', 'deepseek', 'mistral', 'meta', 'qwen', 'openai']
const isMarketplace = (id: string) => !NON_MARKETPLACE.includes(id.split('.')[0]!)

/** Reading availability advances a PENDING agreement, the way time does in AWS. */
function agreementOf(state: EmulatorState, modelId: string): { status: string; errorMessage?: string } {
  if (!isMarketplace(modelId)) return { status: 'AVAILABLE' }
  const agreement = state.agreements[modelId]
  if (!agreement) return { status: 'NOT_AVAILABLE' }
  return {
    status: agreement.status,
    ...(agreement.errorMessage ? { errorMessage: agreement.errorMessage } : {})
  }
}

function getAvailability(id: string): Route['answer'] {
  return (state, ctx) => {
    const refusal = denied(state, ctx, 'bedrock:GetFoundationModelAvailability')
    if (refusal) return refusal
    const model = findModel(state, id)
    if (!model) return jsonError(404, 'ResourceNotFoundException', `The model ${id} does not exist.`)
    const agreement = state.agreements[model.id]
    if (agreement?.status === 'PENDING') {
      if ((agreement.pendingPolls ?? 0) <= 0) agreement.status = 'AVAILABLE'
      else agreement.pendingPolls = (agreement.pendingPolls ?? 0) - 1
    }
    const current = agreementOf(state, model.id)
    const anthropicWithoutForm = model.id.startsWith('anthropic.') && !state.useCaseOnFile
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

function getFoundationModel(id: string): Route['answer'] {
  return (state, ctx) => {
    const refusal = denied(state, ctx, 'bedrock:GetFoundationModel')
    if (refusal) return refusal
    const model = findModel(state, id)
    const region = ctx.auth!.region
    if (!model || !model.regions.includes(region))
      return jsonError(404, 'ResourceNotFoundException', `Could not find model ${id}.`)
    // Bedrock sends these timestamps as RFC 3339 date-time strings.
    const timestamp = (date?: Date) => date?.toISOString()
    return ok({
      modelDetails: {
        modelArn: `arn:aws:bedrock:${region}::foundation-model/${model.id}`,
        modelId: model.id,
        modelName: model.id,
        providerName: model.id.split('.')[0],
        inputModalities: ['TEXT'],
        outputModalities: model.outputModalities ?? ['TEXT'],
        inferenceTypesSupported: model.inferenceTypes ?? ['ON_DEMAND'],
        modelLifecycle: model.lifecycle
          ? {
              status: model.lifecycle.status,
              legacyTime: timestamp(model.lifecycle.legacyTime),
              endOfLifeTime: timestamp(model.lifecycle.endOfLifeTime),
              publicExtendedAccessTime: timestamp(model.lifecycle.publicExtendedAccessTime)
            }
          : { status: 'ACTIVE' }
      }
    })
  }
}

function profileArn(state: EmulatorState, region: string, profile: EmulatedProfile): string {
  return `arn:aws:bedrock:${region}:${state.account}:inference-profile/${profile.id}`
}

function profileSummary(state: EmulatorState, region: string, profile: EmulatedProfile) {
  return {
    inferenceProfileName: profile.id,
    inferenceProfileArn: profileArn(state, region, profile),
    inferenceProfileId: profile.id,
    models: profile.destinations.map(destination => ({
      modelArn: `arn:aws:bedrock:${destination}::foundation-model/${profile.base}`
    })),
    status: 'ACTIVE',
    type: 'SYSTEM_DEFINED'
  }
}

function findProfile(state: EmulatorState, region: string, id: string): EmulatedProfile | undefined {
  const profileId = id.includes(':inference-profile/') ? id.split(':inference-profile/')[1] : id
  return state.profiles.find(profile => profile.id === profileId && profile.regions.includes(region))
}

function getInferenceProfile(id: string): Route['answer'] {
  return (state, ctx) => {
    const refusal = denied(state, ctx, 'bedrock:GetInferenceProfile')
    if (refusal) return refusal
    const profile = findProfile(state, ctx.auth!.region, id)
    if (!profile) return jsonError(404, 'ResourceNotFoundException', `Inference profile ${id} not found.`)
    return ok(profileSummary(state, ctx.auth!.region, profile))
  }
}

function listInferenceProfiles(state: EmulatorState, ctx: Context): Reply {
  const refusal = denied(state, ctx, 'bedrock:ListInferenceProfiles')
  if (refusal) return refusal
  const region = ctx.auth!.region
  const summaries = state.profiles
    .filter(profile => profile.regions.includes(region))
    .map(profile => profileSummary(state, region, profile))
  return ok({ inferenceProfileSummaries: summaries })
}

function listOffers(id: string): Route['answer'] {
  return (state, ctx) => {
    const refusal = denied(state, ctx, 'bedrock:ListFoundationModelAgreementOffers')
    if (refusal) return refusal
    if (!findModel(state, id))
      return jsonError(404, 'ResourceNotFoundException', `The model ${id} does not exist.`)
    return ok({
      modelId: id,
      offers: [
        { offerId: `offer-${id.split('.')[0]}-public`, offerToken: `offer-token-${id}`, termDetails: {} }
      ]
    })
  }
}

function createAgreement(state: EmulatorState, ctx: Context): Reply {
  const refusal = denied(state, ctx, 'bedrock:CreateFoundationModelAgreement')
  if (refusal) return refusal
  const { modelId, offerToken } = JSON.parse(ctx.body) as { modelId: string; offerToken: string }
  if (!state.iam.marketplace) {
    return jsonError(
      403,
      'AccessDeniedException',
      `User: ${callerArn(state, ctx)} is not authorized to perform: aws-marketplace:Subscribe on resource: * because no identity-based policy allows the aws-marketplace:Subscribe action`
    )
  }
  if (offerToken !== `offer-token-${modelId}`)
    return jsonError(400, 'ValidationException', 'The offer token is invalid.')
  const existing = state.agreements[modelId]
  if (existing && existing.status !== 'NOT_AVAILABLE')
    return jsonError(409, 'ConflictException', 'An agreement already exists.')
  state.agreements[modelId] = { status: 'PENDING', pendingPolls: state.newAgreementPendingPolls }
  return { status: 202, body: JSON.stringify({ modelId }) }
}

function getUseCase(state: EmulatorState, ctx: Context): Reply {
  const refusal = denied(state, ctx, 'bedrock:GetUseCaseForModelAccess')
  if (refusal) return refusal
  if (!state.useCaseOnFile)
    return jsonError(404, 'ResourceNotFoundException', 'No use case details found for this account.')
  const form = state.submittedForms.at(-1) ?? '{"companyName":"existing"}'
  return ok({ formData: Buffer.from(form).toString('base64') })
}

function putUseCase(state: EmulatorState, ctx: Context): Reply {
  const refusal = denied(state, ctx, 'bedrock:PutUseCaseForModelAccess')
  if (refusal) return refusal
  const { formData } = JSON.parse(ctx.body) as { formData: string }
  const decoded = Buffer.from(formData, 'base64').toString('utf8')
  JSON.parse(decoded) // the form must be JSON, as the service requires
  state.submittedForms.push(decoded)
  state.useCaseOnFile = true
  return { status: 201, body: '{}' }
}

// --- Bedrock runtime ---------------------------------------------------------------------------------

function invoke(operation: 'Converse' | 'InvokeModel'): Route['answer'] {
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
      if (!state.iam.marketplace) {
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

// --- GitHub REST (pull-request files and comments) ------------------------------------------------------

function githubRoute(method: string, path: string, body: string): Route {
  const answer = (operation: string, respond: (state: EmulatorState) => Reply): Route => ({
    operation,
    protocol: 'oidc',
    answer: (state, ctx) =>
      ctx.req.headers['authorization'] !== `token ${state.github.token}`
        ? { status: 401, body: JSON.stringify({ message: 'Bad credentials' }) }
        : respond(state)
  })
  if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/files$/.test(path)) {
    return answer('GitHubListPullFiles', state => ok(state.github.files))
  }
  if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/.test(path)) {
    return answer('GitHubListComments', state => ok(state.github.comments))
  }
  if (method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/.test(path)) {
    return answer('GitHubCreateComment', state => {
      const comment = {
        id: state.github.comments.length + 1,
        body: (JSON.parse(body) as { body: string }).body
      }
      state.github.comments.push(comment)
      return { status: 201, body: JSON.stringify(comment) }
    })
  }
  const update = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path)
  if (method === 'PATCH' && update) {
    return answer('GitHubUpdateComment', state => {
      const comment = state.github.comments.find(candidate => candidate.id === Number(update[1]))
      if (!comment) return { status: 404, body: JSON.stringify({ message: 'Not Found' }) }
      comment.body = (JSON.parse(body) as { body: string }).body
      return ok(comment)
    })
  }
  return answer('GitHubUnknown', () => ({
    status: 404,
    body: JSON.stringify({ message: `No route ${method} ${path}` })
  }))
}

// --- Faults and wire formats ----------------------------------------------------------------------------

function takeFault(state: EmulatorState, operation: string, region?: string): Fault | undefined {
  const fault = state.faults.find(
    candidate =>
      (candidate.operation === operation || (candidate.operation === '*' && operation !== 'OidcToken')) &&
      (!candidate.region || candidate.region === region) &&
      (candidate.times === undefined || candidate.times > 0)
  )
  if (fault && fault.times !== undefined) fault.times--
  return fault
}

function faultReply(fault: Fault, protocol: Route['protocol']): Reply {
  switch (fault.kind) {
    case 'http500':
      return protocol === 'query'
        ? queryError(500, 'InternalFailure', 'We encountered an internal error. Please try again.')
        : jsonError(500, 'InternalServerException', 'We encountered an internal error. Please try again.')
    case 'html502':
      return {
        status: 502,
        headers: { 'content-type': 'text/html' },
        body: '<html><body><h1>502 Bad Gateway</h1></body></html>'
      }
    case 'throttle':
      return protocol === 'query'
        ? queryError(400, 'Throttling', 'Rate exceeded')
        : jsonError(429, 'ThrottlingException', 'Too many requests, please wait before trying again.')
    case 'garbage':
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: protocol === 'query' ? '<<<not xml' : 'this is not json {{{'
      }
    case 'truncated':
      return {
        status: 200,
        body:
          protocol === 'query'
            ? '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws'
            : '{"modelId": "x", "agreementAvailability": {"sta'
      }
    case 'empty200':
      return { status: 200, body: '{}' }
    case 'expired':
      return protocol === 'query'
        ? queryError(400, 'ExpiredToken', 'The security token included in the request is expired')
        : jsonError(403, 'ExpiredTokenException', 'The security token included in the request is expired')
    case 'injection':
      return jsonError(403, 'AccessDeniedException', fault.message ?? 'injected')
    default:
      return jsonError(500, 'InternalServerException', `unknown fault ${fault.kind}`)
  }
}

function ok(value: unknown): Reply {
  return { status: 200, body: JSON.stringify(value) }
}

function jsonError(status: number, type: string, message: string): Reply {
  return { status, headers: { 'x-amzn-errortype': type }, body: JSON.stringify({ message }) }
}

function xml(action: string, result: string): Reply {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml' },
    body:
      `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><${action}Result>${result}</${action}Result>` +
      `<ResponseMetadata><RequestId>${randomBytes(8).toString('hex')}</RequestId></ResponseMetadata></${action}Response>`
  }
}

function queryError(status: number, code: string, message: string): Reply {
  return {
    status,
    headers: { 'content-type': 'text/xml' },
    body:
      `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code>` +
      `<Message>${message}</Message></Error><RequestId>${randomBytes(8).toString('hex')}</RequestId></ErrorResponse>`
  }
}
