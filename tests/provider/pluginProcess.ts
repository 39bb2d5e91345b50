import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as providerRpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { MonitorStub } from "./monitor";

const ROOT = path.resolve(__dirname, "../..");

/** The plugin as the Pulumi engine runs it: a child process that prints its port on stdout. */
export class PluginProcess {
    private constructor(private readonly child: ChildProcess, readonly client: any, readonly stderr: string[]) {}

    /** Starts `provider/main.ts` with the engine address as its argument and connects to the port it prints. */
    static async start(engineAddress: string): Promise<PluginProcess> {
        const child = spawn(process.execPath, ["-r", "tsx/cjs", path.join(ROOT, "provider/main.ts"), engineAddress], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
        const stderr: string[] = [];
        child.stderr!.on("data", (d) => stderr.push(String(d)));
        const port = await new Promise<string>((resolve, reject) => {
            let out = "";
            child.stdout!.on("data", (d) => {
                out += String(d);
                const line = out.split("\n")[0];
                if (out.includes("\n")) {
                    resolve(line.trim());
                }
            });
            child.on("exit", (code) => reject(new Error(`the plugin exited (${code}) before printing its port: ${stderr.join("")}`)));
        });
        const client = new (providerRpc.ResourceProviderClient as any)(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        return new PluginProcess(child, client, stderr);
    }

    stop(): void {
        this.client.close();
        this.child.kill();
    }

    private unary<T>(method: string, request: unknown): Promise<T> {
        return new Promise((resolve, reject) => this.client[method](request, (err: Error | null, response: T) => (err ? reject(err) : resolve(response))));
    }

    async getSchema(): Promise<any> {
        const response: any = await this.unary("getSchema", new providerProto.GetSchemaRequest());
        return JSON.parse(response.getSchema());
    }

    /** Construct as the engine forwards it from a Python or YAML program: `inputs` already in wire form. */
    async construct(monitor: MonitorStub, type: string, name: string, inputs: Record<string, unknown>, config: Record<string, string>, preview = false): Promise<{ urn: string; state: Record<string, unknown> }> {
        const request = new providerProto.ConstructRequest()
            .setProject("project")
            .setStack("test")
            .setDryrun(preview)
            .setParallel(16)
            .setMonitorendpoint(monitor.address)
            .setType(type)
            .setName(name)
            .setInputs(Struct.fromJavaScript(inputs as any));
        for (const [k, v] of Object.entries(config)) {
            request.getConfigMap().set(k, v);
        }
        const response: any = await this.unary("construct", request);
        return { urn: response.getUrn(), state: response.getState()?.toJavaScript() ?? {} };
    }
}

/** The error a Construct failed with: its message and the property paths of its details. */
export function constructError(err: unknown): { message: string } {
    return { message: (err as grpc.ServiceError).details ?? (err as Error).message };
}
