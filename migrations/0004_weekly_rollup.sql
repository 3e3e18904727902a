CREATE TABLE "test_week_counts" (
	"region_id" text NOT NULL,
	"week" text NOT NULL,
	"test_type" text NOT NULL,
	"other" boolean NOT NULL,
	"tests" integer DEFAULT 0 NOT NULL,
	"individuals" integer DEFAULT 0 NOT NULL,
	"positive" integer DEFAULT 0 NOT NULL,
	"negative" integer DEFAULT 0 NOT NULL,
	"not_assessable" integer DEFAULT 0 NOT NULL,
	"pending" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "test_week_counts_region_id_week_test_type_other_pk" PRIMARY KEY("region_id","week","test_type","other")
);
--> statement-breakpoint
CREATE TABLE "test_week_persons" (
	"region_id" text NOT NULL,
	"week" text NOT NULL,
	"test_type" text NOT NULL,
	"other" boolean NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "test_week_persons_region_id_week_test_type_other_person_id_pk" PRIMARY KEY("region_id","week","test_type","other","person_id")
);
