import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentials } from "./credentials";
import { awsError } from "./errors";

/** The Directory Service Data operations on users that provisioning needs. */
export type UserOperation = "CreateUser" | "DescribeUser" | "UpdateUser" | "DeleteUser";

/** Operations that write (Managed AD Standard: 4 write TPS per directory, Enterprise: 8). */
export const WRITE_OPERATIONS: readonly UserOperation[] = ["CreateUser", "UpdateUser", "DeleteUser"];

/** One call of the Directory Service Data API. */
export interface DsDataCall {
    operation: UserOperation;
    directoryId: string;
    body: Record<string, unknown>;
}

/**
 * How provisioning reaches the Directory Service Data API. Today a SigV4-signed HTTPS client
 * (the SDK client `@aws-sdk/client-directory-service-data` is not on this registry), wrapped in
 * {@link PacedTransport} for AWS's limits and retries; later the SDK client can take its place.
 * A refusal is thrown as an `Error` whose `name` is AWS's error code (see `./errors`).
 */
export interface DsDataTransport {
    send(call: DsDataCall): Promise<Record<string, unknown>>;
}

/** What the signed transport hands to the network: a signed request, and where to send it. */
export type HttpSend = (request: HttpRequest, endpoint: string) => Promise<{ status: number; headers: Record<string, string>; body: string }>;

/** Sends with Node's fetch to `endpoint` (scheme and host, e.g. `https://ds-data.eu-west-3.amazonaws.com`). */
export const fetchSend: HttpSend = async (request, endpoint) => {
    const query = new URLSearchParams(request.query as Record<string, string>).toString();
    const response = await fetch(`${endpoint}${request.path}?${query}`, {
        method: request.method,
        headers: request.headers,
        body: request.body as string,
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
    return { status: response.status, headers, body: await response.text() };
};

/**
 * The regional endpoint of the API: `ds-data.<region>.<dnsSuffix>`, the DNS suffix of the
 * partition (`amazonaws.com`, `amazonaws.com.cn` in China).
 */
export function dsDataHostname(region: string, dnsSuffix = "amazonaws.com"): string {
    return `ds-data.${region}.${dnsSuffix}`;
}

/** Options of {@link SignedHttpTransport}. */
export interface SignedHttpTransportOptions {
    /** @default - the Node credential chain (environment, profile, SSO, instance role…) */
    credentials?: AwsCredentials;
    /** Where to send requests (FIPS, a VPC endpoint, a test server). @default `https://` + {@link dsDataHostname} */
    endpoint?: string;
    /** DNS suffix of the partition. @default "amazonaws.com" */
    dnsSuffix?: string;
    /** @default {@link fetchSend} */
    send?: HttpSend;
}

/** The AWS error code of an answer: header `x-amzn-errortype` or body `__type`, without namespace or URL. */
export function errorCodeOf(headers: Record<string, string>, body: Record<string, unknown>): string | undefined {
    const raw = headers["x-amzn-errortype"] ?? (typeof body.__type === "string" ? body.__type : undefined) ?? (typeof body.code === "string" ? body.code : undefined);
    // `ResourceNotFoundException:http://internal…` or `com.amazonaws.dsdata#ResourceNotFoundException`.
    return raw?.split(":")[0].split("#").pop() || undefined;
}

function parseBody(text: string): Record<string, unknown> {
    if (!text) {
        return {};
    }
    try {
        const parsed: unknown = JSON.parse(text);
        return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
    } catch {
        // A proxy or load balancer may answer HTML or plain text: keep it as the message.
        return { Message: text.slice(0, 300) };
    }
}

/**
 * The REST protocol of the Directory Service Data API: `POST /Users/<Operation>?DirectoryId=…`
 * with a JSON body, signed with SigV4 for the service `ds-data`. One request per call: pacing
 * and retries are {@link PacedTransport}'s.
 */
export class SignedHttpTransport implements DsDataTransport {
    private readonly signer: SignatureV4;
    private readonly httpSend: HttpSend;
    private readonly endpoint: string;
    private readonly hostname: string;

    constructor(region: string, options: SignedHttpTransportOptions = {}) {
        this.endpoint = (options.endpoint ?? `https://${dsDataHostname(region, options.dnsSuffix)}`).replace(/\/+$/, "");
        this.hostname = new URL(this.endpoint).host;
        // The credential chain is loaded only when no credentials are given.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const credentials = options.credentials ?? require("@aws-sdk/credential-provider-node").defaultProvider();
        this.signer = new SignatureV4({ service: "ds-data", region, sha256: Sha256, credentials });
        this.httpSend = options.send ?? fetchSend;
    }

    async send(call: DsDataCall): Promise<Record<string, unknown>> {
        const request = new HttpRequest({
            method: "POST",
            protocol: this.endpoint.startsWith("http:") ? "http:" : "https:",
            hostname: this.hostname,
            path: `/Users/${call.operation}`,
            query: { DirectoryId: call.directoryId },
            headers: { host: this.hostname, "content-type": "application/json" },
            body: JSON.stringify(call.body),
        });
        const signed = (await this.signer.sign(request)) as HttpRequest;
        const response = await this.httpSend(signed, this.endpoint);
        const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
        const parsed = parseBody(response.body);
        if (response.status >= 300) {
            const code = errorCodeOf(headers, parsed) ?? (response.status >= 500 ? "InternalServerException" : `Http${response.status}`);
            const retryAfter = Number(headers["retry-after"]);
            throw awsError(code, String(parsed.Message ?? parsed.message ?? `HTTP ${response.status}`), {
                status: response.status,
                reason: typeof parsed.Reason === "string" ? parsed.Reason : undefined,
                retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
            });
        }
        return parsed;
    }
}
