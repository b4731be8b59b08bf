import { describe, expect, it } from '@jest/globals'
import {
  AccessDeniedException,
  InternalServerException,
  ModelErrorException,
  ModelNotReadyException,
  ModelStreamErrorException,
  ModelTimeoutException,
  ThrottlingException
} from '@aws-sdk/client-bedrock-runtime'
import { attempt, describeAwsError, isAccessDenied, isNotFound } from '../../../src/aws/failure.js'

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } })

describe('describeAwsError', () => {
  it('keeps a service answer as a service failure with its name and message', () => {
    const error = new AccessDeniedException({ message: 'no', ...meta(403) })
    expect(describeAwsError(error)).toEqual({
      kind: 'service',
      name: 'AccessDeniedException',
      message: 'no',
      httpStatus: 403
    })
    expect(isAccessDenied(describeAwsError(error))).toBe(true)
  })

  it('reads throttling as throttled, never as a service verdict', () => {
    const error = new ThrottlingException({
      message: 'Too many requests, please wait before trying again.',
      ...meta(429)
    })
    expect(describeAwsError(error).kind).toBe('throttled')
  })

  it.each([
    [
      'ModelNotReadyException',
      () =>
        new ModelNotReadyException({
          message: 'Model is not ready for inference. Wait and try your request again.',
          ...meta(429)
        })
    ],
    [
      'ModelErrorException',
      () => new ModelErrorException({ message: 'The model failed to process the request.', ...meta(424) })
    ],
    [
      'ModelStreamErrorException',
      () =>
        new ModelStreamErrorException({
          message: 'An error occurred while streaming the response. Retry your request.',
          ...meta(424)
        })
    ],
    ['ModelTimeoutException', () => new ModelTimeoutException({ message: 'Model timed out.', ...meta(408) })]
  ])(
    'reads %s as the model failing after authorization: a fault, never throttling or a refusal',
    (name, make) => {
      const failure = describeAwsError(make())
      expect(failure).toMatchObject({ kind: 'fault', fault: 'model', name })
      expect(failure.message).toContain(`after the request was authorized (${name})`)
    }
  )

  it('never repeats a credential AWS echoed back in its message', () => {
    const key = 'ABSKQmVkcm9ja0FQSUtleS1hYmNkLWF0LTExMTEyMjIyMzMzMzpzZWNyZXQ='
    const failure = describeAwsError(
      Object.assign(
        new Error(
          `Authorization header requires 'Credential' parameter. Authorization=Bearer ${key} ` +
            'X-Amz-Signature=0123456789abcdef0123456789abcdef X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr%2F'
        ),
        { name: 'IncompleteSignatureException', ...meta(403) }
      )
    )
    expect(failure.kind).toBe('service')
    expect(failure.message).toContain("Authorization header requires 'Credential' parameter")
    for (const secret of [key, '0123456789abcdef0123456789abcdef', 'IQoJb3JpZ2luX2VjEJr'])
      expect(failure.message).not.toContain(secret)
    expect(failure.message).toContain('Authorization=[redacted]')
  })

  it('reads 5xx as a fault', () => {
    const error = new InternalServerException({ message: 'boom', ...meta(500) })
    expect(describeAwsError(error).kind).toBe('fault')
  })

  it('reads timeouts and aborts as timed out', () => {
    for (const name of ['TimeoutError', 'AbortError']) {
      const failure = describeAwsError(Object.assign(new Error('The operation was aborted'), { name }))
      expect(failure.kind).toBe('timeout')
      expect(failure.message).toMatch(/^timed out/)
    }
  })

  it('reads broken connections as faults', () => {
    const failure = describeAwsError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    expect(failure.kind).toBe('fault')
    expect(failure.message).toContain('ECONNRESET')
  })

  it('reads unparseable 2xx answers as faults', () => {
    const failure = describeAwsError(
      Object.assign(new SyntaxError('Unexpected token h in JSON at position 0'), meta(200))
    )
    expect(failure).toMatchObject({ kind: 'fault', name: 'MalformedResponse' })
  })

  it('makes hostile messages one line', () => {
    const failure = describeAwsError(
      Object.assign(new Error('line one\n::error::forged\r\nthree'), {
        name: 'AccessDeniedException',
        $fault: 'client'
      })
    )
    expect(failure.message).toBe('line one ::error::forged three')
  })

  it('recognises not-found answers', () => {
    expect(isNotFound({ kind: 'service', name: 'ResourceNotFoundException', message: '' })).toBe(true)
    expect(isNotFound({ kind: 'fault', name: 'ResourceNotFoundException', message: '' })).toBe(false)
    // GetFoundationModel's answer for an ID the region does not hold, as users quote it.
    expect(
      isNotFound({
        kind: 'service',
        name: 'ValidationException',
        message: 'Could not find model with identifier anthropic.claude-3-5-sonnet-20241022-v2:0'
      })
    ).toBe(true)
    expect(
      isNotFound({ kind: 'service', name: 'ValidationException', message: 'Malformed input request' })
    ).toBe(false)
  })

  it('attempt never throws', async () => {
    const outcome = await attempt(async () => {
      throw new Error('anything')
    })
    expect(outcome.ok).toBe(false)
    expect(await attempt(async () => 7)).toEqual({ ok: true, value: 7 })
  })
})

