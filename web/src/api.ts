import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './contract/schema.js';

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

export interface FieldProblem {
  /** Machine-readable: the path in the request. */
  field: string;
  /** The field's name for a person, in the language the request asked for. */
  label?: string;
  message: string;
}

/** An RFC 9457 `application/problem+json` body as the server sends it. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
}

/** Thrown by {@link api} for every non-2xx answer; `status` 0 means the server was not reached. */
export class ApiError extends Error {
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title, options);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get fieldErrors(): FieldProblem[] {
    return this.problem.errors ?? [];
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const fallback: ProblemDetails = {
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
    };
    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.includes('json')) return new ApiError(fallback);
    try {
      return new ApiError(toProblem(await response.json(), fallback));
    } catch {
      return new ApiError(fallback);
    }
  }
}

function toProblem(body: unknown, fallback: ProblemDetails): ProblemDetails {
  if (typeof body !== 'object' || body === null) return fallback;
  const b = body as Record<string, unknown>;
  const errors = Array.isArray(b.errors)
    ? b.errors.flatMap((e: unknown): FieldProblem[] => {
        if (typeof e !== 'object' || e === null) return [];
        const { field, label, message } = e as Record<string, unknown>;
        return [{ field: typeof field === 'string' ? field : '', ...(typeof label === 'string' ? { label } : {}), message: typeof message === 'string' ? message : '' }];
      })
    : undefined;
  return {
    type: typeof b.type === 'string' ? b.type : fallback.type,
    title: typeof b.title === 'string' ? b.title : fallback.title,
    status: typeof b.status === 'number' ? b.status : fallback.status,
    ...(typeof b.detail === 'string' ? { detail: b.detail } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isUnauthorized(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

// ---------------------------------------------------------------------------
// The client, typed by the contract the server publishes (web/src/contract, `npm run contract`)
// ---------------------------------------------------------------------------

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON body a route answers with (its 200 or 201). */
export type ResponseOf<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { responses: infer R } ? Json<R[Extract<keyof R, 200 | 201>]> : never;
/** The JSON body a route takes. */
export type BodyOf<P extends keyof paths, M extends Method = 'post'> =
  Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;
/** The query parameters a route takes. */
export type QueryOf<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The page's language (set by i18n on <html lang>): the server writes its problems in it. */
const pageLanguage = () => (globalThis.document?.documentElement.lang === 'en' ? 'en' : 'sv');

/** Every non-2xx answer becomes an {@link ApiError}; a failed connection one with status 0. */
const problems: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', pageLanguage());
    return request;
  },
  async onResponse({ response }) {
    if (!response.ok) throw await ApiError.fromResponse(response);
    return undefined;
  },
  onError({ error, request }) {
    if (request.signal.aborted) return undefined;
    return new ApiError({ type: 'about:blank', title: 'Network error', status: 0 }, { cause: error });
  },
};

/**
 * The API, with paths, parameters, bodies and answers checked against the contract. Same-origin
 * cookies; `fetch` is looked up per call (tests replace it).
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  headers: { Accept: 'application/json, application/problem+json' },
  fetch: (request) => globalThis.fetch(request),
});
api.use(problems);

type Present<T> = { [K in keyof T]?: Exclude<T[K], null | ''> };

/** The query without its empty parameters: a form's blank field means "any", not "equal to ''". */
export function nonEmpty<T extends Record<string, unknown>>(query: T): Present<T> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Present<T>;
}

/** The body of a successful call (errors were thrown by the middleware). */
export async function ok<D>(call: Promise<{ data?: D }>): Promise<D> {
  return (await call).data as D;
}

// ---------------------------------------------------------------------------
// Links the browser downloads itself (CSV, XLSX, PDF)
// ---------------------------------------------------------------------------

/** Appends the non-empty parameters as a query string. */
export function withQuery(path: string, params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const qs = search.toString();
  return qs === '' ? path : `${path}?${qs}`;
}

// ---------------------------------------------------------------------------
// Sessions, the audit log and messages
// ---------------------------------------------------------------------------

export type Session = ResponseOf<'/api/session'>;
export type Actor = Session['actor'];
export type AuthConfig = ResponseOf<'/api/auth/config'>;
export type DemoUsers = ResponseOf<'/api/auth/demo/users'>;
export type DemoStaff = DemoUsers['staff'][number];
export type DemoCitizen = DemoUsers['citizens'][number];
export type DemoLoginRequest = BodyOf<'/api/auth/demo/login'>;
export type MyRecordEntry = ResponseOf<'/api/audit/my-record'>['entries'][number];
/** The search's filters (the cursor is the query's own). */
export type AuditFilters = Omit<QueryOf<'/api/audit/search'>, 'cursor' | 'limit'>;
export type AuditEntry = ResponseOf<'/api/audit/search'>['entries'][number];
export type ChainVerification = ResponseOf<'/api/audit/verify', 'post'>;
export type DeliveredMessage = ResponseOf<'/api/messages'>['messages'][number];
export type MessageChannel = DeliveredMessage['channel'];
export type InboxMessage = ResponseOf<'/api/inbox'>['messages'][number];

/** The channels in the order the filter offers them; the type checker holds it to the contract. */
export const MESSAGE_CHANNELS = ['sms', 'email', 'inbox'] as const satisfies readonly MessageChannel[];

export const queryKeys = {
  authConfig: ['auth', 'config'] as const,
  session: ['session'] as const,
  demoUsers: ['auth', 'demo-users'] as const,
  myRecord: ['audit', 'my-record'] as const,
  auditSearch: (filters: AuditFilters) => ['audit', 'search', filters] as const,
  messages: (channel: MessageChannel | null) => ['messages', channel ?? 'all'] as const,
  inbox: ['inbox'] as const,
};

export function useAuthConfig() {
  return useQuery({
    queryKey: queryKeys.authConfig,
    queryFn: ({ signal }) => ok(api.GET('/api/auth/config', { signal })),
    staleTime: Infinity,
  });
}

export function useSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: ({ signal }) => ok(api.GET('/api/session', { signal })),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useDemoUsers(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.demoUsers,
    queryFn: ({ signal }) => ok(api.GET('/api/auth/demo/users', { signal })),
    enabled,
    staleTime: Infinity,
  });
}

