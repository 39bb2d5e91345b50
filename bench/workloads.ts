import * as path from "node:path";
import { appstream, workspaces } from "../components";
import { runExample } from "./exampleProgram";

/** A program the bench runs: an example folder, or a composite at a number of users. */
export interface Workload {
    /** Stable id, used on the child's command line. */
    id: string;
    /** The row label in the table. */
    label: string;
    /** Users of a composite; `undefined` for an example. */
    users?: number;
    /** The composite this size belongs to (to compare t(2000) with t(100)). */
    family?: string;
    /** The example folder (also planned as a CLI run). */
    exampleDir?: string;
    /** Builds the program's resources on the current engine, inside the root stack. */
    run(): Promise<void>;
}

const EXAMPLES_DIR = path.resolve(__dirname, "..", "examples");

function example(folder: string, label: string): Workload {
    const dir = path.join(EXAMPLES_DIR, folder);
    return { id: folder, label, exampleDir: dir, run: () => runExample(dir) };
}

/** `n` distinct, valid user names: `user0001`, … */
export function userNames(n: number): string[] {
    return Array.from({ length: n }, (_, i) => `user${String(i + 1).padStart(4, "0")}`);
}

/** `DesktopEnvironment` with a created Managed AD, provisioned users and a workspace each. */
export function desktopEnvironment(users: number): workspaces.DesktopEnvironment {
    return new workspaces.DesktopEnvironment("office", {
        directory: {
            network: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"] },
            directory: { type: "MicrosoftAD", name: "corp.example.com", enableDirectoryDataAccess: true },
            ipAccessRules: [{ cidr: "203.0.113.0/24", description: "office" }],
            defaultRole: "create",
        },
        desktops: { bundle: { name: "Standard with Windows 10 (Server 2022 based)" } },
        users: userNames(users).map((userName) => ({ userName, email: `${userName}@example.com`, givenName: "Given", surname: "Surname" })),
        provisionUsers: { passwords: "initial" },
        monitoring: { createAlarmTopic: true },
    });
}

/** `StreamingEnvironment` with a scaled fleet and `users` user-pool users. */
export function streamingEnvironment(users: number): appstream.StreamingEnvironment {
    return new appstream.StreamingEnvironment("excel", {
        network: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"] },
        fleet: {
            instanceType: "stream.standard.medium",
            image: { name: "ExcelApp-2025-11-01" },
            capacity: { desiredInstances: 2 },
            scaling: { minCapacity: 1, maxCapacity: 10 },
        },
        users: { users: userNames(users).map((name) => ({ email: `${name}@example.com`, firstName: "Given", lastName: "Surname" })) },
        monitoring: { createAlarmTopic: true },
    });
}

function composite(family: string, users: number, build: (users: number) => unknown): Workload {
    return {
        id: `${family}-${users}`,
        label: `${family}, ${users.toLocaleString("en-US")} users`,
        users,
        family,
        run: async () => {
            build(users);
        },
    };
}

/** The small and the large size of each composite. */
export const SMALL = 100;
export const LARGE = 2000;

/** Every workload of the bench, in table order. */
export function allWorkloads(sizes: number[] = [SMALL, LARGE]): Workload[] {
    return [
        example("workspaces", "WorkSpaces example"),
        example("cloudfront-static-site", "CloudFront example"),
        example("appstream", "AppStream example"),
        ...sizes.map((n) => composite("DesktopEnvironment", n, desktopEnvironment)),
        ...sizes.map((n) => composite("StreamingEnvironment", n, streamingEnvironment)),
    ];
}

/** The workload with this id, at any size (`DesktopEnvironment-500` works too). */
export function workloadById(id: string): Workload {
    const sized = /^(DesktopEnvironment|StreamingEnvironment)-(\d+)$/.exec(id);
    if (sized) {
        return allWorkloads([Number(sized[2])]).find((w) => w.id === id)!;
    }
    const found = allWorkloads([]).find((w) => w.id === id);
    if (!found) {
        throw new Error(`unknown workload ${id}`);
    }
    return found;
}
