import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiError, ApiErrorCode } from '../../src-shared/api/auth';

/** An error answer of the API: thrown anywhere in a route, sent as `ApiError` JSON. */
export class ApiHttpError extends Error {
  override name = 'ApiHttpError';

  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiError['issues'],
    /** Extra headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export function apiError(
  statusCode: number,
  code: ApiErrorCode,
  message: string,
  headers?: Record<string, string>,
): ApiHttpError {
  return new ApiHttpError(statusCode, code, message, undefined, headers);
}

/** Validates untrusted input; refuses it as 400 invalid-input with one issue per problem. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidInput(result.error);
}

function invalidInput(error: z.ZodError): ApiHttpError {
  // A few issues tell the caller what to fix; hundreds would only make a big answer.
  const issues = error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  return new ApiHttpError(400, 'invalid-input', 'The request is not valid.', issues);
}

/** Fastify's own errors, by code, as API errors. */
const FASTIFY_CODES: Record<string, [number, ApiErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body-too-large', 'The request body is too large.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'unsupported-media-type',
    'Send the body as application/json.',
  ],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid-input', 'The body is not valid JSON.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid-input', 'Content-Length does not match.'],
};

function toApiError(error: FastifyError | Error): { status: number; body: ApiError } {
  if (error instanceof ApiHttpError) {
    const body: ApiError = { code: error.code, message: error.message };
    if (error.issues) body.issues = error.issues;
    return { status: error.statusCode, body };
  }
  if (error instanceof z.ZodError) return toApiError(invalidInput(error));
  const fastifyError = error as FastifyError;
  const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known) return { status: known[0], body: { code: known[1], message: known[2] } };
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    // Other client errors Fastify raises (bad JSON such as __proto__ keys, bad headers).
    const code: ApiErrorCode =
      status === 404 ? 'not-found' : status === 413 ? 'body-too-large' : 'invalid-input';
    return { status, body: { code, message: fastifyError.message } };
  }
  return { status: 500, body: { code: 'internal', message: 'Internal server error.' } };
}

export function errorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const { status, body } = toApiError(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  if (error instanceof ApiHttpError && error.headers) reply.headers(error.headers);
  return reply.status(status).type('application/json').send(body);
}

export function notFoundBody(request: FastifyRequest): ApiError {
  return { code: 'not-found', message: `No route ${request.method} ${request.url.split('?')[0]}` };
}
