import { z } from 'zod';
import { AppError } from './errors.js';

/** Everything Lägesbild reads from the environment, parsed once at start. */
export const ConfigSchema = z.object({
  /** postgres://… for a real server; unset means embedded PGlite in `dataDir`. */
  databaseUrl: z.string().url().optional(),
  dataDir: z.string().default('./data'),
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public base URL, used for OIDC redirects and links in messages. */
  publicUrl: z.string().url().optional(),
  /** The region this instance serves (county code); a national deployment serves all. */
  regionId: z.string().regex(/^\d{2}$/).default('18'),
  demo: z.boolean().default(true),
  /** At most half a million: each region's demo people draw birth numbers from its own 1/21 of the serials (identity/demo/population.ts). */
  demoSize: z.coerce.number().int().min(0).max(500_000).default(30_000),
  demoSeed: z.coerce.number().int().default(2021),
  /** Demo login (pick a person from a list) is only for demo and development. */
  demoLogin: z.boolean().default(true),
  sessionTtlHours: z.coerce.number().positive().default(10),
  secureCookies: z.boolean().default(false),
  oidc: z
    .object({
      issuer: z.string().url(),
      clientId: z.string().min(1),
      clientSecret: z.string().min(1),
      /** Claim that carries a citizen's personnummer (e-ID brokers differ). */
      personnummerClaim: z.string().default('personal_identity_number'),
    })
    .optional(),
  /** Requests per minute from one client address that is not logged in as staff: public forms, logins, citizens. */
  rateLimitPerMinute: z.coerce.number().int().positive().default(120),
  /** Requests per minute from one logged-in staff member, counted apart from the public: a list page asks for several things at once. */
  staffRateLimitPerMinute: z.coerce.number().int().positive().default(1200),
  /** Where SMS and e-mail go in production (an SMS/e-mail gateway taking JSON); unset = the embedded transports. */
  messageWebhookUrl: z.string().url().optional(),
  /** Where clinical notifications go (a SmiNet integration taking JSON); unset = the embedded transport that keeps them. */
  sminetWebhookUrl: z.string().url().optional(),
  /** Where dose reports to the national vaccination register go (an integration platform taking JSON); unset = the embedded register. */
  nvrWebhookUrl: z.string().url().optional(),
  /** Where suspected adverse events go (Läkemedelsverket's reporting through an integration taking JSON); unset = received here with a reference. */
  adverseEventWebhookUrl: z.string().url().optional(),
  /** The bearer token NVR's integration presents when it answers a report later (after a 202); unset = no such answers taken. */
  nvrAnswerToken: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * The key that signs audit entries and checkpoints (HMAC-SHA256); the database never holds it. Unset: a
   * key generated on first start in `<dataDir>/audit.key`. Instances that share a database must share it.
   */
  auditKey: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * The key that encrypts the certificate signing keys at rest (AES-256-GCM). Unset: a key generated on first
   * start in `<dataDir>/certificate.key`. Instances that share a database must share it.
   */
  certificateKey: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Where the basis (underlag) for the national certificate issuer goes (JSON); unset = kept in Lägesbild with a receipt. */
  certificateBasisWebhookUrl: z.string().url().optional(),
  /** Where audit checkpoints are also sent (a receiver outside this database, taking JSON); unset = file and log only. */
  auditCheckpointWebhookUrl: z.string().url().optional(),
  /** Reporting: this instance is the national one (rounds, received submissions and reports; no personal data of its own). */
  nationalInstance: z.boolean().default(false),
  /** Reporting: the national instance's base URL this region's signed submissions go to; unset = this database is the nation too. */
  reportingNationalUrl: z.string().url().optional(),
  /**
   * How long the nightly purge keeps each class of personal data (src/privacy/README.md). Journal records keep
   * at least the statutory ten years (patientdatalagen 3 kap. 17 §); a shorter setting is refused at start.
   */
  retention: z
    .object({
      journalYears: z.coerce.number().int().min(10, 'journal records are kept at least 10 years (patientdatalagen 3 kap. 17 §)').default(10),
      contactDays: z.coerce.number().int().positive().default(730),
      operationalDays: z.coerce.number().int().positive().default(365),
      technicalDays: z.coerce.number().int().positive().default(90),
    })
    .prefault({}),
  /** Referrals not received at the lab this many hours after their sampling time are flagged to the ordering unit. */
  referralOverdueHours: z.coerce.number().int().min(1).max(24 * 30).default(48),
  /** Apply migrations at start; off when the application's database role may not change the schema. */
  migrateOnStart: z.boolean().default(true),
  runWorker: z.boolean().default(true),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});
export type Config = z.infer<typeof ConfigSchema>;

const bool = (v: string | undefined) => (v === undefined ? undefined : ['1', 'true', 'yes', 'on'].includes(v.toLowerCase()));

/** Reads the environment; command-line flags (already parsed) win over it. */
export function loadConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const oidc = env.OIDC_ISSUER
    ? {
        issuer: env.OIDC_ISSUER,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET,
        personnummerClaim: env.OIDC_PERSONNUMMER_CLAIM,
      }
    : undefined;
  const raw = {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.LAGESBILD_DATA_DIR,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL,
    regionId: env.LAGESBILD_REGION,
    demo: bool(env.LAGESBILD_DEMO),
    demoSize: env.LAGESBILD_DEMO_SIZE,
    demoSeed: env.LAGESBILD_DEMO_SEED,
    demoLogin: bool(env.LAGESBILD_DEMO_LOGIN),
    sessionTtlHours: env.SESSION_TTL_HOURS,
    secureCookies: bool(env.SECURE_COOKIES),
    oidc,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    staffRateLimitPerMinute: env.STAFF_RATE_LIMIT_PER_MINUTE,
    messageWebhookUrl: env.MESSAGE_WEBHOOK_URL || undefined,
    sminetWebhookUrl: env.SMINET_WEBHOOK_URL || undefined,
    nvrWebhookUrl: env.NVR_WEBHOOK_URL || undefined,
    adverseEventWebhookUrl: env.LMV_WEBHOOK_URL || undefined,
    nvrAnswerToken: env.NVR_ANSWER_TOKEN || undefined,
    auditKey: env.AUDIT_KEY || undefined,
    auditCheckpointWebhookUrl: env.AUDIT_CHECKPOINT_WEBHOOK_URL || undefined,
    certificateKey: env.CERTIFICATE_KEY || undefined,
    certificateBasisWebhookUrl: env.CERTIFICATE_BASIS_WEBHOOK_URL || undefined,
    nationalInstance: bool(env.LAGESBILD_NATIONAL),
    reportingNationalUrl: env.LAGESBILD_NATIONAL_URL || undefined,
    retention: {
      journalYears: env.RETENTION_JOURNAL_YEARS || undefined,
      contactDays: env.RETENTION_CONTACT_DAYS || undefined,
      operationalDays: env.RETENTION_OPERATIONAL_DAYS || undefined,
      technicalDays: env.RETENTION_TECHNICAL_DAYS || undefined,
    },
    referralOverdueHours: env.REFERRAL_OVERDUE_HOURS || undefined,
    migrateOnStart: bool(env.LAGESBILD_MIGRATE),
    runWorker: bool(env.LAGESBILD_WORKER),
    logLevel: env.LOG_LEVEL,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('invalid', `Configuration error in ${issue.path.join('.')}: ${issue.message}`, issue.path.join('.'));
  }
  return parsed.data;
}

/** The address users reach Lägesbild at, for links in messages and OIDC redirects. */
export const publicUrlOf = (config: Config): string => config.publicUrl ?? `http://${config.host}:${config.port}`;
