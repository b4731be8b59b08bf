import { beforeEach, describe, expect, it } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import {
  BedrockClient,
  CreateFoundationModelAgreementCommand,
  GetFoundationModelAvailabilityCommand,
  GetUseCaseForModelAccessCommand,
  ListFoundationModelAgreementOffersCommand,
  PutUseCaseForModelAccessCommand,
  AccessDeniedException,
  ResourceNotFoundException
} from '@aws-sdk/client-bedrock'
import { GOOD_FORM } from '../../__fixtures__/forms.js'
import { AwsClients } from '../../src/aws/clients.js'
import {
  Bootstrapper,
  POLL_SCHEDULE_MS,
  retryWhileTransient,
  transientRefusal,
  waitUntilLive
} from '../../src/run/bootstrap.js'
import { keepUseCaseForm } from '../../src/run/use-case-form.js'
import type { Clock } from '../../src/support/clock.js'
import type { Read } from '../../src/evidence.js'
import type { Availability, AgreementState, CallsOutcome } from '../../src/evidence.js'
import { validateUseCaseForm } from '../../src/inputs/use-case-form.js'

/** A clock whose sleep advances time instantly, recording every sleep. */
function fakeClock(): Clock & { sleeps: number[] } {
  let now = 0
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => now,
    sleep: async ms => {
      sleeps.push(ms)
      now += ms
    }
  }
}

const log = { info: () => undefined, warning: () => undefined }
const available = (agreement: AgreementState): Read<Availability> => ({
  state: 'ok',
  value: { agreement, authorized: true }
})

describe('waitUntilLive', () => {
  it('polls with backoff until the agreement is AVAILABLE', async () => {
    const clock = fakeClock()
    const answers = ['pending', 'pending', 'pending', 'live'] as AgreementState[]
    const seen: string[] = []
    const outcome = await waitUntilLive(
      async () => available(answers.shift()!),
      900,
      clock,
      status => seen.push(status)
    )
    expect(outcome.timedOut).toBeUndefined()
    expect(clock.sleeps).toEqual(POLL_SCHEDULE_MS.slice(0, 3))
    expect(outcome.waitedSeconds).toBe(7)
    expect(seen[0]).toMatch(/^agreement pending/)
  })

  it('stops at the deadline with what it last saw', async () => {
    const clock = fakeClock()
    const outcome = await waitUntilLive(
      async () => available('pending'),
      60,
      clock,
      () => undefined
    )
    expect(outcome.timedOut).toMatch(/agreement pending/)
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(60_000)
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(30_000)
  })

  it('stops at once on ERROR', async () => {
    const clock = fakeClock()
    const outcome = await waitUntilLive(
      async () => ({ state: 'ok', value: { agreement: 'error', agreementError: 'payment' } }),
      900,
      clock,
      () => undefined
    )
    expect(clock.sleeps).toEqual([])
    expect(outcome.availability.state === 'ok' && outcome.availability.value.agreementError).toBe('payment')
  })

  it('waits for the authorization too (the use-case form takes effect)', async () => {
    const clock = fakeClock()
    const answers: Read<Availability>[] = [
      { state: 'ok', value: { agreement: 'live', authorized: false } },
      { state: 'ok', value: { agreement: 'live', authorized: true } }
    ]
    const outcome = await waitUntilLive(
      async () => answers.shift()!,
      900,
      clock,
      () => undefined
    )
    expect(outcome.timedOut).toBeUndefined()
    expect(clock.sleeps).toHaveLength(1)
  })
})

/** The calls of one check, the Converse call refused with `name` / `message` or answered. */
const refused = (name: string, message: string): CallsOutcome => ({
  state: 'made',
  outcomes: [
    {
      state: 'failed',
      call: 'converse',
      failure: { kind: 'service', name, message, httpStatus: 403 }
    }
  ]
})
const answered: CallsOutcome = { state: 'made', outcomes: [{ state: 'ok', call: 'converse' }] }
const IN_PROGRESS = refused(
  'AccessDeniedException',
  'Your account is not authorized to access this model. Your AWS Marketplace subscription for this model is still being processed.'
)

