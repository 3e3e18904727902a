-- A reference is a row of the same region: every foreign key below includes region_id, so a row can never
-- point at another region's station, site, person or case, whatever the application does. Deferred to the
-- end of the transaction, so the order in which one transaction writes parents and children does not matter.
ALTER TABLE "staff" ADD CONSTRAINT "staff_unit_fk" FOREIGN KEY ("region_id", "unit_id") REFERENCES "units" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "sampling_slots" ADD CONSTRAINT "sampling_slots_station_fk" FOREIGN KEY ("region_id", "station_id") REFERENCES "units" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "sampling_bookings" ADD CONSTRAINT "sampling_bookings_slot_fk" FOREIGN KEY ("region_id", "slot_id") REFERENCES "sampling_slots" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "sampling_bookings" ADD CONSTRAINT "sampling_bookings_person_fk" FOREIGN KEY ("region_id", "person_id") REFERENCES "persons" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "kit_orders" ADD CONSTRAINT "kit_orders_person_fk" FOREIGN KEY ("region_id", "person_id") REFERENCES "persons" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "kit_orders" ADD CONSTRAINT "kit_orders_distribution_point_fk" FOREIGN KEY ("region_id", "distribution_point_id") REFERENCES "distribution_points" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "samples" ADD CONSTRAINT "samples_person_fk" FOREIGN KEY ("region_id", "person_id") REFERENCES "persons" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "test_capacity" ADD CONSTRAINT "test_capacity_unit_fk" FOREIGN KEY ("region_id", "unit_id") REFERENCES "units" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "tracing_cases" ADD CONSTRAINT "tracing_cases_person_fk" FOREIGN KEY ("region_id", "person_id") REFERENCES "persons" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "tracing_contacts" ADD CONSTRAINT "tracing_contacts_case_fk" FOREIGN KEY ("region_id", "case_id") REFERENCES "tracing_cases" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "tracing_contacts" ADD CONSTRAINT "tracing_contacts_person_fk" FOREIGN KEY ("region_id", "person_id") REFERENCES "persons" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "tracing_notes" ADD CONSTRAINT "tracing_notes_case_fk" FOREIGN KEY ("region_id", "case_id") REFERENCES "tracing_cases" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "tracing_questionnaires" ADD CONSTRAINT "tracing_questionnaires_case_fk" FOREIGN KEY ("region_id", "case_id") REFERENCES "tracing_cases" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "tracing_outbreak_cases" ADD CONSTRAINT "tracing_outbreak_cases_case_fk" FOREIGN KEY ("region_id", "case_id") REFERENCES "tracing_cases" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "tracing_outbreak_cases" ADD CONSTRAINT "tracing_outbreak_cases_outbreak_fk" FOREIGN KEY ("region_id", "outbreak_id") REFERENCES "tracing_outbreaks" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "tracing_signals" ADD CONSTRAINT "tracing_signals_outbreak_fk" FOREIGN KEY ("region_id", "outbreak_id") REFERENCES "tracing_outbreaks" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "vaccination_sites" ADD CONSTRAINT "vaccination_sites_unit_fk" FOREIGN KEY ("region_id", "unit_id") REFERENCES "units" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "vaccination_opening_hours" ADD CONSTRAINT "vaccination_opening_hours_site_fk" FOREIGN KEY ("region_id", "site_id") REFERENCES "vaccination_sites" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "vaccination_staffing" ADD CONSTRAINT "vaccination_staffing_site_fk" FOREIGN KEY ("region_id", "site_id") REFERENCES "vaccination_sites" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "vaccination_slots" ADD CONSTRAINT "vaccination_slots_site_fk" FOREIGN KEY ("region_id", "site_id") REFERENCES "vaccination_sites" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "vaccination_bookings" ADD CONSTRAINT "vaccination_bookings_person_fk" FOREIGN KEY ("region_id", "person_id") REFERENCES "persons" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "vaccination_bookings" ADD CONSTRAINT "vaccination_bookings_slot_fk" FOREIGN KEY ("region_id", "slot_id") REFERENCES "vaccination_slots" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "vaccination_bookings" ADD CONSTRAINT "vaccination_bookings_site_fk" FOREIGN KEY ("region_id", "site_id") REFERENCES "vaccination_sites" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "vaccination_doses" ADD CONSTRAINT "vaccination_doses_person_fk" FOREIGN KEY ("region_id", "person_id") REFERENCES "persons" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "vaccination_doses" ADD CONSTRAINT "vaccination_doses_site_fk" FOREIGN KEY ("region_id", "site_id") REFERENCES "vaccination_sites" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "vaccination_invitations" ADD CONSTRAINT "vaccination_invitations_list_fk" FOREIGN KEY ("region_id", "list_id") REFERENCES "vaccination_invitation_lists" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "vaccination_invitations" ADD CONSTRAINT "vaccination_invitations_person_fk" FOREIGN KEY ("region_id", "person_id") REFERENCES "persons" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "vaccination_stock_allocations" ADD CONSTRAINT "vaccination_stock_allocations_site_fk" FOREIGN KEY ("region_id", "site_id") REFERENCES "vaccination_sites" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "vaccination_opened_vials" ADD CONSTRAINT "vaccination_opened_vials_site_fk" FOREIGN KEY ("region_id", "site_id") REFERENCES "vaccination_sites" ("region_id", "id") DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
-- The questionnaire's household and close contacts carry the form's own key for each row, scoped to the
-- case; the contact's id is the server's. A key the client reuses in another case or region names nothing there.
ALTER TABLE "tracing_contacts" ADD COLUMN "form_key" uuid;--> statement-breakpoint
UPDATE "tracing_contacts" SET "form_key" = "id";--> statement-breakpoint
CREATE UNIQUE INDEX "tracing_contacts_form_key_idx" ON "tracing_contacts" USING btree ("region_id","case_id","form_key");
