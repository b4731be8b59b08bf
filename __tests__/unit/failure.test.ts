import { describe, expect, it } from '@jest/globals'
import {
  AccessDeniedException,
  ThrottlingException,
  InternalServerException
} from '@aws-sdk/client-bedrock-runtime'
import { attempt, describeAwsError, isAccessDenied, isNotFound } from '../../src/aws/failure.js'

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
  })

  it('attempt never throws', async () => {
    const outcome = await attempt(async () => {
      throw new Error('anything')
    })
    expect(outcome.ok).toBe(false)
    expect(await attempt(async () => 7)).toEqual({ ok: true, value: 7 })
  })
})
