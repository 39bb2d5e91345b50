"""WorkSpaces for a small team: an AWS Managed Microsoft AD, its users, one encrypted desktop each."""
import pulumi
import pulumi_aws as aws
import pulumi_aws_euc as euc

config = pulumi.Config()
vpc_id = config.require("vpcId")
subnet_ids = config.require_object("subnetIds")  # two subnets in two Availability Zones

users = [
    euc.workspaces.WorkspaceUserArgs(user_name="ana.silva", email="ana.silva@example.com", given_name="Ana", surname="Silva"),
    euc.workspaces.WorkspaceUserArgs(user_name="li.wei", email="li.wei@example.com", given_name="Li", surname="Wei"),
    euc.workspaces.WorkspaceUserArgs(
        user_name="sam.martin",
        email="sam.martin@example.com",
        given_name="Sam",
        surname="Martin",
        compute_type="PERFORMANCE",
    ),
]

desktops = euc.workspaces.DesktopEnvironment(
    "team",
    directory={
        "network": {"vpc_id": vpc_id, "subnet_ids": subnet_ids},
        "directory": {"type": "MicrosoftAD", "name": "corp.example.com", "enable_directory_data_access": True},
        # An account that never used WorkSpaces lacks workspaces_DefaultRole: create it here once.
        "default_role": "create",
    },
    desktops={"bundle": {"name": "Standard with Windows 10 (Server 2022 based)"}},
    users=users,
    provision_users={"passwords": "generated"},
    tags={"team": "finance"},
)

pulumi.export("registrationCode", desktops.registration_code)
pulumi.export("webClientUrl", desktops.web_client_url)
# A secret: `pulumi stack output userPasswords --show-secrets`.
pulumi.export("userPasswords", desktops.user_passwords)
