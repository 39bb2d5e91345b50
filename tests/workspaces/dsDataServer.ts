import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** How the fake service misbehaves. */
export interface Misbehaviour {
    /** Every n-th write answers 429 ThrottlingException with this `Retry-After` (seconds). */
    throttleEvery?: number;
    retryAfter?: string;
    /** The first n requests answer 503 with an HTML body (a load balancer, not the service). */
    unavailableFirst?: number;
    /** ResetUserPassword answers UserDoesNotExistException this many times per user (replication lag). */
    passwordLag?: number;
    /** DescribeDirectoryDataAccess answers `Enabling` this many times before `Enabled`. */
    enablingFor?: number;
    /** Answers to the n-th request by operation: status, `__type` and message. */
    refuse?: Partial<Record<string, { status: number; type: string; message: string }>>;
    /** Milliseconds each request takes (so that concurrency shows). */
    latencyMs?: number;
}

interface User {
    SAMAccountName: string;
    SID: string;
    EmailAddress?: string;
    GivenName?: string;
    Surname?: string;
    passwordSet?: boolean;
}

/**
 * A local stand-in for AWS on 127.0.0.1 that speaks both protocols provisioning uses: Directory
 * Service Data (REST-JSON, `POST /Users/<Operation>?DirectoryId=…`, errors as `__type`) and
 * Directory Service (JSON 1.1, `X-Amz-Target: DirectoryService_20150416.<Operation>`). It keeps
 * users per directory, records every request and the highest number in flight.
 */
export class DsDataServer {
    readonly requests: { operation: string; directoryId?: string; body: Record<string, any>; status: number }[] = [];
    readonly users = new Map<string, User>();
    inFlight = 0;
    maxInFlight = 0;
    private server?: http.Server;
    private writes = 0;
    private lag = new Map<string, number>();
    private enablingAnswers = 0;

    constructor(private readonly behaviour: Misbehaviour = {}) {}

    get endpoint(): string {
        return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    }

    async start(): Promise<this> {
        this.server = http.createServer((req, res) => void this.handle(req, res));
        await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
        return this;
    }

    stop(): Promise<void> {
        return new Promise((resolve) => this.server!.close(() => resolve()));
    }

    /** A user that already exists in a directory (created by an earlier, failed run). */
    addUser(directoryId: string, user: Omit<User, "SID">): void {
        this.users.set(`${directoryId}/${user.SAMAccountName.toLowerCase()}`, { ...user, SID: `S-1-5-21-${this.users.size + 1000}` });
    }

    private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
        this.inFlight++;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        const chunks: Buffer[] = [];
        for await (const chunk of req) {
            chunks.push(chunk as Buffer);
        }
        const text = Buffer.concat(chunks).toString();
        const body = text ? JSON.parse(text) : {};
        const url = new URL(req.url ?? "/", "http://localhost");
        const target = req.headers["x-amz-target"];
        const operation = typeof target === "string" ? target.split(".").pop()! : url.pathname.split("/").pop()!;
        const directoryId = url.searchParams.get("DirectoryId") ?? body.DirectoryId;
        await new Promise((resolve) => setTimeout(resolve, this.behaviour.latencyMs ?? 2));
        const answer = this.answer(operation, directoryId, body);
        this.requests.push({ operation, directoryId, body, status: answer.status });
        this.inFlight--;
        res.writeHead(answer.status, answer.headers ?? { "content-type": "application/json" });
        res.end(answer.body);
    }

    private answer(operation: string, directoryId: string, body: Record<string, any>): { status: number; body: string; headers?: Record<string, string> } {
        const b = this.behaviour;
        const json = (status: number, value: unknown) => ({ status, body: JSON.stringify(value) });
        const error = (status: number, type: string, message: string) => json(status, { __type: `com.amazonaws.dsdata#${type}`, Message: message });
        if (this.requests.length < (b.unavailableFirst ?? 0)) {
            return { status: 503, body: "<html><body>Service Unavailable</body></html>", headers: { "content-type": "text/html" } };
        }
        const refusal = b.refuse?.[operation];
        if (refusal) {
            return error(refusal.status, refusal.type, refusal.message);
        }
        const isWrite = ["CreateUser", "UpdateUser", "DeleteUser"].includes(operation);
        if (isWrite && b.throttleEvery && ++this.writes % b.throttleEvery === 0) {
            return { status: 429, body: JSON.stringify({ Message: "Rate exceeded" }), headers: { "content-type": "application/json", "x-amzn-errortype": "ThrottlingException", "retry-after": b.retryAfter ?? "0" } };
        }
        const key = `${directoryId}/${String(body.SAMAccountName ?? body.UserName ?? "").toLowerCase()}`;
        const user = this.users.get(key);
        switch (operation) {
            case "DescribeDirectoryDataAccess":
                return json(200, { DataAccessStatus: this.enablingAnswers++ < (b.enablingFor ?? 0) ? "Enabling" : "Enabled" });
            case "CreateUser": {
                if (user) {
                    return error(409, "ConflictException", `User ${body.SAMAccountName} already exists.`);
                }
                const created: User = { SAMAccountName: body.SAMAccountName, SID: `S-1-5-21-${this.users.size + 1}`, EmailAddress: body.EmailAddress, GivenName: body.GivenName, Surname: body.Surname };
                this.users.set(key, created);
                this.lag.set(key, b.passwordLag ?? 0);
                return json(200, { DirectoryId: directoryId, SAMAccountName: created.SAMAccountName, SID: created.SID });
            }
            case "DescribeUser":
                return user ? json(200, { ...user, passwordSet: undefined, DirectoryId: directoryId }) : error(404, "ResourceNotFoundException", `User ${body.SAMAccountName} not found.`);
            case "UpdateUser": {
                if (!user) {
                    return error(404, "ResourceNotFoundException", `User ${body.SAMAccountName} not found.`);
                }
                for (const field of ["EmailAddress", "GivenName", "Surname"] as const) {
                    if (body[field] !== undefined) {
                        if (body.UpdateType === "ADD" && user[field] !== undefined) {
                            return error(400, "ValidationException", `${field} already has a value; use REPLACE.`);
                        }
                        user[field] = body.UpdateType === "REMOVE" ? undefined : body[field];
                    }
                }
                return json(200, {});
            }
            case "DeleteUser":
                if (!user) {
                    return error(404, "ResourceNotFoundException", `User ${body.SAMAccountName} not found.`);
                }
                this.users.delete(key);
                return json(200, {});
            case "ResetUserPassword": {
                const left = this.lag.get(key) ?? 0;
                if (!user || left > 0) {
                    this.lag.set(key, left - 1);
                    return { status: 400, body: JSON.stringify({ __type: "UserDoesNotExistException", Message: `The user ${body.UserName} does not exist.` }) };
                }
                user.passwordSet = true;
                return json(200, {});
            }
            default:
                return error(400, "UnknownOperationException", operation);
        }
    }
}
