/**
 * The Anthropic use-case form in words, for every view of the report: where it was looked for (the checked
 * account, or the management account of management-role-to-assume), what was found or submitted in each region,
 * and, when the management role was refused, that refusal as a finding of its own: the management role's, never the
 * member's credentials.
 */
import { CAUSES, isCause } from '../../causes/index.js'
import type { TrustPolicyStatement, UseCaseFormRecord } from '../../types.js'

const STATE_WORDS: Record<UseCaseFormRecord['regions'][number]['state'], string> = {
  'on-file': 'on file',
  submitted: 'submitted by this run',
  missing: 'not on file',
  unknown: 'could not be read'
}

/** "the management account 999988887777" or "this account (111122223333)". */
export function formPlace(record: UseCaseFormRecord): string {
  return record.via === 'management-role'
    ? `the management account${record.account ? ` ${record.account}` : ''}`
    : `this account${record.account ? ` (${record.account})` : ''}`
}

/**
 * One sentence: "Anthropic use-case form, in the management account 999988887777: on file in us-east-1;
 * submitted by this run in eu-west-1". Undefined when the management role was refused (a finding says so) or no
 * region was read.
 */
export function formLine(record: UseCaseFormRecord): string | undefined {
  if (record.regions.length === 0) return undefined
  const byState = new Map<string, string[]>()
  for (const { region, state } of record.regions)
    byState.set(STATE_WORDS[state], [...(byState.get(STATE_WORDS[state]) ?? []), region])
  const parts = [...byState.entries()].map(([words, regions]) => `${words} in ${regions.join(', ')}`)
  const inherited =
    record.via === 'management-role' && record.regions.some(region => region.state === 'missing')
      ? ' (member accounts inherit none from it there)'
      : ''
  return `Anthropic use-case form, in ${formPlace(record)}: ${parts.join('; ')}${inherited}`
}

export interface ManagementRefusal {
  title: string
  roleArn: string
  detail: string
  fix?: string
  trustPolicy?: TrustPolicyStatement
}

/** The refused management role, as a finding: its cause's title, what STS said, the fix and the trust statement. */
export function managementRefusal(record: UseCaseFormRecord | undefined): ManagementRefusal | undefined {
  const gate = record?.credentials
  if (!record?.roleArn || !gate || gate.status !== 'fail') return undefined
  const words = gate.cause && isCause(gate.cause) ? CAUSES[gate.cause].title : 'refused'
  return {
    title: `Management role closed: ${words}`,
    roleArn: record.roleArn,
    detail: gate.detail,
    ...(gate.fix ? { fix: gate.fix } : {}),
    ...(gate.hints?.trustPolicy ? { trustPolicy: gate.hints.trustPolicy } : {})
  }
}

/** How the form's free text is shown: the use cases may be 8,192 characters; the summary shows their start. */
const FIELD_SHOWN = 300

/** The form's fields as the report shows them, with the heading that says whether they were sent. */
export function formFields(
  record: UseCaseFormRecord | undefined
): { heading: string; fields: { name: string; value: string }[] } | undefined {
  if (!record?.form) return undefined
  const heading = record.form.submitted
    ? `The use-case form this run submitted, in ${formPlace(record)}`
    : `The use-case form create-agreement: true would submit, in ${formPlace(record)}`
  return {
    heading,
    fields: record.form.fields.map(({ name, value }) => ({
      name,
      value: value.length > FIELD_SHOWN ? `${value.slice(0, FIELD_SHOWN)}…` : value
    }))
  }
}