/** Drops everything cached for the previous user but keeps the login configuration. */
export function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
}

export function useDemoLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: DemoLoginRequest) => ok(api.POST('/api/auth/demo/login', { body: request })),
    onSuccess: (session) => {
      forgetUserData(queryClient);
      queryClient.setQueryData(queryKeys.session, session);
    },
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => ok(api.POST('/api/auth/logout')),
  });
}

export function useMyRecord() {
  return useQuery({
    queryKey: queryKeys.myRecord,
    queryFn: ({ signal }) => ok(api.GET('/api/audit/my-record', { signal })),
  });
}

/** Searches the audit log; pass null to not search yet. */
export function useAuditSearch(filters: AuditFilters | null) {
  return useInfiniteQuery({
    queryKey: queryKeys.auditSearch(filters ?? {}),
    queryFn: ({ pageParam, signal }) => ok(api.GET('/api/audit/search', { params: { query: nonEmpty({ ...filters, cursor: pageParam }) }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: filters !== null,
    // Every search is itself audited: never repeat one behind the user's back.
    staleTime: Infinity,
  });
}

export function useVerifyAuditChain() {
  return useMutation({
    mutationFn: () => ok(api.POST('/api/audit/verify')),
  });
}

/** Delivered messages of the embedded transports (region_admin); null channel means all. */
export function useMessages(channel: MessageChannel | null) {
  return useInfiniteQuery({
    queryKey: queryKeys.messages(channel),
    queryFn: ({ pageParam, signal }) => ok(api.GET('/api/messages', { params: { query: nonEmpty({ channel, cursor: pageParam }) }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Reading delivered messages is audited per person: only fetch when asked to.
    staleTime: Infinity,
  });
}

/** The signed-in citizen's 1177 inbox. */
export function useInbox() {
  return useQuery({
    queryKey: queryKeys.inbox,
    queryFn: ({ signal }) => ok(api.GET('/api/inbox', { signal })),
  });
}
