import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

export interface FieldProblem {
  field: string;
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

/** Thrown by {@link apiFetch} for every non-2xx answer; `status` 0 means the server was not reached. */
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
        const { field, message } = e as Record<string, unknown>;
        return [{ field: typeof field === 'string' ? field : '', message: typeof message === 'string' ? message : '' }];
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
// Fetch wrapper
// ---------------------------------------------------------------------------

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. Leave undefined for no body (a JSON content type with an empty body is a 400 on Fastify). */
  body?: unknown;
  signal?: AbortSignal;
}

export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const init: RequestInit = {
    method: request.method ?? 'GET',
    credentials: 'same-origin',
    headers,
  };
  if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(request.body);
  }
  if (request.signal) init.signal = request.signal;

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    if (request.signal?.aborted) throw cause;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0 }, { cause });
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

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
// Contract types
// ---------------------------------------------------------------------------

export interface Region {
  id: string;
  name: string;
}

export interface StaffActor {
  kind: 'staff';
  id: string;
  name: string;
  /** A role id from `navigation.ts`; typed loosely because the server may know roles this UI does not. */
  role: string;
  region: Region;
  unitName?: string | null;
}

export interface CitizenActor {
  kind: 'citizen';
  id: string;
  name: string;
  region: Region;
}

export type Actor = StaffActor | CitizenActor;

export interface Session {
  actor: Actor;
}

export interface AuthConfig {
  demo: boolean;
  oidc: boolean;
  regionName: string;
}

export interface DemoStaff {
  id: string;
  name: string;
  role: string;
  unitName?: string | null;
}

export interface DemoCitizen {
  id: string;
  name: string;
  age: number | null;
  note: string;
}

export interface DemoUsers {
  staff: DemoStaff[];
  citizens: DemoCitizen[];
}

export interface DemoLoginRequest {
  kind: 'staff' | 'citizen';
  id: string;
}

export interface MyRecordEntry {
  at: string;
  actorName: string;
  actorRole: string;
  regionName: string;
  action: string;
  purpose: string;
}

export interface AuditFilters {
  identityNumber?: string;
  actorId?: string;
  action?: string;
  /** YYYY-MM-DD */
  from?: string;
  /** YYYY-MM-DD */
  to?: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorName: string;
  actorRole: string;
  /** A masked label ("Anna A., 19810312-****"); null for entries about no person. */
  personLabel: string | null;
  action: string;
  purpose: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextCursor?: string | null;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** Entries not yet sealed into the chain (sent by the server, not in the written contract). */
  unsealed?: number;
  /** Where the chain breaks; the server currently sends a description ("entry 42: …"), not a timestamp. */
  firstBrokenAt?: string;
}

export const MESSAGE_CHANNELS = ['sms', 'email', 'inbox'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export interface DeliveredMessage {
  id: string;
  channel: MessageChannel;
  recipient: string;
  subject: string | null;
  body: string;
  deliveredAt: string;
  status: string;
}

export interface MessagesPage {
  messages: DeliveredMessage[];
  nextCursor?: string | null;
}

export interface InboxMessage {
  id: string;
  subject: string | null;
  body: string;
  deliveredAt: string;
}

// ---------------------------------------------------------------------------
// Query keys and hooks
// ---------------------------------------------------------------------------

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
    queryFn: ({ signal }) => apiFetch<AuthConfig>('/api/auth/config', { signal }),
    staleTime: Infinity,
  });
}

export function useSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: ({ signal }) => apiFetch<Session>('/api/session', { signal }),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useDemoUsers(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.demoUsers,
    queryFn: ({ signal }) => apiFetch<DemoUsers>('/api/auth/demo/users', { signal }),
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
    mutationFn: (request: DemoLoginRequest) =>
      apiFetch<Session>('/api/auth/demo/login', { method: 'POST', body: request }),
    onSuccess: (session) => {
      forgetUserData(queryClient);
      queryClient.setQueryData(queryKeys.session, session);
    },
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => apiFetch<void>('/api/auth/logout', { method: 'POST' }),
  });
}

export function useMyRecord() {
  return useQuery({
    queryKey: queryKeys.myRecord,
    queryFn: ({ signal }) => apiFetch<{ entries: MyRecordEntry[] }>('/api/audit/my-record', { signal }),
  });
}

/** Searches the audit log; pass null to not search yet. */
export function useAuditSearch(filters: AuditFilters | null) {
  return useInfiniteQuery({
    queryKey: queryKeys.auditSearch(filters ?? {}),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<AuditPage>(withQuery('/api/audit/search', { ...filters, cursor: pageParam }), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: filters !== null,
    // Every search is itself audited: never repeat one behind the user's back.
    staleTime: Infinity,
  });
}

export function useVerifyAuditChain() {
  return useMutation({
    mutationFn: () => apiFetch<ChainVerification>('/api/audit/verify', { method: 'POST' }),
  });
}

/** Delivered messages of the embedded transports (region_admin); null channel means all. */
export function useMessages(channel: MessageChannel | null) {
  return useInfiniteQuery({
    queryKey: queryKeys.messages(channel),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<MessagesPage>(withQuery('/api/messages', { channel, cursor: pageParam }), { signal }),
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
    queryFn: ({ signal }) => apiFetch<{ messages: InboxMessage[] }>('/api/inbox', { signal }),
  });
}
