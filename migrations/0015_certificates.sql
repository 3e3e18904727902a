CREATE TABLE "certificate_requests" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"paper" boolean DEFAULT false NOT NULL,
	"requested_by_kind" text NOT NULL,
	"requested_by" text NOT NULL,
	"on_behalf" boolean DEFAULT false NOT NULL,
	"note" text,
	"status" text NOT NULL,
	"rule" text,
	"missing" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"requested_at" timestamp with time zone NOT NULL,
	CONSTRAINT "certificate_requests_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "certificate_requests_refusal" CHECK (("certificate_requests"."status" = 'refused') = ("certificate_requests"."rule" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "certificate_signers" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"role" text NOT NULL,
	"kid" text,
	"name" text NOT NULL,
	"certificate" text NOT NULL,
	"encrypted_key" text NOT NULL,
	"kinds" text[] NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	CONSTRAINT "certificate_signers_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "certificate_signers_kid_key" UNIQUE("region_id","kid"),
	CONSTRAINT "certificate_signers_kid" CHECK (("certificate_signers"."role" = 'dsc') = ("certificate_signers"."kid" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"paper" boolean DEFAULT false NOT NULL,
	"uci" text NOT NULL,
	"uci_hash" text NOT NULL,
	"payload" jsonb NOT NULL,
	"hc1" text NOT NULL,
	"kid" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"issued_by" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	CONSTRAINT "certificates_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "certificates_uci_key" UNIQUE("region_id","uci")
);
--> statement-breakpoint
ALTER TABLE "certificate_requests" ADD CONSTRAINT "certificate_requests_region_id_person_id_persons_region_id_id_fk" FOREIGN KEY ("region_id","person_id") REFERENCES "public"."persons"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_region_id_request_id_certificate_requests_region_id_id_fk" FOREIGN KEY ("region_id","request_id") REFERENCES "public"."certificate_requests"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_region_id_person_id_persons_region_id_id_fk" FOREIGN KEY ("region_id","person_id") REFERENCES "public"."persons"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_requests_person_idx" ON "certificate_requests" USING btree ("region_id","person_id");--> statement-breakpoint
CREATE INDEX "certificate_requests_month_idx" ON "certificate_requests" USING btree ("region_id","requested_at");--> statement-breakpoint
CREATE INDEX "certificate_requests_queue_idx" ON "certificate_requests" USING btree ("region_id","requested_at") WHERE "certificate_requests"."status" = 'queued';--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_signers_current_key" ON "certificate_signers" USING btree ("region_id","role") WHERE "certificate_signers"."retired_at" IS NULL AND "certificate_signers"."revoked_at" IS NULL;--> statement-breakpoint
CREATE INDEX "certificates_person_idx" ON "certificates" USING btree ("region_id","person_id");--> statement-breakpoint
CREATE INDEX "certificates_uci_hash_idx" ON "certificates" USING btree ("uci_hash");