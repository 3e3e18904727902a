ALTER TABLE "persons" ADD COLUMN "language" text;
--> statement-breakpoint
-- hand-written below
ALTER TABLE "persons" ADD CONSTRAINT "persons_language_check" CHECK ("language" IN ('sv', 'en'));
