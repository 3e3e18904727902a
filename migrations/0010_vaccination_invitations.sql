CREATE TABLE "vaccination_invitation_lists" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"vaccine" text NOT NULL,
	"title" text NOT NULL,
	"municipality_code" text,
	"postal_code_prefix" text,
	"built_for" date NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vaccination_invitation_lists_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "vaccination_invitation_lists_area" CHECK ("vaccination_invitation_lists"."municipality_code" IS NOT NULL OR "vaccination_invitation_lists"."postal_code_prefix" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "vaccination_invitations" (
	"region_id" text NOT NULL,
	"list_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"dose_number" integer NOT NULL,
	"eligible_from" date NOT NULL,
	"letter_at" timestamp with time zone,
	"sms_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"reminders" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "vaccination_invitations_region_id_list_id_person_id_pk" PRIMARY KEY("region_id","list_id","person_id")
);
--> statement-breakpoint
CREATE INDEX "vaccination_invitations_person_idx" ON "vaccination_invitations" USING btree ("region_id","person_id");