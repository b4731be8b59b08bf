/** Time and logging as injected dependencies, so waits and retries are tested instantly. */

export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms))
}

export interface Logger {
  info(message: string): void
  warning(message: string): void
}
