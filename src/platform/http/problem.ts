import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { FOREIGN_KEY_VIOLATION, sqlState, UNIQUE_VIOLATION } from '../db/conflicts.js';
import { AppError, type ErrorCode, type FieldError } from '../errors.js';
import { catalogues, fieldLabel, isLanguage, languageFromAcceptLanguage, render, text, unglue, type Language, type Text, type TextKey } from '../text/index.js';

const statusOf: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unavailable: 503,
};

export interface ProblemFieldError {
  /** Machine-readable: the path in the request (`answers.3.version`). */
  field: string;
  /** The field's name for a person, in the reader's language (the field itself when the catalogue has no label). */
  label: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: ProblemFieldError[];
}

/** The reader's language: the one chosen in the session, else the browser's Accept-Language, else Swedish. */
export function languageOf(req: FastifyRequest): Language {
  const chosen = req.actor?.language;
  if (isLanguage(chosen)) return chosen;
  const header = req.headers['accept-language'];
  return languageFromAcceptLanguage(Array.isArray(header) ? header[0] : header);
}

/** A plain string is sent as it is, unless it glues both languages ("sv / en"): then the reader's half. */
const shown = (lang: Language, m: string | Text) => {
  const t = typeof m === 'string' ? unglue(m) : m;
  return typeof t === 'string' ? t : render(lang, t);
};

export function sendProblem(reply: FastifyReply, status: number, detail: string | Text, errors?: FieldError[]): FastifyReply {
  const lang = languageOf(reply.request);
  const titleKey = `problem.title.${status}` as TextKey;
  const body: Problem = {
    type: `urn:lagesbild:problem:${status}`,
    title: render(lang, titleKey in catalogues.sv ? titleKey : 'problem.title.other'),
    status,
    detail: shown(lang, detail),
    instance: reply.request.url,
    ...(errors && errors.length ? { errors: errors.map((e) => ({ field: e.field, label: fieldLabel(lang, e.field) ?? e.field, message: shown(lang, e.message) })) } : {}),
  };
  return reply.code(status).type('application/problem+json; charset=utf-8').header('content-language', lang).header('vary', 'Accept-Language').send(body);
}

/** A thrown AppError in the reader's language; one field's error reads "Label: reason". */
function sendAppError(reply: FastifyReply, err: AppError): FastifyReply {
  const lang = languageOf(reply.request);
  const [only] = err.errors;
  const detail =
    typeof err.text !== 'string' && err.errors.length === 1 && only!.message === err.text
      ? render(lang, 'problem.fieldDetail', { label: fieldLabel(lang, only!.field) ?? only!.field, message: err.text })
      : err.text;
  return sendProblem(reply, statusOf[err.code], detail, err.errors);
}

type ZodIssueParams = { keys?: string[]; minimum?: number | bigint; maximum?: number | bigint; origin?: string; expected?: string; values?: unknown[]; format?: string };

/**
 * A request the schema refused, in the reader's language: a message the schema gives as a catalogue key is
 * rendered with the issue's bounds; zod's own English messages become the catalogue's text for their kind;
 * any other message a schema wrote (older areas) is sent as it is.
 */
function zodMessage(keyword: string, message: string | undefined, params: ZodIssueParams): string | Text {
  const bounds = { min: Number(params.minimum ?? 0), max: Number(params.maximum ?? 0) };
  if (message && message in catalogues.sv) return text(message as TextKey, bounds);
  if (message && !/^(Invalid|Too (big|small)|Unrecognized|Required|Expected)/.test(message)) return unglue(message);
  const strings = params.origin === 'string';
  switch (keyword) {
    case 'invalid_type':
      return text(params.expected === 'undefined' || message?.includes('received undefined') ? 'validation.required' : 'validation.type', { expected: params.expected ?? '' });
    case 'too_small':
      return text(strings ? (bounds.min <= 1 ? 'validation.empty' : 'validation.minLength') : params.origin === 'array' ? 'validation.minItems' : 'validation.min', bounds);
    case 'too_big':
      return text(strings ? 'validation.maxLength' : params.origin === 'array' ? 'validation.maxItems' : 'validation.max', bounds);
    case 'invalid_format':
      return text('validation.format', { format: params.format ?? '' });
    case 'invalid_value':
      return text('validation.oneOf', { values: (params.values ?? []).map(String).join(', ') });
    default:
      return text('validation.invalid');
  }
}

/** Maps every error to application/problem+json that names the field and the reason, never a stack trace. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return sendAppError(reply, err);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const errors: FieldError[] = err.validation.flatMap((v) => {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const params = v.params as ZodIssueParams;
      // Each unknown field is its own error: `{ a, b }` names a and b, not a path a.b.
      if (v.keyword === 'unrecognized_keys' && params.keys?.length) return params.keys.map((k) => ({ field: [path, k].filter(Boolean).join('.'), message: text('validation.unknownField') }));
      return [{ field: path || where, message: zodMessage(v.keyword, v.message, params) }];
    });
    const lang = languageOf(req);
    const list = errors.map((e) => `${fieldLabel(lang, e.field) ?? e.field}: ${shown(lang, e.message)}`).join('; ');
    return sendProblem(reply, 400, text(`validation.detail.${where === 'querystring' || where === 'params' || where === 'headers' ? where : 'body'}`, { errors: list }), errors);
  }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(reply, 413, text('problem.bodyTooLarge'), [{ field: 'body', message: text('validation.tooLarge') }]);
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendProblem(reply, 415, text('problem.mediaType'), [{ field: 'content-type', message: text('validation.unsupported') }]);
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return sendProblem(reply, 400, text('problem.emptyBody'), [{ field: 'body', message: text('validation.required') }]);
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return sendProblem(reply, 400, text('problem.badJson', { reason: err.message }), [{ field: 'body', message: text('validation.malformedJson') }]);
  if (err.statusCode === 429) return sendProblem(reply, 429, text('problem.tooManyRequests'));
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendProblem(reply, err.statusCode, err.message);
  // A constraint the service did not check first is still the client's conflict, not our failure.
  const state = sqlState(err);
  if (state === UNIQUE_VIOLATION) return sendProblem(reply, 409, text('problem.exists'), [{ field: 'body', message: text('validation.exists') }]);
  if (state === FOREIGN_KEY_VIOLATION) return sendProblem(reply, 409, text('problem.refersToNothing'), [{ field: 'body', message: text('validation.refersToNothing') }]);
  req.log.error({ err }, 'unhandled error');
  return sendProblem(reply, 500, text('problem.internal', { requestId: req.id }));
}
