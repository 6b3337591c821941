-- Accounts that may log in. Passwords are stored only as encoder hashes ({bcrypt}…).
CREATE TABLE user_account (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT user_account_username_uk UNIQUE (username),
    CONSTRAINT user_account_username_ck CHECK (username ~ '^[a-z0-9._-]{2,64}$'),
    CONSTRAINT user_account_role_ck CHECK (role IN ('INVESTIGATOR', 'ANALYST', 'ADMIN')),
    CONSTRAINT user_account_password_hash_ck CHECK (password_hash ~ '^\{[a-z0-9]+\}')
);