describe('a call refused while the Marketplace subscription is still being processed', () => {
  it('is transient by its code and by its words; a refusal for good is not', () => {
    expect(transientRefusal(IN_PROGRESS)).toMatch(/still being processed/)
    expect(transientRefusal(refused('MPAgreementBeingCreated', 'Access denied.'))).toMatch(
      /still being processed/
    )
    expect(transientRefusal(refused('BadCScoreException', 'Access denied.'))).toBeUndefined()
    expect(
      transientRefusal(
        refused('AccessDeniedException', 'Your account is not authorized to access this model.')
      )
    ).toBeUndefined()
    expect(transientRefusal(answered)).toBeUndefined()
  })

  it('is called again on the poll schedule until AWS answers otherwise', async () => {
    const clock = fakeClock()
    const answers = [IN_PROGRESS, IN_PROGRESS, answered]
    const seen: string[] = []
    const calls = await retryWhileTransient(
      IN_PROGRESS,
      async () => answers.shift()!,
      900,
      clock,
      status => seen.push(status)
    )
    expect(calls).toBe(answered)
    expect(clock.sleeps).toEqual(POLL_SCHEDULE_MS.slice(0, 3))
    expect(seen[0]).toMatch(/still being processed; calling again in 1 s/)
  })

  it('stops at the deadline with the last refusal, which stays pending', async () => {
    const clock = fakeClock()
    let again = 0
    const calls = await retryWhileTransient(
      IN_PROGRESS,
      async () => {
        again++
        return IN_PROGRESS
      },
      60,
      clock,
      () => undefined
    )
    expect(calls).toBe(IN_PROGRESS)
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(60_000)
    expect(again).toBe(clock.sleeps.length)
  })

  it('Bootstrapper: no wait asked (wait-timeout-seconds: 0), or none left after the agreement wait: no call again', async () => {
    const clients = new AwsClients({ requestTimeoutMs: 1000 })
    const callAgain = async (): Promise<CallsOutcome> => {
      throw new Error('must not call again')
    }
    const clock = fakeClock()
    await expect(
      new Bootstrapper(clients, clock, log, 0).waitOutTransientRefusals(
        'us-east-1',
        'm',
        IN_PROGRESS,
        callAgain
      )
    ).resolves.toBe(IN_PROGRESS)
    await expect(
      new Bootstrapper(clients, clock, log, 60).waitOutTransientRefusals(
        'us-east-1',
        'm',
        IN_PROGRESS,
        callAgain,
        60
      )
    ).resolves.toBe(IN_PROGRESS)
    expect(clock.sleeps).toEqual([])
  })
})

