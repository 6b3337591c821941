-- The reconciliation of reported figures (figure/Reconciliation) counts sourced return events only;
-- with a million synthetic fugitives (five million synthetic events) this index keeps it to the
-- sourced rows, ordered as the periods are tested.
CREATE INDEX event_sourced_type_date_idx ON event (type, occurred_date) WHERE NOT synthetic;
