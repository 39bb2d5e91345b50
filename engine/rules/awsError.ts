/**
 * What AWS would answer when it refuses a request: the error code of the API model (for example
 * `ValidationException`, `ResourceAlreadyExistsException`, `TooManyPolicies`) and its message.
 * The mock cloud throws it from a rule so that the offline plan fails where `pulumi up` would.
 */
export class AwsRefusal extends Error {
    constructor(
        readonly code: string,
        readonly awsMessage: string,
        readonly resource: { type: string; name: string },
    ) {
        super(`AWS would refuse ${resource.type} "${resource.name}": ${code}: ${awsMessage}`);
        this.name = "AwsRefusal";
    }
}
