-- Issue 9 item 4: the domain a signatory is verified for (the wire's
-- `verified: {domain}`), set when an organisation confirms from an address
-- at its site's registrable domain, or by the publisher; NULL when not.
ALTER TABLE signatories ADD COLUMN verified_domain text;
