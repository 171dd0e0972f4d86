/**
 * What a parked awaitData `getMore` waits for: the next `subscribe` notification (an insert, a
 * change), `ms` elapsing, or the server closing (`signal`), whichever comes first; never rejects.
 */
export function wakeOn(
  subscribe: (listener: () => void) => () => void,
  ms: number,
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve) => {
    const finish = (): void => {
      unsubscribe();
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    };
    const unsubscribe = subscribe(finish);
    const timer = setTimeout(finish, ms);
    signal.addEventListener('abort', finish);
    if (signal.aborted) finish();
  });
}
