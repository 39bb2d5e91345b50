import { appstream } from "../../components";
import { MockEngine, planOn, rejectionOf } from "../engine";

export const VPC_ID = "vpc-0123456789abcdef0";
export const SUBNETS = ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"];
export const NETWORK: appstream.NetworkArgs = { vpcId: VPC_ID, subnetIds: SUBNETS };

export const FLEET_ARGS: appstream.FleetArgs = {
    instanceType: "stream.standard.medium",
    image: { name: "ExcelApp-2025-11-01" },
    capacity: { desiredInstances: 2 },
    network: NETWORK,
};

const OPTIONS = { config: { "aws:region": "eu-west-3" } };

/** A fresh engine with the config region eu-west-3. */
export const startEngine = (): MockEngine => MockEngine.start(OPTIONS);

/** Builds with `build` on a fresh engine and waits for every registration. */
export const plan = <T>(build: () => T) => planOn(OPTIONS, build);

/** The message of the error that `build` throws. */
export const errorOf = (build: () => unknown): string => rejectionOf(OPTIONS, build);
