/**
 * The Anthropic first-time-use (use-case) form: read from inline JSON or a file, validated in full
 * before any AWS call, serialised to the bytes PutUseCaseForModelAccess takes.
 */
import { readFileSync } from 'node:fs'

export interface UseCaseForm {
  companyName: string
  companyWebsite: string
  intendedUsers: '0' | '1' | '2'
  industryOption: string
  otherIndustryOption: string
  useCases: string
}

/** Field limits from the Bedrock user guide ("Manage model access using SDK and CLI"). */
export const FORM_FIELDS: Record<keyof UseCaseForm, { maxLength: number; required: boolean }> = {
  companyName: { maxLength: 128, required: true },
  companyWebsite: { maxLength: 128, required: true },
  intendedUsers: { maxLength: 1, required: true },
  industryOption: { maxLength: 128, required: true },
  otherIndustryOption: { maxLength: 128, required: false },
  useCases: { maxLength: 8192, required: true }
}

export class UseCaseFormError extends Error {}

/** Accepts inline JSON (starts with `{`) or a path to a JSON file. */
export function loadUseCaseForm(value: string, readFile: (path: string) => string = readUtf8): UseCaseForm {
  const text = value.trim()
  let source = text
  if (!text.startsWith('{')) {
    try {
      source = readFile(text)
    } catch {
      throw new UseCaseFormError(`is neither inline JSON nor a readable file ("${text.slice(0, 80)}")`)
    }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(source)
  } catch (error) {
    throw new UseCaseFormError(`is not valid JSON (${(error as Error).message})`)
  }
  return validateUseCaseForm(parsed)
}

export function validateUseCaseForm(value: unknown): UseCaseForm {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UseCaseFormError('must be a JSON object with the fields ' + Object.keys(FORM_FIELDS).join(', '))
  }
  const record = value as Record<string, unknown>
  const unknownFields = Object.keys(record).filter(key => !(key in FORM_FIELDS))
  if (unknownFields.length > 0) {
    throw new UseCaseFormError(`has unknown field(s) ${unknownFields.join(', ')}`)
  }
  const form: Record<string, string> = {}
  for (const [field, rule] of Object.entries(FORM_FIELDS)) {
    const fieldValue = record[field]
    if (fieldValue === undefined || fieldValue === null) {
      if (rule.required) throw new UseCaseFormError(`is missing the field ${field}`)
      form[field] = ''
      continue
    }
    if (typeof fieldValue !== 'string') throw new UseCaseFormError(`field ${field} must be a string`)
    if (field === 'intendedUsers' && !['0', '1', '2'].includes(fieldValue)) {
      throw new UseCaseFormError('field intendedUsers must be "0" (internal), "1" (external) or "2" (both)')
    }
    if (rule.required && fieldValue.trim() === '') throw new UseCaseFormError(`field ${field} is empty`)
    if (fieldValue.length > rule.maxLength) {
      throw new UseCaseFormError(
        `field ${field} is ${fieldValue.length} characters; the limit is ${rule.maxLength}`
      )
    }
    form[field] = fieldValue
  }
  return form as unknown as UseCaseForm
}

/** JSON bytes; the SDK base64-encodes the blob itself (the CLI wants it pre-encoded). */
export function encodeUseCaseForm(form: UseCaseForm): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(form))
}

function readUtf8(path: string): string {
  return readFileSync(path, 'utf8')
}
