/**
 * Errors of the Directory Service APIs, as plain `Error`s. The dynamic provider is serialized by
 * Pulumi's closure serializer, which turns a `class … extends Error` into a function whose
 * instances lose `message` and `stack` (and are no longer `Error`s): the engine then shows
 * "Unknown Error". A plain `Error` with the AWS error code as its `name` survives.
 */
export interface AwsApiError extends Error {
    /** AWS's error code, e.g. `ThrottlingException`, `ConflictException`. */
    name: string;
    /** HTTP status, when the error came over HTTP. */
    status?: number;
    /** The `Reason` field some Directory Service Data errors carry (e.g. `DATA_DISABLED`). */
    reason?: string;
    /** The `Retry-After` header of a throttling answer, in seconds. */
    retryAfterSeconds?: number;
}

/** An error named after AWS's error code, with AWS's message: "<Code>: <message>". */
export function awsError(code: string, message: string, details: { status?: number; reason?: string; retryAfterSeconds?: number } = {}): AwsApiError {
    const error = new Error(`${code}: ${message}${details.reason ? ` (reason ${details.reason})` : ""}`) as AwsApiError;
    error.name = code;
    error.status = details.status;
    error.reason = details.reason;
    error.retryAfterSeconds = details.retryAfterSeconds;
    return error;
}

/** True when `err` is the AWS error `code` (by name; the SDK's errors are named that way too). */
export function isAwsError(err: unknown, ...codes: string[]): err is AwsApiError {
    return typeof err === "object" && err !== null && codes.includes(String((err as { name?: unknown }).name));
}

/** Errors worth retrying: throttling, server faults, a busy directory. */
export function isRetryable(err: unknown): boolean {
    if (isAwsError(err, "ThrottlingException", "TooManyRequestsException", "InternalServerException", "ServiceException", "RequestTimeout")) {
        return true;
    }
    if (isAwsError(err, "DirectoryUnavailableException")) {
        // A timeout or overloaded domain controller passes; a wrong directory state does not.
        return err.reason === "DIRECTORY_TIMEOUT" || err.reason === "DIRECTORY_RESOURCES_EXCEEDED";
    }
    const status = (err as { status?: number; $metadata?: { httpStatusCode?: number } } | undefined)?.status;
    return typeof status === "number" && status >= 500;
}

/**
 * Rethrows anything as a plain `Error` that keeps the AWS code and message: an SDK error (a
 * class instance) is copied into one, so it survives serialization as well.
 */
export function plainError(err: unknown, context: string): Error {
    const source = err as { name?: string; message?: string } | undefined;
    const error = new Error(`${context}: ${source?.message ?? String(err)}`) as AwsApiError;
    error.name = source?.name && source.name !== "Error" ? source.name : "Error";
    return error;
}
