import { ArgumentProblems, isDomainName, isIpv4, isIpv4Cidr, oneOf, show } from "../shared";
import type { DirectoryArgs, NewDirectoryArgs } from "./directoryArgs";
import { DEVICE_TYPES, DIRECTORY_TYPES, MICROSOFT_AD_EDITIONS, SELF_SERVICE_PERMISSIONS, SIMPLE_AD_SIZES } from "./limits";

function validateNewDirectory(d: NewDirectoryArgs, problems: ArgumentProblems): void {
    if (!problems.require((DIRECTORY_TYPES as readonly string[]).includes(d.type), "directory.type", `${show(d.type)} is not a directory type; use one of ${oneOf(DIRECTORY_TYPES)}`)) {
        return;
    }
    problems.require(isDomainName(d.name ?? ""), "directory.name", `${show(d.name)} is not a fully qualified domain name such as 'corp.example.com'`);
    if (d.shortName !== undefined) {
        problems.require(/^[A-Za-z0-9][A-Za-z0-9-]{0,14}$/.test(d.shortName), "directory.shortName", `${show(d.shortName)} is not a NetBIOS name (1–15 letters, digits or '-')`);
    }
    if (d.type === "MicrosoftAD") {
        problems.requireOneOf<string>(d.edition, MICROSOFT_AD_EDITIONS, "directory.edition");
        problems.require(d.size === undefined, "directory.size", "applies to SimpleAD and ADConnector; MicrosoftAD takes `edition`");
    } else {
        problems.requireOneOf<string>(d.size, SIMPLE_AD_SIZES, "directory.size");
        problems.require(d.edition === undefined, "directory.edition", "applies to MicrosoftAD only");
        problems.require(!d.enableDirectoryDataAccess, "directory.enableDirectoryDataAccess", "the Directory Service Data API exists for MicrosoftAD only");
    }
    if (d.type === "ADConnector") {
        const ips = d.dnsIps ?? [];
        problems.require(ips.length > 0, "directory.dnsIps", "an AD Connector needs the IP addresses of your domain's DNS servers");
        for (const [i, ip] of ips.entries()) {
            problems.require(isIpv4(ip), `directory.dnsIps[${i}]`, `${show(ip)} is not an IPv4 address`);
        }
        problems.require(d.serviceAccount !== undefined, "directory.serviceAccount", "an AD Connector needs a service account of your domain ({ userName, password })");
        problems.require(d.adminPassword === undefined, "directory.adminPassword", "an AD Connector has no Administrator of its own; it signs in with `serviceAccount`");
    } else {
        problems.require(d.dnsIps === undefined && d.serviceAccount === undefined, "directory", "`dnsIps` and `serviceAccount` apply to ADConnector only");
    }
}

/** Checks the directory, its network and the registration options, reporting every problem. */
export function validateDirectoryArgs(args: DirectoryArgs, problems: ArgumentProblems): void {
    const subnets = args.network?.subnetIds ?? [];
    problems.require(subnets.length === 2, "network.subnetIds", `needs exactly two subnets in two Availability Zones; got ${subnets.length}`);
    for (const [i, id] of subnets.entries()) {
        // The WorkSpaces API model's SubnetId pattern; ids known only at deployment are not checked.
        if (typeof id === "string") {
            problems.require(/^subnet-([0-9a-f]{8}|[0-9a-f]{17})$/.test(id), `network.subnetIds[${i}]`, `${show(id)} is not a subnet id (subnet- and 8 or 17 hexadecimal digits)`);
        }
    }
    const zones = args.network?.availabilityZones;
    if (zones) {
        problems.require(zones.length === 2 && zones[0] !== zones[1], "network.availabilityZones", `the two subnets must be in different Availability Zones; got ${zones.map(show).join(", ")}`);
    }
    if (!problems.require(args.directory !== undefined, "directory", "is required: create one ({ type, name }) or link one ({ existingId })")) {
        return;
    }
    if ("existingId" in args.directory) {
        if (args.directory.type !== undefined) {
            problems.requireOneOf<string>(args.directory.type, DIRECTORY_TYPES, "directory.type");
        }
    } else {
        validateNewDirectory(args.directory, problems);
    }
    for (const [i, rule] of (args.ipAccessRules ?? []).entries()) {
        problems.require(isIpv4Cidr(rule.cidr), `ipAccessRules[${i}].cidr`, `${show(rule.cidr)} is not an IPv4 CIDR block such as '203.0.113.0/24'`);
    }
    problems.require((args.ipAccessRules ?? []).length <= 10, "ipAccessRules", "an IP access control group holds at most 10 rules");
    for (const key of Object.keys(args.selfService ?? {})) {
        problems.require((SELF_SERVICE_PERMISSIONS as readonly string[]).includes(key), `selfService.${key}`, `is not a self-service permission; use one of ${oneOf(SELF_SERVICE_PERMISSIONS)}`);
    }
    for (const key of Object.keys(args.deviceAccess ?? {})) {
        problems.require(key in DEVICE_TYPES, `deviceAccess.${key}`, `is not a device type; use one of ${oneOf(Object.keys(DEVICE_TYPES))}`);
    }
    const type = "existingId" in args.directory ? args.directory.type : args.directory.type;
    if (args.logForwarding) {
        problems.require(type === "MicrosoftAD", "logForwarding", `log forwarding exists for MicrosoftAD only; the directory is ${show(type ?? "of unknown type")}`);
        problems.requireRange(args.logForwarding.retentionInDays, { min: 1, max: 3653 }, "logForwarding.retentionInDays", " days");
    }
    if (args.radius) {
        problems.require(type !== "SimpleAD", "radius", "RADIUS MFA is available for MicrosoftAD and ADConnector directories, not SimpleAD");
        problems.require(args.radius.servers.length > 0, "radius.servers", "list at least one RADIUS server");
        problems.requireRange(args.radius.port, { min: 1025, max: 65535 }, "radius.port");
        problems.requireRange(args.radius.timeout, { min: 1, max: 50 }, "radius.timeout", " seconds");
        problems.requireRange(args.radius.retries, { min: 0, max: 10 }, "radius.retries");
    }
    problems.requireOneOf<string>(args.defaultRole, ["create", "existing"], "defaultRole");
    if (!("existingId" in args.directory)) {
        problems.require(
            !(args.retainOnDelete === false && args.retainRegistration === true),
            "retainRegistration",
            "a directory registered with WorkSpaces cannot be deleted: keep the directory too (retainOnDelete), or let the registration go",
        );
    }
    if (args.apiEndpoint) {
        for (const [i, cidr] of args.apiEndpoint.clientCidrBlocks.entries()) {
            problems.require(isIpv4Cidr(cidr), `apiEndpoint.clientCidrBlocks[${i}]`, `${show(cidr)} is not an IPv4 CIDR block`);
        }
    }
}
