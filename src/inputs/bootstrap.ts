/** Whether the run may change the account (create-agreement), with the use-case form and how long to wait. */
import { loadUseCaseForm, UseCaseFormError, type UseCaseForm } from './use-case-form.js'
import { InputError, parseBoolean, parseInteger } from './values.js'

/** A bootstrap run waits this long for new access to settle unless told otherwise (AWS: up to 15 minutes). */
export const DEFAULT_BOOTSTRAP_WAIT_SECONDS = 900

export interface BootstrapInputs {
  createAgreement: boolean
  useCaseForm?: UseCaseForm
  /** undefined: decided at run time (DEFAULT_BOOTSTRAP_WAIT_SECONDS in bootstrap mode, else 0). */
  waitTimeoutSeconds?: number
}

export function readBootstrap(get: (name: string) => string): BootstrapInputs {
  const formText = get('use-case-form')
  let useCaseForm: UseCaseForm | undefined
  if (formText !== '') {
    try {
      useCaseForm = loadUseCaseForm(formText)
    } catch (error) {
      if (!(error instanceof UseCaseFormError)) throw error
      throw new InputError(
        'use-case-form',
        error.message,
        'Give JSON with companyName, companyWebsite, intendedUsers ("0", "1" or "2"), industryOption, otherIndustryOption and useCases, inline or as a file path.'
      )
    }
  }
  const waitText = get('wait-timeout-seconds')
  return {
    createAgreement: parseBoolean('create-agreement', get('create-agreement')),
    ...(useCaseForm ? { useCaseForm } : {}),
    ...(waitText === ''
      ? {}
      : { waitTimeoutSeconds: parseInteger('wait-timeout-seconds', waitText, 0, 3600) })
  }
}
