/** mask-account-id: the account ID replaced by *** everywhere the report reaches (outputs, summary, CLI). */
import type { ProbeOutcome, Report } from '../types.js'

export function redact(text: string, account: string): string {
  return text.split(account).join('***')
}

export function redactAccount(outcome: ProbeOutcome): ProbeOutcome {
  const account = outcome.report.identity?.account
  if (!account) return outcome
  return {
    ...outcome,
    report: JSON.parse(redact(JSON.stringify(outcome.report), account)) as Report,
    iamPolicy: redact(outcome.iamPolicy, account)
  }
}
