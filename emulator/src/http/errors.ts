import type { ContentfulStatusCode } from 'hono/utils/http-status';

// The Java exception class the real service names for each error type (seen in the seed examples).
const EXCEPTIONS: Record<string, string> = {
  unauthorized: 'org.apache.shiro.authz.UnauthorizedException',
  auth_bad_access_token: 'org.apache.usergrid.rest.exceptions.SecurityException',
  service_resource_not_found: 'org.apache.usergrid.services.exceptions.ServiceResourceNotFoundException',
  duplicate_unique_property_exists: 'org.apache.usergrid.persistence.exceptions.DuplicateUniquePropertyExistsException',
  entity_not_found: 'org.apache.usergrid.persistence.exceptions.EntityNotFoundException',
  required_property_not_found: 'org.apache.usergrid.persistence.exceptions.RequiredPropertyNotFoundException',
  management: 'org.apache.usergrid.management.exceptions.ManagementException',
  illegal_argument: 'java.lang.IllegalArgumentException',
  invalid_parameter: 'com.easemob.group.exception.InvalidParameterException',
  forbidden_op: 'com.easemob.group.exception.ForbiddenOpException',
  resource_not_found: 'com.easemob.group.exception.ResourceNotFoundException',
  exceed_limit: 'com.easemob.group.exception.ExceedLimitException',
  metadata_error: 'com.easemob.metadata.exception.MetadataException',
  MetadataException: 'com.easemob.metadata.exception.MetadataException',
  reach_limit: 'com.easemob.ratelimit.exception.RateLimitException',
  organization_application_not_found: 'org.apache.usergrid.rest.exceptions.OrganizationApplicationNotFoundException',
  json_parse: 'com.fasterxml.jackson.core.JsonParseException',
};

/** A documented failure: HTTP status, `error` and `error_description`, as the seeds show them. */
export class ImError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly error: string,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${error}: ${description}`);
  }

  body(timestamp: number, duration: number) {
    return {
      error: this.error,
      timestamp,
      duration,
      exception: EXCEPTIONS[this.error] ?? 'java.lang.RuntimeException',
      error_description: this.description,
    };
  }
}

export const fail = (status: ContentfulStatusCode, error: string, description: string): never => {
  throw new ImError(status, error, description);
};

// Errors that recur across documents, with their documented wording.
export const errors = {
  badRequest: (description: string) => new ImError(400, 'illegal_argument', description),
  invalidParameter: (description: string) => new ImError(400, 'invalid_parameter', description),
  userNotFound: () => new ImError(404, 'service_resource_not_found', 'Service resource not found'),
  groupNotFound: (groupId: string) => new ImError(404, 'resource_not_found', `grpID ${groupId} does not exist!`),
  notMembers: (usernames: string[]) =>
    new ImError(403, 'forbidden_op', `users [${usernames.join(', ')}] are not members of this group!`),
  onOwner: () => new ImError(403, 'forbidden_op', 'forbidden operation on group owner!'),
};
