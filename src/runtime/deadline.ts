// The one way the site stops waiting: a promise that may never settle (a stalled font, a runtime start
// on a network that never answers, a GPU that never replies) is given a deadline, after which the
// page goes on without it. The timer is cleared when the work settles first, so none is left behind.

/**
 * `work`'s outcome, or, when it has not settled within `ms`, what `late` returns (or throws): a
 * stand-in value, or the error that says what did not answer.
 */
export async function orAfter<T, U>(work: Promise<T>, ms: number, late: () => U): Promise<T | U> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<U>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(late());
      } catch (e) {
        reject(e);
      }
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
