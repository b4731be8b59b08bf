/**
 * A time limit on work that takes no abort signal: the GitHub OIDC token request (the toolkit's getIDToken takes
 * none) and reading an event stream to its end. The AWS SDK's own sends are bounded by an abort signal instead
 * (src/aws/clients.ts): these are the only other waits of a run.
 */

export interface Deadline {
  /** Resolves when the time is up. */
  passed: Promise<'passed'>
  /** Stops the timer (the work ended first). */
  clear(): void
}

export function deadline(ms: number): Deadline {
  let timer: NodeJS.Timeout | undefined
  const passed = new Promise<'passed'>(resolve => {
    timer = setTimeout(() => resolve('passed'), ms)
  })
  return { passed, clear: () => clearTimeout(timer) }
}

/** The promise's value, or a TimeoutError naming `what` when it takes longer than `ms`. */
export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  const limit = deadline(ms)
  try {
    const result = await Promise.race([promise.then(value => ({ value })), limit.passed])
    if (result === 'passed')
      throw Object.assign(new Error(`${what} timed out after ${ms / 1000} s`), { name: 'TimeoutError' })
    return result.value
  } finally {
    limit.clear()
  }
}
