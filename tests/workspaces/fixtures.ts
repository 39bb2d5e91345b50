import { workspaces } from "../../components";
import { MockEngine, planOn, rejectionOf } from "../engine";

export const NETWORK: workspaces.DirectoryNetworkArgs = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"] };
export const MANAGED_AD: workspaces.NewDirectoryArgs = { type: "MicrosoftAD", name: "corp.example.com", enableDirectoryDataAccess: true };
export const KEY_ARN = "arn:aws:kms:eu-west-3:123456789012:key/11111111-2222-3333-4444-555555555555";
export const BUNDLE = { name: "Standard with Windows 10 (Server 2022 based)" };
export const USERS: workspaces.WorkspaceUserArgs[] = [
    { userName: "ana.silva", email: "ana.silva@example.com", givenName: "Ana", surname: "Silva" },
    { userName: "li.wei", email: "li.wei@example.com", givenName: "Li", surname: "Wei" },
    { userName: "sam.martin", email: "sam.martin@example.com", givenName: "Sam", surname: "Martin", computeType: "PERFORMANCE", rootVolumeSizeGib: 175, userVolumeSizeGib: 100 },
];

/** An account in eu-west-3 that has used WorkSpaces before (it has workspaces_DefaultRole). */
const OPTIONS = { config: { "aws:region": "eu-west-3" }, cloud: { roles: ["workspaces_DefaultRole"] } };

/** A fresh account, as a first `pulumi up` meets it: no workspaces_DefaultRole. */
export const FRESH_ACCOUNT = { config: { "aws:region": "eu-west-3" } };

/** A fresh engine with the config region eu-west-3. */
export const startEngine = (): MockEngine => MockEngine.start(OPTIONS);

/** Builds with `build` on a fresh engine and waits for every registration. */
export const plan = <T>(build: () => T) => planOn(OPTIONS, build);

/** The message of the error that `build` throws. */
export const errorOf = (build: () => unknown): string => rejectionOf(OPTIONS, build);