describe('Bootstrapper', () => {
  const bedrock = mockClient(BedrockClient)
  let clients: AwsClients

  beforeEach(() => {
    bedrock.reset()
    clients = new AwsClients({
      requestTimeoutMs: 1000,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
    })
  })
  const member = () => ({ clients, via: 'caller' as const, account: '111122223333' })
  /** The form in the checked account, for these regions, with this form and this consent to change it. */
  const keep = (
    regions: string[],
    form: ReturnType<typeof validateUseCaseForm> | undefined,
    mayChangeTheAccount: boolean
  ) => keepUseCaseForm(member(), regions, { form, mayChangeTheAccount }, log)
  const MANAGEMENT_ROLE = 'arn:aws:iam::999988887777:role/bedrock-use-case-form'

  it('submits the form once, where none is on file, and records the change', async () => {
    let onFile = false
    bedrock.on(GetUseCaseForModelAccessCommand).callsFake(async () => {
      if (!onFile) throw new ResourceNotFoundException({ message: 'none', $metadata: {} })
      return { formData: new Uint8Array([1]) }
    })
    bedrock.on(PutUseCaseForModelAccessCommand).callsFake(async () => {
      onFile = true
      return {}
    })
    const form = await keep(['us-east-1', 'us-west-2'], validateUseCaseForm(GOOD_FORM), true)
    expect(bedrock.commandCalls(PutUseCaseForModelAccessCommand)).toHaveLength(1)
    expect(form.changes).toEqual([
      { action: 'use-case-form-submitted', region: 'us-east-1', account: '111122223333' }
    ])
    expect(form.states.get('us-west-2')).toEqual({ state: 'on-file' })
    expect(form.record).toEqual({
      via: 'caller',
      account: '111122223333',
      regions: [
        { region: 'us-east-1', state: 'submitted' },
        { region: 'us-west-2', state: 'on-file' }
      ],
      // What it sent, for the report: every field given, none empty.
      form: {
        submitted: true,
        fields: Object.entries(GOOD_FORM)
          .filter(([, value]) => value !== '')
          .map(([name, value]) => ({ name, value }))
      }
    })
    const sent = bedrock.commandCalls(PutUseCaseForModelAccessCommand)[0]!.args[0].input.formData!
    expect(JSON.parse(new TextDecoder().decode(sent))).toEqual(GOOD_FORM)
  })

  it('changes nothing when a form is on file', async () => {
    bedrock.on(GetUseCaseForModelAccessCommand).resolves({ formData: new Uint8Array([1]) })
    const form = await keep(['us-east-1'], validateUseCaseForm(GOOD_FORM), true)
    expect(bedrock.commandCalls(PutUseCaseForModelAccessCommand)).toHaveLength(0)
    expect(form.changes).toEqual([])
  })

  it('never submits when the run may not change the account, even with a form given', async () => {
    bedrock
      .on(GetUseCaseForModelAccessCommand)
      .rejects(new ResourceNotFoundException({ message: 'none', $metadata: {} }))
    const form = await keep(['us-east-1'], validateUseCaseForm(GOOD_FORM), false)
    expect(form.states.get('us-east-1')).toEqual({ state: 'missing' })
    expect(bedrock.commandCalls(PutUseCaseForModelAccessCommand)).toHaveLength(0)
  })

  it('names the management account in the record and in each change it made there', async () => {
    bedrock
      .on(GetUseCaseForModelAccessCommand)
      .rejectsOnce(new ResourceNotFoundException({ message: 'none', $metadata: {} }))
      .resolves({ formData: new Uint8Array([1]) })
    bedrock.on(PutUseCaseForModelAccessCommand).resolves({})
    const form = await keepUseCaseForm(
      { clients, via: 'management-role', account: '999988887777', roleArn: MANAGEMENT_ROLE },
      ['us-east-1'],
      { form: validateUseCaseForm(GOOD_FORM), mayChangeTheAccount: true },
      log
    )
    expect(form.changes).toEqual([
      { action: 'use-case-form-submitted', region: 'us-east-1', account: '999988887777' }
    ])
    expect(form.record).toMatchObject({
      via: 'management-role',
      account: '999988887777',
      roleArn: MANAGEMENT_ROLE
    })
  })

  it('records a missing form when none was given, and submits nothing', async () => {
    bedrock
      .on(GetUseCaseForModelAccessCommand)
      .rejects(new ResourceNotFoundException({ message: 'none', $metadata: {} }))
    const form = await keep(['us-east-1'], undefined, true)
    expect(form.states.get('us-east-1')).toEqual({ state: 'missing' })
    expect(bedrock.commandCalls(PutUseCaseForModelAccessCommand)).toHaveLength(0)
  })

  it('does not submit blindly when the form cannot be read', async () => {
    bedrock
      .on(GetUseCaseForModelAccessCommand)
      .rejects(new AccessDeniedException({ message: 'no', $metadata: {} }))
    const form = await keep(['us-east-1'], validateUseCaseForm(GOOD_FORM), true)
    expect(bedrock.commandCalls(PutUseCaseForModelAccessCommand)).toHaveLength(0)
    expect(form.states.get('us-east-1')?.state).toBe('unknown')
  })

  it('creates one agreement per model even when several checks ask at once', async () => {
    let status = 'NOT_AVAILABLE'
    bedrock
      .on(ListFoundationModelAgreementOffersCommand)
      .resolves({ modelId: 'm', offers: [{ offerId: 'o-1', offerToken: 't-1', termDetails: undefined }] })
    bedrock.on(CreateFoundationModelAgreementCommand).callsFake(async () => {
      status = 'PENDING'
      return { modelId: 'anthropic.x-1' }
    })
    bedrock
      .on(GetFoundationModelAvailabilityCommand)
      .callsFake(async () => ({ agreementAvailability: { status } }))
    const bootstrapper = new Bootstrapper(clients, fakeClock(), log, 0)
    const outcomes = await Promise.all([
      bootstrapper.ensureAgreement('us-east-1', 'anthropic.x-1'),
      bootstrapper.ensureAgreement('us-west-2', 'anthropic.x-1'),
      bootstrapper.ensureAgreement('eu-west-1', 'anthropic.x-1')
    ])
    expect(bedrock.commandCalls(CreateFoundationModelAgreementCommand)).toHaveLength(1)
    expect(bedrock.commandCalls(CreateFoundationModelAgreementCommand)[0]!.args[0].input).toEqual({
      modelId: 'anthropic.x-1',
      offerToken: 't-1'
    })
    expect(outcomes.filter(outcome => outcome.created)).toHaveLength(1)
    expect(bootstrapper.changes).toEqual([
      { action: 'agreement-created', region: 'us-east-1', model: 'anthropic.x-1', offerId: 'o-1' }
    ])
  })

  it('reports a Marketplace refusal instead of throwing', async () => {
    bedrock
      .on(ListFoundationModelAgreementOffersCommand)
      .resolves({ offers: [{ offerToken: 't', termDetails: undefined }] })
    bedrock.on(CreateFoundationModelAgreementCommand).rejects(
      new AccessDeniedException({
        message: 'is not authorized to perform: aws-marketplace:Subscribe on resource: *',
        $metadata: { httpStatusCode: 403 }
      })
    )
    const outcome = await new Bootstrapper(clients, fakeClock(), log, 0).ensureAgreement(
      'us-east-1',
      'cohere.x-1'
    )
    expect(outcome.created).toBe(false)
    expect(outcome.failure?.name).toBe('AccessDeniedException')
  })

  it('reports a model without a public offer', async () => {
    bedrock.on(ListFoundationModelAgreementOffersCommand).resolves({ offers: [] })
    const outcome = await new Bootstrapper(clients, fakeClock(), log, 0).ensureAgreement(
      'us-east-1',
      'cohere.x-1'
    )
    expect(outcome).toEqual({ created: false, noOffer: true })
    expect(bedrock.commandCalls(CreateFoundationModelAgreementCommand)).toHaveLength(0)
  })
})
