ALTER TABLE "indicator_primary_care_contacts" DROP CONSTRAINT "indicator_primary_care_contacts_key";--> statement-breakpoint
ALTER TABLE "indicator_primary_care_contacts" DROP CONSTRAINT "indicator_primary_care_contacts_region_id_id_pk";--> statement-breakpoint
ALTER TABLE "indicator_primary_care_contacts" ADD CONSTRAINT "indicator_primary_care_contacts_region_id_contact_id_pk" PRIMARY KEY("region_id","contact_id");--> statement-breakpoint
ALTER TABLE "indicator_primary_care_contacts" DROP COLUMN "id";