describe('faults name their cause', () => {
  it('an HTML page in place of an AWS answer is "not from AWS", whatever its status', () => {
    const blocked = Object.assign(new Error('Unknown'), {
      name: 'Unknown',
      $fault: 'client',
      $metadata: { httpStatusCode: 403 },
      $response: { headers: { 'content-type': 'text/html; charset=utf-8' } }
    })
    expect(describeAwsError(blocked)).toMatchObject({
      kind: 'fault',
      fault: 'not-aws',
      message: 'the answer did not come from AWS (HTTP 403, text/html)'
    })
  })

  it.each([
    ['ECONNREFUSED', 'unreachable'],
    ['ENOTFOUND', 'unreachable'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'tls'],
    ['ECONNRESET', 'reset']
  ])('%s is a %s fault', (code, fault) => {
    expect(describeAwsError(Object.assign(new Error(`connect ${code}`), { code }))).toMatchObject({
      kind: 'fault',
      fault
    })
  })

  it('a 5xx from AWS is a server fault', () => {
    const error = new InternalServerException({ message: 'oops', ...meta(500) })
    expect(describeAwsError(error)).toMatchObject({ kind: 'fault', fault: 'server' })
  })
})

describe('an endpoint that does not exist because its region does not', () => {
  const notFound = (host: string) =>
    Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host })

  it('names the region the SDK does not know, and the known region one edit away', () => {
    const failure = describeAwsError(notFound('bedrock-runtime.eu-centrl-1.amazonaws.com'))
    expect(failure).toMatchObject({
      kind: 'fault',
      fault: 'unknown-region',
      unknownRegion: { region: 'eu-centrl-1', nearest: ['eu-central-1'] }
    })
    expect(failure.message).toContain(
      'eu-centrl-1 is not a region this AWS SDK knows (did you mean eu-central-1?)'
    )
    // Two known regions one edit away: both are named.
    const ambiguous = describeAwsError(notFound('sts.us-est-1.amazonaws.com'))
    expect(ambiguous.unknownRegion).toEqual({ region: 'us-est-1', nearest: ['us-east-1', 'us-west-1'] })
    expect(ambiguous.message).toContain('(did you mean us-east-1 or us-west-1?)')
  })

  it('names no nearest region when none is one edit away', () => {
    expect(describeAwsError(notFound('bedrock.zz-nowhere-9.amazonaws.com'))).toMatchObject({
      fault: 'unknown-region',
      unknownRegion: { region: 'zz-nowhere-9', nearest: [] }
    })
  })

  it("a known region that does not resolve is this runner's DNS, and other hosts are not regions", () => {
    expect(describeAwsError(notFound('bedrock.eu-central-1.amazonaws.com')).fault).toBe('unreachable')
    expect(describeAwsError(notFound('proxy.corp.example')).fault).toBe('unreachable')
    expect(describeAwsError(notFound('eu-centrl-1.example.com')).fault).toBe('unreachable')
    // A temporary DNS failure says nothing about the name.
    const again = Object.assign(new Error('getaddrinfo EAI_AGAIN bedrock.eu-centrl-1.amazonaws.com'), {
      code: 'EAI_AGAIN'
    })
    expect(describeAwsError(again).fault).toBe('unreachable')
  })
})

describe('wrapped connection errors', () => {
  it("reads the code of the HTTP/2 handler's wrapped socket error", () => {
    const wrapped = new Error(
      'The pending stream has been canceled (caused by: connect ECONNREFUSED 127.0.0.1:1)'
    )
    expect(describeAwsError(wrapped)).toMatchObject({ kind: 'fault', fault: 'unreachable' })
    const withCause = Object.assign(new Error('stream canceled'), { cause: { code: 'ENOTFOUND' } })
    expect(describeAwsError(withCause)).toMatchObject({ kind: 'fault', fault: 'unreachable' })
  })
})
