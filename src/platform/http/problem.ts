import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { FOREIGN_KEY_VIOLATION, sqlState, UNIQUE_VIOLATION } from '../db/conflicts.js';
import { AppError, type ErrorCode, type FieldError } from '../errors.js';

const statusOf: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unavailable: 503,
};

const titles: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not logged in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request too large',
  414: 'Address too long',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
}

export function sendProblem(reply: FastifyReply, status: number, detail: string, errors?: FieldError[]): FastifyReply {
  const body: Problem = {
    type: `urn:lagesbild:problem:${status}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    instance: reply.request.url,
    ...(errors && errors.length ? { errors } : {}),
  };
  return reply.code(status).type('application/problem+json; charset=utf-8').send(body);
}

/** Maps every error to application/problem+json that names the field and the reason, never a stack trace. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return sendProblem(reply, statusOf[err.code], err.message, err.errors);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const errors = err.validation.flatMap((v) => {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const keys = (v.params as { keys?: string[] }).keys;
      // Each unknown field is its own error: `{ a, b }` names a and b, not a path a.b.
      if (v.keyword === 'unrecognized_keys' && keys?.length) return keys.map((k) => ({ field: [path, k].filter(Boolean).join('.'), message: 'unknown field' }));
      return [{ field: path || where, message: v.message ?? 'is invalid' }];
    });
    return sendProblem(reply, 400, `Invalid ${where}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
  }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(reply, 413, 'The request body is larger than this endpoint accepts', [{ field: 'body', message: 'too large' }]);
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendProblem(reply, 415, 'Send the body as application/json', [{ field: 'content-type', message: 'unsupported' }]);
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return sendProblem(reply, 400, 'The request body is empty', [{ field: 'body', message: 'required' }]);
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return sendProblem(reply, 400, `The request body is not valid JSON: ${err.message}`, [{ field: 'body', message: 'malformed JSON' }]);
  if (err.statusCode === 429) return sendProblem(reply, 429, err.message);
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendProblem(reply, err.statusCode, err.message);
  // A constraint the service did not check first is still the client's conflict, not our failure.
  const state = sqlState(err);
  if (state === UNIQUE_VIOLATION) return sendProblem(reply, 409, 'This already exists', [{ field: 'body', message: 'already exists' }]);
  if (state === FOREIGN_KEY_VIOLATION) return sendProblem(reply, 409, 'The request refers to something that does not exist in your region', [{ field: 'body', message: 'refers to nothing in your region' }]);
  req.log.error({ err }, 'unhandled error');
  return sendProblem(reply, 500, `Something went wrong on our side. Quote request id ${req.id} if you contact support.`);
}
