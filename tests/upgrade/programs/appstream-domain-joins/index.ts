import * as pulumi from "@pulumi/pulumi";
import { appstream } from "../../../../components";

const join = (directoryName: string, dc: string) => ({
    directoryName,
    organizationalUnit: `OU=AppStream,${dc}`,
    serviceAccount: { name: "CORP\\appstream-join", password: pulumi.secret("Join-Passw0rd!") },
});

new appstream.StreamingEnvironment("excel", {
    network: { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"], securityGroupIds: ["sg-0123456789abcdef0"] },
    imageBuilder: { instanceType: "stream.standard.medium", image: { name: "AppStream-WinServer2022-01-01-2026" }, domainJoin: join("build.example.com", "DC=build,DC=example,DC=com") },
    fleet: { instanceType: "stream.standard.medium", image: { name: "excel-image" }, capacity: { desiredInstances: 2 }, domainJoin: join("corp.example.com", "DC=corp,DC=example,DC=com") },
});
