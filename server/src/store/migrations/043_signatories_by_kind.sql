-- A page of one kind (?kind=organization) is one range of this index, as an
-- unfiltered page is of signatories_listed: without it, a page of a rare
-- kind read every listed row of the other kind before it.
CREATE INDEX signatories_listed_kind ON signatories (statement_id, kind, position) WHERE status = 'published' AND public;
