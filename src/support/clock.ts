/** Time as an injected dependency, so waits and retries are tested instantly. */

export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms))
}

/** The clock whose sleeps end early when `signal` aborts (a cancelled run must not sit out a wait). */
export function cancellable(clock: Clock, signal: AbortSignal | undefined): Clock {
  if (!signal) return clock
  return {
    now: () => clock.now(),
    sleep: ms =>
      signal.aborted
        ? Promise.resolve()
        : new Promise<void>(resolve => {
            const done = () => {
              signal.removeEventListener('abort', done)
              resolve()
            }
            signal.addEventListener('abort', done)
            void clock.sleep(ms).then(done)
          })
  }
}
