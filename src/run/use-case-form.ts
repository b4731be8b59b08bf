/**
 * The Anthropic use-case form, once for the run, before the checks: read in each region an Anthropic model is
 * probed in, where it lives (the checked account, or with management-role-to-assume the Organizations management
 * account, whose form member accounts inherit), and with create-agreement submitted there when none is on file.
 * Every write is preceded by the read that says it is needed; the member never submits a form while a management
 * role is given. Whether a member's own read shows an inherited form is not documented, so it is not relied on.
 */
import { putUseCase, readUseCaseOnFile } from '../aws/control-plane.js'
import type { AwsClients } from '../aws/clients.js'
import type { AwsFailure } from '../evidence.js'
import { encodeUseCaseForm, type UseCaseForm } from '../inputs/use-case-form.js'
import type { Logger } from '../support/logger.js'
import type { AccountChange, UseCaseFormRecord } from '../types.js'

export type FormState =
  | { state: 'on-file' }
  | { state: 'submitted' }
  | { state: 'missing' }
  | { state: 'unknown'; failure: AwsFailure }

/** Where the form is read and written: the clients of that account's session, and which account it is. */
export interface FormPlace {
  clients: AwsClients
  via: UseCaseFormRecord['via']
  account?: string
  roleArn?: string
}

export interface FormOutcome {
  states: Map<string, FormState>
  changes: AccountChange[]
  record: UseCaseFormRecord
}

/**
 * Read the form in each region, and submit it where it is missing when the run may change the account and a form
 * was given. Serial on purpose: a submission usually covers every commercial region, and the next region's read
 * then sees it instead of submitting again.
 */
export async function keepUseCaseForm(
  place: FormPlace,
  regions: string[],
  submit: { form: UseCaseForm | undefined; mayChangeTheAccount: boolean },
  log: Logger
): Promise<FormOutcome> {
  const states = new Map<string, FormState>()
  const changes: AccountChange[] = []
  const where =
    place.via === 'management-role'
      ? `the management account${place.account ? ` ${place.account}` : ''}`
      : 'this account'
  for (const region of regions) {
    const state = await formIn(place, region, submit, log, where)
    states.set(region, state)
    if (state.state === 'submitted')
      changes.push({
        action: 'use-case-form-submitted',
        region,
        ...(place.account ? { account: place.account } : {})
      })
  }
  return {
    states,
    changes,
    record: {
      via: place.via,
      ...(place.account ? { account: place.account } : {}),
      ...(place.roleArn ? { roleArn: place.roleArn } : {}),
      regions: [...states.entries()].map(([region, state]) => ({
        region,
        state: state.state,
        ...(state.state === 'unknown' ? { detail: `${state.failure.name}: ${state.failure.message}` } : {})
      })),
      ...formShown(submit.form, [...states.values()])
    }
  }
}

/** The form's fields, where the run submitted it or a region lacks it: what was, or would be, sent. */
function formShown(form: UseCaseForm | undefined, states: FormState[]): Pick<UseCaseFormRecord, 'form'> {
  if (!form) return {}
  const submitted = states.some(state => state.state === 'submitted')
  if (!submitted && !states.some(state => state.state === 'missing')) return {}
  const fields = Object.entries(form)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => ({ name, value: String(value) }))
  return { form: { submitted, fields } }
}

async function formIn(
  place: FormPlace,
  region: string,
  { form, mayChangeTheAccount }: { form: UseCaseForm | undefined; mayChangeTheAccount: boolean },
  log: Logger,
  where: string
): Promise<FormState> {
  const onFile = await readUseCaseOnFile(place.clients, region)
  if (onFile.state === 'ok' && onFile.value) return { state: 'on-file' }
  if (onFile.state !== 'ok') {
    const failure =
      'failure' in onFile ? onFile.failure : { kind: 'fault' as const, name: 'Unknown', message: 'not read' }
    log.warning(
      `Could not read the use-case form in ${where}, ${region} (${failure.message}); not submitting it blindly.`
    )
    return { state: 'unknown', failure }
  }
  if (!form || !mayChangeTheAccount) return { state: 'missing' }
  const put = await putUseCase(place.clients, region, encodeUseCaseForm(form))
  if (!put.ok) {
    log.warning(
      `Submitting the use-case form in ${where}, ${region} failed: ${put.failure.name}: ${put.failure.message}`
    )
    return { state: 'unknown', failure: put.failure }
  }
  log.info(`Submitted the Anthropic use-case form in ${where}, ${region}.`)
  return { state: 'submitted' }
}
