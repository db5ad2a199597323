/**
 * Keeps a revision's operations in call order. Revision authors sometimes forget `await`; each
 * call is therefore chained onto the previous one, so the sink sees operations in the order they
 * were written whatever the author awaited, and the first failure stops everything after it.
 */

const ignore = (): void => undefined;

/** A FIFO of async tasks with a sticky first failure. */
export class OperationQueue {
  private tail: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  /**
   * Runs `task` after every earlier task. If an earlier task failed, `task` does not run and the
   * returned promise rejects with that first error. The returned promise never counts as an
   * unhandled rejection: an author who does not await it learns of the failure through flush().
   */
  enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => {
      if (this.failure) throw this.failure.error;
      return task();
    });
    this.tail = result.then(ignore, (error: unknown) => {
      this.failure ??= { error };
    });
    result.catch(ignore);
    return result;
  }

  /** Records a failure in order (tasks queued earlier still run; later ones do not). */
  reject(error: unknown): Promise<never> {
    return this.enqueue(() => Promise.reject(error));
  }

  /**
   * Waits until every queued task has settled, including tasks queued while waiting, and throws
   * the first failure, if any — even one the revision caught, because the migration is broken.
   */
  async flush(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.tail;
      await seen;
    } while (seen !== this.tail);
    if (this.failure) throw this.failure.error;
  }
}
