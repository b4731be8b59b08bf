/**
 * Errors inside an event stream, as AWS sends them: every exception the runtime's model defines for
 * ConverseStream and InvokeModelWithResponseStream is read by its type; an unmodeled error frame, and a frame no
 * model defines, are faults (inconclusive), never a closed gate and never a pass.
 */
import { describe, expect, it } from '@jest/globals'
import { openAccount } from '../../emulator/state.js'
import { emulatorPerTest, gateOf } from './harness.js'

const { probe } = emulatorPerTest()
const SONNET = 'us.anthropic.claude-sonnet-4-6'

async function brokenStream(
  call: string,
  exception: string,
  message: string,
  messageType?: string,
  offModel = false
) {
  const state = openAccount()
  state.streamBreak = {
    exception,
    message,
    ...(messageType ? { messageType } : {}),
    ...(offModel ? { offModel } : {})
  }
  const run = await probe(state, { models: SONNET, regions: 'us-east-1', calls: call, 'fail-on': 'never' })
  return {
    run,
    iam: gateOf(run, SONNET, 'us-east-1', 'iam-permission'),
    capacity: gateOf(run, SONNET, 'us-east-1', 'capacity')
  }
}

describe('a stream that breaks off with an exception its model defines is read by its type', () => {
  it.each([
    ['converse-stream', 'internalServerException', 'InternalServerException'],
    ['converse-stream', 'serviceUnavailableException', 'ServiceUnavailableException'],
    ['invoke-stream', 'serviceUnavailableException', 'ServiceUnavailableException'],
    ['converse-stream', 'modelStreamErrorException', 'ModelStreamErrorException'],
    ['invoke-stream', 'modelTimeoutException', 'ModelTimeoutException'],
    ['converse-stream', 'validationException', 'ValidationException']
  ])('%s, %s: never a pass, never an IAM refusal', async (call, member, type) => {
    const { run, iam } = await brokenStream(call, member, 'The stream failed.')
    expect(run.outputs.result).not.toBe('pass')
    expect(iam.status).not.toBe('fail')
    expect(iam.detail).toContain(type)
    expect(run.outputs['iam-policy']).toBe('')
  })

  it.each(['converse-stream', 'invoke-stream'])(
    '%s: throttling inside the stream is capacity, after the request was authorized (as a throttled call is)',
    async call => {
      const { run, capacity, iam } = await brokenStream(
        call,
        'throttlingException',
        'Too many tokens, please wait before trying again.'
      )
      expect(capacity).toMatchObject({ status: 'warn', cause: 'throttled' })
      expect(capacity.detail).toContain('throttled after retries (the stream broke off: Too many tokens')
      expect(iam.status).not.toBe('fail')
      expect(run.outputs['iam-policy']).toBe('')
    }
  )

  it('the service faults inside the stream are faults: inconclusive', async () => {
    for (const member of ['internalServerException', 'serviceUnavailableException']) {
      const { run } = await brokenStream('converse-stream', member, 'We encountered an internal error.')
      expect(run.outputs.result).toBe('inconclusive')
    }
  })
})

describe('frames no model defines are faults', () => {
  it('an unmodeled error frame (:message-type error): inconclusive, named, no IAM advice', async () => {
    const { run, iam } = await brokenStream('converse-stream', 'InternalFailure', 'boom', 'error')
    expect(run.outputs.result).toBe('inconclusive')
    expect(iam.status).toBe('warn')
    expect(iam.detail).toContain('InternalFailure')
    expect(run.outputs['iam-policy']).toBe('')
  })

  it('an exception another stream defines (ModelTimeoutException is InvokeModelWithResponseStream’s): a fault', async () => {
    const { run, iam } = await brokenStream('converse-stream', 'modelTimeoutException', 'x', undefined, true)
    expect(run.outputs.result).toBe('inconclusive')
    expect(iam.status).not.toBe('fail')
    expect(run.outputs['iam-policy']).toBe('')
  })

  it('a :message-type no model defines: a fault, never a refusal', async () => {
    const { run, iam } = await brokenStream('invoke-stream', 'whatever', 'weird', 'surprise', true)
    expect(run.outputs.result).toBe('inconclusive')
    expect(iam.status).toBe('warn')
    expect(run.outputs['iam-policy']).toBe('')
  })
})
