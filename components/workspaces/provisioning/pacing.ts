import { isAwsError, isRetryable } from "./errors";
import { DsDataCall, DsDataTransport, WRITE_OPERATIONS } from "./transport";

/**
 * AWS Managed Microsoft AD limits of the Directory Service Data API, per directory (ds-data API
 * model, service documentation): Standard edition 8 read and 4 write transactions per second,
 * Enterprise 16 and 8; 10 concurrent requests for both.
 */
export const DS_DATA_LIMITS = {
    Standard: { readsPerSecond: 8, writesPerSecond: 4, concurrency: 10 },
    Enterprise: { readsPerSecond: 16, writesPerSecond: 8, concurrency: 10 },
} as const;

/** Time, injectable so that tests need not wait. */
export interface Clock {
    now(): number;
    sleep(ms: number): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/** How a {@link PacedTransport} paces and retries. */
export interface PacingOptions {
    readsPerSecond: number;
    writesPerSecond: number;
    concurrency: number;
    /** Attempts per call, the first included. @default 10 */
    maxAttempts?: number;
    /** First backoff in ms, doubled per attempt (with jitter) up to `maxDelayMs`. @default 250 */
    baseDelayMs?: number;
    /** @default 20000 */
    maxDelayMs?: number;
    clock?: Clock;
}

/** Spaces starts `1000 / perSecond` ms apart: the times handed out never exceed the rate. */
export class RateLimiter {
    private next: number;

    constructor(
        private readonly perSecond: number,
        private readonly clock: Clock,
    ) {
        // State is set in constructors, never in field initializers: Pulumi's closure serializer
        // rebuilds a class from its constructor and would drop them.
        this.next = 0;
    }

    /** Waits for this caller's slot. */
    async take(): Promise<void> {
        const now = this.clock.now();
        const at = Math.max(now, this.next);
        this.next = at + 1000 / this.perSecond;
        if (at > now) {
            await this.clock.sleep(at - now);
        }
    }

    /** Nobody starts before `until` (a throttled answer asked to wait). */
    pauseUntil(until: number): void {
        this.next = Math.max(this.next, until);
    }
}

/** At most `limit` holders at once; the others queue in order. */
export class Semaphore {
    private active: number;
    private readonly waiting: (() => void)[];

    constructor(private readonly limit: number) {
        this.active = 0;
        this.waiting = [];
    }

    async run<T>(work: () => Promise<T>): Promise<T> {
        if (this.active >= this.limit) {
            await new Promise<void>((resolve) => this.waiting.push(resolve));
        } else {
            this.active++;
        }
        try {
            return await work();
        } finally {
            const next = this.waiting.shift();
            if (next) {
                next(); // the slot passes on without being released
            } else {
                this.active--;
            }
        }
    }
}

/**
 * Keeps the calls of one process within a directory's limits and retries what passes:
 * throttling (honouring `Retry-After`), server errors and a busy directory, with exponential
 * backoff and jitter. Everything else, and the last failure, is thrown with AWS's own error.
 */
export class PacedTransport implements DsDataTransport {
    private readonly reads: RateLimiter;
    private readonly writes: RateLimiter;
    private readonly slots: Semaphore;
    private readonly clock: Clock;

    constructor(
        private readonly inner: DsDataTransport,
        private readonly options: PacingOptions,
    ) {
        this.clock = options.clock ?? realClock;
        this.reads = new RateLimiter(options.readsPerSecond, this.clock);
        this.writes = new RateLimiter(options.writesPerSecond, this.clock);
        this.slots = new Semaphore(options.concurrency);
    }

    send(call: DsDataCall): Promise<Record<string, unknown>> {
        return this.run(WRITE_OPERATIONS.includes(call.operation) ? "write" : "read", () => this.inner.send(call));
    }

    /**
     * Runs any call against the directory within the same limits, with the same retries (for
     * example Directory Service's ResetUserPassword, which writes to the same domain controllers).
     */
    async run<T>(kind: "read" | "write", work: () => Promise<T>): Promise<T> {
        const limiter = kind === "write" ? this.writes : this.reads;
        const maxAttempts = this.options.maxAttempts ?? 10;
        for (let attempt = 1; ; attempt++) {
            await limiter.take();
            try {
                return await this.slots.run(work);
            } catch (err) {
                if (attempt >= maxAttempts || !isRetryable(err)) {
                    throw err;
                }
                const wait = this.delay(attempt, err);
                if (isAwsError(err, "ThrottlingException")) {
                    limiter.pauseUntil(this.clock.now() + wait);
                }
                await this.clock.sleep(wait);
            }
        }
    }

    private delay(attempt: number, err: unknown): number {
        const retryAfter = (err as { retryAfterSeconds?: number }).retryAfterSeconds;
        if (typeof retryAfter === "number" && retryAfter >= 0) {
            return retryAfter * 1000;
        }
        const base = this.options.baseDelayMs ?? 250;
        const ceiling = Math.min(this.options.maxDelayMs ?? 20_000, base * 2 ** (attempt - 1));
        return ceiling / 2 + Math.random() * (ceiling / 2);
    }
}

/**
 * Runs `work` until it stops failing with one of `codes` (eventual consistency between domain
 * controllers, a data API still being enabled), waiting `intervalMs` between tries, for at most
 * `timeoutMs`; then throws the last error.
 */
export async function retryWhile<T>(codes: string[], work: () => Promise<T>, options: { intervalMs: number; timeoutMs: number; clock?: Clock }): Promise<T> {
    const clock = options.clock ?? realClock;
    const deadline = clock.now() + options.timeoutMs;
    for (;;) {
        try {
            return await work();
        } catch (err) {
            if (!isAwsError(err, ...codes) || clock.now() + options.intervalMs > deadline) {
                throw err;
            }
            await clock.sleep(options.intervalMs);
        }
    }
}
