import { spawn } from "node:child_process";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import type { ChildMode, ChildResult } from "./child";

const CHILD = path.join(__dirname, "child.ts");

/** Runs `node args…` and resolves with its stdout; rejects with its stderr when it fails. */
export function runNode(args: string[], cwd: string): Promise<{ stdout: string; wallMs: number }> {
    return new Promise((resolve, reject) => {
        const started = performance.now();
        const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => (stdout += chunk));
        child.stderr.on("data", (chunk) => (stderr += chunk));
        child.on("error", reject);
        child.on("close", (code) => {
            const wallMs = performance.now() - started;
            if (code === 0) {
                resolve({ stdout, wallMs });
            } else {
                reject(new Error(`node ${args.join(" ")} exited with ${code}:\n${stderr.slice(-2000)}`));
            }
        });
    });
}

/** One measured run of a workload in a fresh child process (see child.ts). */
export async function measureChild(workloadId: string, mode: ChildMode, recordingFile: string, cwd: string): Promise<ChildResult> {
    const { stdout } = await runNode(["--import", "tsx", CHILD, workloadId, mode, recordingFile], cwd);
    const last = stdout.trim().split("\n").pop() ?? "";
    return JSON.parse(last) as ChildResult;
}

/** The median of the numbers (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
    if (values.length === 0) {
        return NaN;
    }
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
