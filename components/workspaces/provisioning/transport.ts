import { Sha256 } from "@aws-crypto/sha256-js";
import { defaultProvider } from "@aws-sdk/credential-provider-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";

/** The Directory Service Data operations on users that provisioning needs. */
export type UserOperation = "CreateUser" | "DescribeUser" | "UpdateUser" | "DeleteUser";

/** One call of the Directory Service Data API. */
export interface DsDataCall {
    operation: UserOperation;
    directoryId: string;
    body: Record<string, unknown>;
}

/**
 * How provisioning reaches the Directory Service Data API. Today a SigV4-signed HTTPS client
 * (the SDK client `@aws-sdk/client-directory-service-data` is not on this registry); later the
 * SDK client or the provider's `aws.directoryservicedata.User` can take its place behind it.
 */
export interface DsDataTransport {
    send(call: DsDataCall): Promise<Record<string, unknown>>;
}

/** An error answered by the API, with its type (e.g. `ResourceNotFoundException`). */
export class DsDataError extends Error {
    constructor(
        readonly type: string,
        message: string,
        readonly status: number,
    ) {
        super(`${type}: ${message}`);
    }
}

/** What the signed transport hands to the network: a signed request. */
export type HttpSend = (request: HttpRequest) => Promise<{ status: number; headers: Record<string, string>; body: string }>;

/** Sends with Node's fetch. */
export const fetchSend: HttpSend = async (request) => {
    const query = new URLSearchParams(request.query as Record<string, string>).toString();
    const response = await fetch(`https://${request.hostname}${request.path}?${query}`, {
        method: request.method,
        headers: request.headers,
        body: request.body as string,
    });
    return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: await response.text() };
};

/** The regional endpoint of the API. */
export function dsDataHostname(region: string): string {
    return `ds-data.${region}.amazonaws.com`;
}

/** Options of {@link SignedHttpTransport}. */
export interface SignedHttpTransportOptions {
    /** @default - the Node credential chain (environment, profile, SSO, instance role…) */
    credentials?: ConstructorParameters<typeof SignatureV4>[0]["credentials"];
    /** @default {@link fetchSend} */
    send?: HttpSend;
}

/**
 * The REST protocol of the Directory Service Data API: `POST /Users/<Operation>?DirectoryId=…`
 * with a JSON body, signed with SigV4 for the service `ds-data`.
 */
export class SignedHttpTransport implements DsDataTransport {
    private readonly signer: SignatureV4;
    private readonly httpSend: HttpSend;

    constructor(
        private readonly region: string,
        options: SignedHttpTransportOptions = {},
    ) {
        this.signer = new SignatureV4({ service: "ds-data", region, sha256: Sha256, credentials: options.credentials ?? defaultProvider() });
        this.httpSend = options.send ?? fetchSend;
    }

    async send(call: DsDataCall): Promise<Record<string, unknown>> {
        const hostname = dsDataHostname(this.region);
        const request = new HttpRequest({
            method: "POST",
            protocol: "https:",
            hostname,
            path: `/Users/${call.operation}`,
            query: { DirectoryId: call.directoryId },
            headers: { host: hostname, "content-type": "application/json" },
            body: JSON.stringify(call.body),
        });
        const signed = (await this.signer.sign(request)) as HttpRequest;
        const response = await this.httpSend(signed);
        const parsed = response.body ? (JSON.parse(response.body) as Record<string, unknown>) : {};
        if (response.status >= 300) {
            const type = (response.headers["x-amzn-errortype"] ?? String(parsed.__type ?? "UnknownError")).split(":")[0];
            throw new DsDataError(type, String(parsed.Message ?? parsed.message ?? `HTTP ${response.status}`), response.status);
        }
        return parsed;
    }
}
