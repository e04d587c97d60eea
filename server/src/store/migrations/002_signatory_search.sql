-- Search text for `q`: name, organisation, role and location, folded the way
-- the widgets' static mode folds them (lower case, accents removed), so a
-- search finds the same signatories in both modes. The server fills it on
-- insert; rows from before this migration get a lower-cased approximation.
ALTER TABLE signatories ADD COLUMN search text NOT NULL DEFAULT '';
UPDATE signatories SET search = lower(concat_ws(' ', name, organization, role, location));
