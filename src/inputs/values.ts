/**
 * The parts every input is read with: the refusal that names the input and its fix, and the parsers of its
 * shapes (lists, booleans, whole numbers). A front end says an input's name its own way: the action as
 * `Input "regions"`, the CLI as `--regions`.
 */

export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly problem: string,
    readonly fix: string
  ) {
    super(`Input "${input}" ${problem}. ${fix}`)
    this.name = 'InputError'
  }

  /** The refusal with the input named as the front end names it (`--regions` on a command line). */
  as(name: (input: string) => string): string {
    return `${name(this.input)} ${this.problem}. ${this.fix}`
  }
}

/** How a front end hands the inputs over: by name, '' when not given. */
export type InputReader = (name: string) => string

/** Split a list input on newlines and commas; blank entries are dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map(item => item.trim())
    .filter(item => item.length > 0)
}

export function parseBoolean(name: string, value: string): boolean {
  const normalized = value.trim()
  if (['true', 'True', 'TRUE'].includes(normalized)) return true
  if (['false', 'False', 'FALSE'].includes(normalized)) return false
  throw new InputError(
    name,
    `is "${printable(normalized.slice(0, 40))}", not a boolean`,
    'Use true or false.'
  )
}

/** One of a fixed set of words (fail-on, open-issue); empty is the default. */
export function parseChoice<T extends string>(
  name: string,
  text: string,
  choices: readonly T[],
  fallback: T,
  fix: string
): T {
  const value = text.trim() || fallback
  if (!(choices as readonly string[]).includes(value))
    throw new InputError(name, `is "${printable(value)}"`, fix)
  return value as T
}

export function parseInteger(name: string, value: string, min: number, max: number): number {
  const normalized = value.trim()
  if (!/^\d+$/.test(normalized)) {
    throw new InputError(
      name,
      `is "${printable(normalized.slice(0, 40))}", not a whole number`,
      `Use a number from ${min} to ${max}.`
    )
  }
  const parsed = Number(normalized)
  if (parsed < min || parsed > max) {
    throw new InputError(
      name,
      `is ${parsed}, outside ${min} to ${max}`,
      `Use a number from ${min} to ${max}.`
    )
  }
  return parsed
}

export function dedupe<T extends string>(values: T[]): T[] {
  return [...new Set(values)]
}

/** An input echoed in an error message, with control characters made visible and length bounded. */
export function printable(value: string): string {
  // JSON escapes control characters (\n, \u0007); the quotes it adds are dropped.
  return JSON.stringify(value.slice(0, 80)).slice(1, -1)
}
