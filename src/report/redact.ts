/** mask-account-id: the account ID replaced by *** everywhere the report reaches (outputs, summary, CLI). */
import type { ProbeOutcome } from '../probe.js'
import type { Report } from '../types.js'

export function redactAccount(outcome: ProbeOutcome): ProbeOutcome {
  const account = outcome.report.identity?.account
  if (!account) return outcome
  const redact = (text: string) => text.split(account).join('***')
  return {
    report: JSON.parse(redact(JSON.stringify(outcome.report))) as Report,
    iamPolicy: redact(outcome.iamPolicy)
  }
}
