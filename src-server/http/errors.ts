import type { Socket } from 'node:net';
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
  // Raised by the router before any route or hook runs (see `frameworkErrorHandler`).
  FST_ERR_BAD_URL: [400, 'invalid-input', 'The URL is not valid.'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'invalid-input', 'The URL is too long.'],
  FST_ERR_ASYNC_CONSTRAINT: [500, 'internal', 'Internal server error.'],
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

/**
 * Errors the router meets before a route is found (a URL that does not decode, such as
 * `/%`). Without this Fastify writes its own body, `{error, code, message, statusCode}`,
 * which no client expects; `applyHeaders` adds what the onSend hooks would.
 */
export function frameworkErrorHandler(
  applyHeaders: (request: FastifyRequest, reply: FastifyReply) => void,
) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    applyHeaders(request, reply);
    return errorHandler(error, request, reply);
  };
}

/**
 * Requests Node's HTTP parser refuses (broken request line, headers too large, a client too
 * slow to send them) never reach Fastify: the answer is written to the socket here, in the
 * same `{code, message}` shape, instead of Fastify's own.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'The request took too long to arrive.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'The request headers are too large.']
        : [400, 'Bad Request', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ code: 'invalid-input', message } satisfies ApiError);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}

export function notFoundBody(request: FastifyRequest): ApiError {
  return { code: 'not-found', message: `No route ${request.method} ${request.url.split('?')[0]}` };
}
