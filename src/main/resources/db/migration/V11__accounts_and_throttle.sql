-- Issue 16: the login throttle counts an attempt before its password is checked, and a stranger's
-- failures no longer lock an account for its owner (see security/LoginThrottle).

-- A third kind of counter: one account name from one client address. ACCOUNT rows now hold the
-- progressive delay for the account as a whole (locked_until is then "not before").
ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_kind_ck;
ALTER TABLE login_throttle ADD CONSTRAINT login_throttle_kind_ck CHECK (kind IN ('ACCOUNT', 'ADDRESS', 'PAIR'));

-- Attempts admitted and still being checked (their password is hashed right now). They count
-- against the limit like failures, so simultaneous guesses cannot all pass the check; a
-- reservation older than a minute (an instance that died mid-check) no longer counts.
ALTER TABLE login_throttle ADD COLUMN pending INT NOT NULL DEFAULT 0;
ALTER TABLE login_throttle ADD COLUMN pending_since TIMESTAMPTZ;
ALTER TABLE login_throttle ADD CONSTRAINT login_throttle_pending_ck CHECK (pending >= 0);

-- Addresses an account has logged in from. The account-wide delay does not apply to them, so
-- strangers guessing an account's password do not keep its owner out.
CREATE TABLE login_known_address (
    username     VARCHAR(64)  NOT NULL,
    address      VARCHAR(128) NOT NULL,
    last_success TIMESTAMPTZ  NOT NULL,
    CONSTRAINT login_known_address_pk PRIMARY KEY (username, address),
    CONSTRAINT login_known_address_account_fk FOREIGN KEY (username)
        REFERENCES user_account (username) ON DELETE CASCADE
);

CREATE INDEX login_known_address_success_ix ON login_known_address (last_success);
