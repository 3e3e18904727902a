-- The state's standard sums (schablon) per test, from the agreements between the government and SKR.
-- Configuration, not code: a new agreement is a new row with its own dates.
INSERT INTO reimbursement_rates (test_type, valid_from, valid_to, sek, staff_collected_only, source) VALUES
  ('pcr',      '2021-01-01', '2021-12-31', 1400, false, 'Överenskommelse om testning för covid-19, 2021'),
  ('pcr',      '2022-01-01', NULL,         1100, false, 'Överenskommelse om testning för covid-19, 2022'),
  ('serology', '2021-01-01', NULL,          550, false, 'Överenskommelse om testning för covid-19, 2021'),
  ('antigen',  '2021-01-01', NULL,          300, true,  'Tillägg till överenskommelsen, december 2020: antigentester tagna av vårdpersonal');
