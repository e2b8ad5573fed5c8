/**
 * Retries for the DynamoDB client that can never outlast a time budget. The SDK's
 * standard strategy decides whether an error is worth retrying and keeps its retry
 * quota; on top of it, a retry starts only if a whole attempt (its backoff plus the
 * request timeout) still fits in the budget. So a request that timed out is not
 * retried: that would double the wait, and pile more work on a DynamoDB that is
 * already too slow. Backoff is a short full jitter, and a server's retry-after hint
 * (which the SDK honours for up to 5 s) is ignored.
 */
import { StandardRetryStrategy } from "@smithy/core/retry";
import type { RetryStrategyV2, StandardRetryToken } from "@smithy/types";

export interface RetryBudget {
  maxAttempts: number;
  /** From the first attempt's start to the last attempt's end. */
  budgetMs: number;
  /** The longest one attempt can take (the HTTP handler's request timeout). */
  attemptMs: number;
  /** Each retry waits a random time up to this. */
  maxBackoffMs: number;
}

export function budgetedRetries(budget: RetryBudget): RetryStrategyV2 {
  const standard = new StandardRetryStrategy({
    maxAttempts: budget.maxAttempts,
    backoff: {
      computeNextBackoffDelay: () => Math.floor(Math.random() * budget.maxBackoffMs),
      // The SDK raises the base to 1 s for throttling; the budget has no room for it.
      setDelayBase: () => {},
    },
  });
  const startedAt = new WeakMap<object, number>();

  return {
    async acquireInitialRetryToken(scope) {
      const token = await standard.acquireInitialRetryToken(scope);
      startedAt.set(token, Date.now());
      return token;
    },
    async refreshRetryTokenForRetry(token, info) {
      const started = startedAt.get(token) ?? Date.now();
      if (Date.now() - started + budget.maxBackoffMs + budget.attemptMs > budget.budgetMs) {
        // The SDK then throws the error of the last attempt.
        throw new Error("No retry: the time budget has no room for another attempt");
      }
      // The tokens are the standard strategy's own: it issued them.
      const next = await standard.refreshRetryTokenForRetry(token as StandardRetryToken, {
        ...info,
        retryAfterHint: undefined,
      });
      startedAt.set(next, started);
      return next;
    },
    recordSuccess: (token) => standard.recordSuccess(token as StandardRetryToken),
  };
}
