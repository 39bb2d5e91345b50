/**
 * The components this package serves to other languages, and what the schema generator needs to
 * know about each that the TypeScript types cannot say.
 */
export interface ServedComponent {
    /** Type token, as the component registers itself. */
    token: string;
    /** Source file (from the repository root) that declares the component class and its Args. */
    file: string;
    /** Name of the component class. */
    className: string;
    /** Source file of the Args interface, when not `file`. */
    argsFile?: string;
    /** Name of the Args interface. */
    argsName: string;
    /** Outputs whose names a package schema reserves (`id`, `urn`), renamed on the wire. */
    renamedOutputs?: Record<string, string>;
    /** Outputs that carry secrets (the TypeScript output is `pulumi.secret`). */
    secretOutputs?: string[];
}

export const PACKAGE_NAME = "aws-euc";

/**
 * The top-level components, and the parts usable alone whose arguments are data (a Stack takes a
 * Fleet object, Users a Stack: those stay TypeScript-only).
 */
export const SERVED_COMPONENTS: readonly ServedComponent[] = [
    { token: "aws-euc:cloudfront:Distribution", file: "components/cloudfront/distribution.ts", className: "Distribution", argsFile: "components/cloudfront/distributionArgs.ts", argsName: "DistributionArgs", renamedOutputs: { id: "distributionId" } },
    { token: "aws-euc:cloudfront:Certificate", file: "components/cloudfront/certificate.ts", className: "Certificate", argsName: "CertificateArgs" },
    {
        token: "aws-euc:appstream:StreamingEnvironment",
        file: "components/appstream/streamingEnvironment.ts",
        className: "StreamingEnvironment",
        argsName: "StreamingEnvironmentArgs",
    },
    { token: "aws-euc:appstream:ImageBuilder", file: "components/appstream/imageBuilder.ts", className: "ImageBuilder", argsName: "ImageBuilderArgs" },
    { token: "aws-euc:appstream:Fleet", file: "components/appstream/fleet.ts", className: "Fleet", argsName: "FleetArgs" },
    { token: "aws-euc:workspaces:EncryptionKey", file: "components/workspaces/encryptionKey.ts", className: "EncryptionKey", argsName: "EncryptionKeyArgs" },
    {
        token: "aws-euc:workspaces:Directory",
        file: "components/workspaces/directory.ts",
        argsFile: "components/workspaces/directoryArgs.ts",
        className: "Directory",
        argsName: "DirectoryArgs",
        secretOutputs: ["adminPassword"],
    },
    {
        token: "aws-euc:workspaces:DesktopEnvironment",
        file: "components/workspaces/desktopEnvironment.ts",
        className: "DesktopEnvironment",
        argsName: "DesktopEnvironmentArgs",
        secretOutputs: ["userPasswords"],
    },
];

/** Wire name → TypeScript name of each output in `wireNames`. */
export function outputNames(component: ServedComponent, wireNames: string[]): Record<string, string> {
    const back = Object.fromEntries(Object.entries(component.renamedOutputs ?? {}).map(([ts, wire]) => [wire, ts]));
    return Object.fromEntries(wireNames.map((wire) => [wire, back[wire] ?? wire]));
}
