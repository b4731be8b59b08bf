/**
 * A local AWS emulator for end-to-end tests, benchmarks and trying the action without AWS: STS, the Bedrock
 * control plane and runtime, and GitHub's OIDC token endpoint and REST API, on one 127.0.0.1 port. The real
 * SDK clients reach it through AWS_ENDPOINT_URL; it decides each answer from an EmulatorState and logs every
 * call so tests can assert what the probe did (and did not) do. One file per protocol beside this one.
 */
import {
  createAgreement,
  getAvailability,
  getFoundationModel,
  listFoundationModels,
  getInferenceProfile,
  getUseCase,
  listInferenceProfiles,
  listOffers,
  putUseCase
} from './control-plane.js'
import { faultReply, takeFault } from './faults.js'
import { listAwsDefaultServiceQuotas, listServiceQuotas } from './service-quotas.js'
import { githubRoute, oidcToken } from './github.js'
import { invoke } from './runtime.js'
import type { EmulatorState } from './state.js'
import { assumeRoleWithWebIdentity, getCallerIdentity } from './sts.js'
import { listen, readBody, writeReply, type Res } from './transport.js'
import {
  jsonError,
  parseAuthorization,
  queryError,
  signed,
  type Reply,
  type Req,
  type Route
} from './wire.js'

export interface LoggedCall {
  operation: string
  region?: string
  modelId?: string
  accessKeyId?: string
  /** The account of the session that signed the request (the management account for its role's sessions). */
  account?: string
  status: number
  body?: string
  /** How the request authenticated: SigV4, or a Bedrock API key (bearer). */
  auth?: 'sigv4' | 'bearer'
  /** When the request arrived and when it was answered (performance.now()), to check what waited for what. */
  at: number
  answeredAt?: number
  /** The answer as sent: what the contract test holds to AWS's model of the operation. */
  reply?: Reply
  /** The answer is AWS's (not a GitHub or OIDC one, nor a fault the test asked for): AWS's model applies. */
  modeled?: boolean
}

export interface Emulator {
  url: string
  state: EmulatorState
  calls: LoggedCall[]
  /** Calls of one operation. */
  count(operation: string): number
  oidcRequestUrl: string
  /** The client port of every connection the emulator accepted (a proxied one is the proxy's upstream port). */
  clientPorts: number[]
  close(): Promise<void>
}

/** Every emulator started in this process: the tests hold each answer it gave to AWS's models (after-each.ts). */
export const startedEmulators: Emulator[] = []

export async function startEmulator(state: EmulatorState, port = 0): Promise<Emulator> {
  const calls: LoggedCall[] = []
  const listener = await listen((req, res) => void handle(state, calls, req, res), port)
  const url = listener.url
  const emulator: Emulator = {
    url,
    state,
    calls,
    count: operation => calls.filter(call => call.operation === operation).length,
    oidcRequestUrl: `${url}/_oidc/token?api-version=2.0`,
    clientPorts: listener.clientPorts,
    close: () => listener.close()
  }
  startedEmulators.push(emulator)
  return emulator
}

