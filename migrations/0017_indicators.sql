CREATE TABLE "indicator_compute_runs" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"inputs" jsonb NOT NULL,
	"values_written" integer NOT NULL,
	"run_by" text NOT NULL,
	CONSTRAINT "indicator_compute_runs_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "indicator_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"numerator" text NOT NULL,
	"denominator" text NOT NULL,
	"computation" text,
	"unit" text NOT NULL,
	"source" text NOT NULL,
	"population" text NOT NULL,
	"period_type" text NOT NULL,
	"target_value" numeric,
	"target_direction" text,
	"target_date" date,
	"owner" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_definitions_version_key" UNIQUE("code","version"),
	CONSTRAINT "indicator_definitions_version" CHECK ("indicator_definitions"."version" >= 1),
	CONSTRAINT "indicator_definitions_target" CHECK (("indicator_definitions"."target_value" IS NULL) = ("indicator_definitions"."target_direction" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "indicator_import_rejections" (
	"region_id" text NOT NULL,
	"import_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"column" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "indicator_import_rejections_region_id_import_id_row_column_pk" PRIMARY KEY("region_id","import_id","row","column")
);
--> statement-breakpoint
CREATE TABLE "indicator_imports" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"format" text NOT NULL,
	"rows_total" integer NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"imported_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "indicator_imports_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "indicator_imports_file_key" UNIQUE("region_id","kind","file_sha256")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"definition_id" uuid NOT NULL,
	"org_level" text NOT NULL,
	"org_code" text NOT NULL,
	"org_name" text NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"numerator" numeric NOT NULL,
	"denominator" numeric NOT NULL,
	"source" text NOT NULL,
	"import_id" uuid,
	"run_id" uuid,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "indicator_values_key" UNIQUE("region_id","definition_id","org_level","org_code","period","source"),
	CONSTRAINT "indicator_values_ratio" CHECK ("indicator_values"."denominator" > 0 AND "indicator_values"."numerator" >= 0)
);
--> statement-breakpoint
CREATE TABLE "indicator_primary_care_contacts" (
	"region_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" text NOT NULL,
	"person_number" text NOT NULL,
	"birth_date" date NOT NULL,
	"care_unit_code" text NOT NULL,
	"care_unit_name" text NOT NULL,
	"provider_code" text NOT NULL,
	"contact_date" date NOT NULL,
	"contact_type" text NOT NULL,
	"professional_category" text NOT NULL,
	"practitioner_code" text,
	"listed_unit_code" text,
	"named_doctor" boolean NOT NULL,
	"care_home" boolean DEFAULT false NOT NULL,
	"discharge_date" date,
	"unplanned" boolean,
	"import_id" uuid,
	CONSTRAINT "indicator_primary_care_contacts_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "indicator_primary_care_contacts_key" UNIQUE("region_id","contact_id")
);
--> statement-breakpoint
CREATE INDEX "indicator_values_definition_idx" ON "indicator_values" USING btree ("definition_id","period_start");--> statement-breakpoint
CREATE INDEX "indicator_primary_care_contacts_admission_idx" ON "indicator_primary_care_contacts" USING btree ("region_id","person_number","contact_date") WHERE "indicator_primary_care_contacts"."contact_type" = 'admission';--> statement-breakpoint
-- hand-written below
-- Indicators (issue 15): region keys and composite foreign keys, one active version per definition code, and
-- the seed definitions (seeds 000–004). Self-contained: it may be renumbered at merge.
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_region_fk" FOREIGN KEY ("region_id") REFERENCES "regions" ("id");--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_definition_fk" FOREIGN KEY ("definition_id") REFERENCES "indicator_definitions" ("id");--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_import_fk" FOREIGN KEY ("region_id", "import_id") REFERENCES "indicator_imports" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_run_fk" FOREIGN KEY ("region_id", "run_id") REFERENCES "indicator_compute_runs" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_org_level" CHECK ("org_level" IN ('region', 'municipality', 'unit', 'rss'));--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_source" CHECK ("source" IN ('reported', 'computed'));--> statement-breakpoint
ALTER TABLE "indicator_imports" ADD CONSTRAINT "indicator_imports_region_fk" FOREIGN KEY ("region_id") REFERENCES "regions" ("id");--> statement-breakpoint
ALTER TABLE "indicator_import_rejections" ADD CONSTRAINT "indicator_import_rejections_import_fk" FOREIGN KEY ("region_id", "import_id") REFERENCES "indicator_imports" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
-- indicator_primary_care_contacts has no foreign keys on purpose: it is a bulk table (millions of rows a year),
-- written only by the contacts import, which writes region_id and import_id from the import's own row in the same
-- transaction; per-row FK triggers were 40 % of the import's time (bench/indicators-continuity.bench.ts).
ALTER TABLE "indicator_compute_runs" ADD CONSTRAINT "indicator_compute_runs_region_fk" FOREIGN KEY ("region_id") REFERENCES "regions" ("id");--> statement-breakpoint
ALTER TABLE "indicator_definitions" ADD CONSTRAINT "indicator_definitions_period_type" CHECK ("period_type" IN ('month', 'quarter', 'year', 'point'));--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_definitions_one_active" ON "indicator_definitions" ("code") WHERE "active";--> statement-breakpoint
INSERT INTO "indicator_definitions" ("code", "version", "name_sv", "name_en", "numerator", "denominator", "computation", "unit", "source", "population", "period_type", "target_value", "target_direction", "target_date", "owner", "note", "created_by") VALUES
('named_doctor', 2, 'Andel av befolkningen med fast läkarkontakt', 'Share of the population with a named regular doctor', 'Listade personer med en namngiven fast läkarkontakt', 'Listade personer', 'named_doctor_share', 'percent', 'Primärvårdens kontakter och listning', 'Personer listade i regionens primärvård', 'year', 55, 'at_least', '2022-12-31', 'SKR', 'Överenskommelsen om god och nära vård: minst 55 procent vid utgången av 2022 (seed 004, rad 1661). Mäts ur listningen, som flertalet regioner definierar begreppet (seed 004, rad 1605).', 'seed'),
('named_doctor_75', 1, 'Andel 75 år och äldre med fast läkarkontakt', 'Share aged 75 and over with a named regular doctor', 'Listade personer 75+ med en namngiven fast läkarkontakt', 'Listade personer 75+', 'named_doctor_share_75', 'percent', 'Primärvårdens kontakter och listning', 'Personer 75 år och äldre listade i regionens primärvård', 'year', NULL, NULL, NULL, 'SKR', NULL, 'seed'),
('named_doctor_care_home', 1, 'Andel boende på SÄBO med fast läkarkontakt', 'Share of care-home residents with a named regular doctor', 'Boende på särskilt boende med en namngiven fast läkarkontakt', 'Boende på särskilt boende', 'named_doctor_share_care_home', 'percent', 'Primärvårdens kontakter och listning', 'Personer som bor på särskilt boende för äldre', 'year', 80, 'at_least', '2022-12-31', 'SKR', 'Minst 80 procent vid utgången av 2022 (seed 004, rad 1697).', 'seed'),
('continuity_index', 1, 'Kontinuitetsindex (COC) till läkare', 'Continuity of care index (COC) for doctors', 'Summan av personernas COC-index', 'Personer med minst två läkarkontakter', 'coc_mean', 'index', 'Primärvårdens kontakter', 'Personer med minst två läkarbesök i primärvården under året', 'year', NULL, NULL, NULL, 'SKR', 'Överenskommelsen: en 20-procentig ökning av kontinuitetsindex till läkare (seed 004, rad 1615).', 'seed'),
('usual_provider_continuity', 1, 'Andel kontakter hos vanligaste läkaren (UPC)', 'Usual-provider continuity (UPC)', 'Summan av personernas UPC-andel', 'Personer med minst två läkarkontakter', 'upc_mean', 'index', 'Primärvårdens kontakter', 'Personer med minst två läkarbesök i primärvården under året', 'year', NULL, NULL, NULL, 'region', NULL, 'seed'),
('readmission_30d', 1, 'Oplanerade återinskrivningar inom 30 dagar', 'Unplanned readmissions within 30 days', 'Utskrivningar följda av en oplanerad inskrivning inom 30 dagar', 'Utskrivningar', 'readmission_30d', 'percent', 'Slutenvårdens in- och utskrivningar', 'Personer som skrivits ut från sluten vård', 'year', NULL, NULL, NULL, 'Socialstyrelsen', 'En av de fyra storheterna för att följa omställningen (seed 002, rad 4114).', 'seed'),
('specialist_certificates_gp', 1, 'Andel specialistbevis i allmänmedicin', 'Share of specialist certificates in general medicine', 'Utfärdade specialistbevis i allmänmedicin', 'Samtliga utfärdade specialistbevis', NULL, 'percent', 'Socialstyrelsens register över specialistbevis', 'Läkare som fått specialistbevis under året', 'year', NULL, NULL, NULL, 'Socialstyrelsen', 'Seed 002, rad 4116.', 'seed'),
('primary_care_cost_share', 1, 'Primärvårdens kostnadsandel', 'Primary care''s share of cost', 'Kostnad för regionens primärvård', 'Kostnad för regionens samtliga hälso- och sjukvård', NULL, 'percent', 'Regionens räkenskaper (KOLADA)', 'Regionens hälso- och sjukvård', 'year', NULL, NULL, NULL, 'Socialstyrelsen', 'Seed 002, rad 4118.', 'seed'),
('svf_inclusion', 1, 'Andel nya cancerfall utredda inom SVF', 'Share of new cancer cases investigated in a standardised care pathway', 'Nya cancerfall utredda inom ett SVF', 'Nya cancerfall inom aktuella diagnoser', NULL, 'percent', 'INCA / SVF-rapportering', 'Nya cancerfall inom diagnoser med SVF', 'year', 70, 'at_least', '2020-12-31', 'SKR', 'Inklusionsmålet (seed 002, rad 13909).', 'seed'),
('svf_lead_time', 1, 'Andel SVF-patienter som startar behandling inom ledtiden', 'Share of pathway patients starting treatment within the lead time', 'Patienter i SVF som startat behandling inom utsatt tidsgräns', 'Patienter i SVF som startat behandling', NULL, 'percent', 'INCA / SVF-rapportering', 'Patienter utredda inom SVF', 'year', 80, 'at_least', '2020-12-31', 'SKR', 'Ledtidsmålet (seed 002, rad 13910).', 'seed'),
('vaccination_coverage_18', 1, 'Vaccinationstäckning covid-19, minst en dos, 18 år och äldre', 'COVID-19 vaccination coverage, at least one dose, aged 18+', 'Personer 18+ med minst en dos', 'Folkbokförda personer 18+', NULL, 'percent', 'Nationella vaccinationsregistret', 'Folkbokförda 18 år och äldre', 'month', NULL, NULL, NULL, 'Folkhälsomyndigheten', 'Målet 2021 är en så hög vaccinationstäckning som möjligt (seed 001, rad 36).', 'seed'),
('vaccination_coverage_care_home', 1, 'Vaccinationstäckning covid-19, två doser, boende på SÄBO', 'COVID-19 vaccination coverage, two doses, care-home residents', 'Boende på SÄBO med två doser', 'Boende på SÄBO', NULL, 'percent', 'Nationella vaccinationsregistret', 'Boende på särskilt boende för äldre', 'month', NULL, NULL, NULL, 'Folkhälsomyndigheten', 'Fas 1 (seed 001).', 'seed'),
('tracing_within_24h', 1, 'Andel fall nådda inom 24 timmar', 'Share of cases reached within 24 hours', 'Fall där första samtalet skett inom 24 timmar från provsvaret', 'Fall vars frist har passerat', 'tracing_within_24h', 'percent', 'Lägesbild smittspårning', 'Fall med positivt provsvar', 'month', NULL, NULL, NULL, 'region', 'Seed 000: indexfallet kontaktas inom ett dygn.', 'seed'),
('sample_to_answer_hours', 1, 'Tid från provtagning till provsvar', 'Time from sample to answer', 'Summan av timmar från provtagning till svar', 'Besvarade prover', 'sample_to_answer_hours', 'hours', 'Lägesbild provtagning', 'Besvarade PCR-prover', 'month', 24, 'at_most', NULL, 'region', NULL, 'seed'),
('positivity', 1, 'Andel positiva prover', 'Test positivity', 'Positiva prover', 'Besvarade prover', 'positivity', 'percent', 'Lägesbild provtagning', 'Besvarade PCR- och antigenprover', 'month', NULL, NULL, NULL, 'Folkhälsomyndigheten', NULL, 'seed');--> statement-breakpoint
-- The first definition of the named-doctor share, by patient survey (Värmland 2021, seed 004 line 1669), retired for the
-- register-based version 2: values measured by it keep it and are shown apart.
INSERT INTO "indicator_definitions" ("code", "version", "name_sv", "name_en", "numerator", "denominator", "computation", "unit", "source", "population", "period_type", "target_value", "target_direction", "target_date", "owner", "active", "note", "created_by") VALUES
('named_doctor', 1, 'Andel patienter som uppger att de har fast läkarkontakt', 'Share of patients who say they have a named regular doctor', 'Svarande som uppger att de har en fast läkarkontakt på vårdcentralen', 'Svarande patienter', NULL, 'percent', 'Patientenkät', 'Patienter som besökt vårdcentralen', 'year', 55, 'at_least', '2022-12-31', 'SKR', false, 'Enkätbaserad; ersatt av version 2 (listning), seed 004 rad 1605–1670.', 'seed');
