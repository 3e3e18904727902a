-- A dose records the delivery (batch) its vial came from and the site whose stock it drew: the site where it
-- was given, or another site's when the vaccinator says the batch came from there (issue 12). The day's
-- doses count against the stock of that site; doses recorded before have neither and count at their own site.
ALTER TABLE "vaccination_doses" ADD COLUMN "delivery_id" uuid;--> statement-breakpoint
ALTER TABLE "vaccination_doses" ADD COLUMN "stock_site_id" uuid;--> statement-breakpoint
CREATE INDEX "vaccination_doses_stock_site_idx" ON "vaccination_doses" USING btree ("region_id",coalesce("stock_site_id", "site_id"),"administered_at");