async function handle(state: EmulatorState, calls: LoggedCall[], req: Req, res: Res): Promise<void> {
  const body = await readBody(req)
  const url = new URL(req.url ?? '/', 'http://emulator')
  const auth = parseAuthorization(String(req.headers['authorization'] ?? ''))
  const route = identify(req.method ?? 'GET', url, body, String(req.headers['x-amz-target'] ?? ''))
  const call: LoggedCall = {
    operation: route.operation,
    region: auth?.region,
    modelId: route.modelId,
    accessKeyId: auth?.accessKeyId,
    ...(auth?.accessKeyId ? { account: state.accessKeys[auth.accessKeyId]?.account ?? state.account } : {}),
    status: 0,
    at: performance.now(),
    ...(auth ? { auth: auth.bearer !== undefined ? ('bearer' as const) : ('sigv4' as const) } : {})
  }
  calls.push(call)

  if (state.latencyMs > 0) await new Promise(resolve => setTimeout(resolve, state.latencyMs))

  const fault = takeFault(state, route.operation, auth?.region, route.modelId)
  if (fault) {
    if (fault.kind === 'hang') return // never answer: the client's timeout must fire
    if (fault.kind === 'reset') {
      call.status = -1
      const socket = 'stream' in req ? req.stream.session?.socket : req.socket
      if ('stream' in req) req.stream.close(2)
      else socket?.destroy()
      return
    }
    return send(res, call, withProtocolHeaders(route, faultReply(fault, route.protocol)))
  }

  let reply: Reply
  try {
    reply = route.answer(state, { auth, body, url, req })
  } catch (error) {
    reply = jsonError(500, 'InternalServerException', `emulator bug: ${(error as Error).message}`)
  }
  if (reply.status < 300 && route.operation === 'AssumeRoleWithWebIdentity') {
    // The request as tests may read it (role, session name, session policy), without the OIDC token.
    const params = new URLSearchParams(body)
    params.delete('WebIdentityToken')
    call.body = params.toString()
  } else if (reply.status < 300 && route.operation !== 'OidcToken') {
    call.body = body
  }
  call.modeled =
    route.protocol !== 'oidc' &&
    !route.operation.startsWith('GitHub') &&
    route.operation !== 'Unknown' &&
    !reply.offModel
  send(res, call, withProtocolHeaders(route, reply))
}

/**
 * The headers and error shape each protocol puts on every answer: restJson1 answers application/json and names an
 * error's type in x-amzn-errortype; awsJson1_1 (Service Quotas) answers application/x-amz-json-1.1 and names it in
 * the body's __type too (Smithy's protocol specifications); awsQuery is XML already; an event stream is framed.
 */
function withProtocolHeaders(route: Route, reply: Reply): Reply {
  if (route.protocol !== 'json') return reply
  const headers = { ...reply.headers }
  const awsJson = route.operation === 'ListServiceQuotas' || route.operation === 'ListAWSDefaultServiceQuotas'
  if (!Object.keys(headers).some(name => name.toLowerCase() === 'content-type'))
    headers['content-type'] = awsJson ? 'application/x-amz-json-1.1' : 'application/json'
  const type = headers['x-amzn-errortype']
  if (awsJson && type && reply.status >= 300 && typeof reply.body === 'string') {
    try {
      const body = JSON.parse(reply.body) as Record<string, unknown>
      return { ...reply, headers, body: JSON.stringify({ __type: type, ...body }) }
    } catch {
      // a fault's garbage stays garbage
    }
  }
  return { ...reply, headers }
}

function identify(method: string, url: URL, body: string, target: string): Route {
  const path = url.pathname
  if (target.startsWith('ServiceQuotasV20190624.')) {
    const operation = target.slice('ServiceQuotasV20190624.'.length)
    const answer =
      operation === 'ListServiceQuotas'
        ? listServiceQuotas
        : operation === 'ListAWSDefaultServiceQuotas'
          ? listAwsDefaultServiceQuotas
          : () => jsonError(400, 'UnknownOperationException', `No Service Quotas operation ${operation}`)
    return { operation, protocol: 'json', answer: signed(answer, 'json') }
  }
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
  if ((match = /^\/model\/(.+)\/converse-stream$/.exec(path)))
    return json('ConverseStream', invoke('ConverseStream'), decodeURIComponent(match[1]!))
  if ((match = /^\/model\/(.+)\/invoke-with-response-stream$/.exec(path)))
    return json(
      'InvokeModelWithResponseStream',
      invoke('InvokeModelWithResponseStream'),
      decodeURIComponent(match[1]!)
    )
  if (path.startsWith('/foundation-model-availability/')) {
    const id = segment('/foundation-model-availability/')
    return json('GetFoundationModelAvailability', getAvailability(id), id)
  }
  if (path === '/foundation-models') return json('ListFoundationModels', listFoundationModels)
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

function send(res: Res, call: LoggedCall, reply: Reply): void {
  call.status = reply.status
  call.reply = reply
  call.answeredAt = performance.now()
  writeReply(res, reply)
}
