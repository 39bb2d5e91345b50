import { appstream } from "../../components";
import { MockEngine } from "../harness";

export const VPC_ID = "vpc-0123456789abcdef0";
export const SUBNETS = ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"];
export const NETWORK: appstream.NetworkArgs = { vpcId: VPC_ID, subnetIds: SUBNETS };

export const FLEET_ARGS: appstream.FleetArgs = {
    instanceType: "stream.standard.medium",
    image: { name: "ExcelApp-2025-11-01" },
    capacity: { desiredInstances: 2 },
    network: NETWORK,
};

/** A fresh engine with the config region eu-west-3. */
export function startEngine(): MockEngine {
    return MockEngine.start({ config: { "aws:region": "eu-west-3" } });
}

/** Builds with `build` on a fresh engine and waits for every registration. */
export async function plan<T>(build: () => T): Promise<{ engine: MockEngine; built: T }> {
    const engine = startEngine();
    const built = build();
    await engine.settle();
    return { engine, built };
}

/** The message of the error that `build` throws. */
export function errorOf(build: () => unknown): string {
    startEngine();
    try {
        build();
    } catch (err) {
        return (err as Error).message;
    }
    throw new Error("expected the arguments to be rejected");
}
