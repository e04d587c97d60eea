-- Idempotency-Keys are remembered for 24 hours (README "Security notes"):
-- writes delete expired ones a bounded batch at a time, by this index.
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
