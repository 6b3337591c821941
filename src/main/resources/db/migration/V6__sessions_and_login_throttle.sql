-- Issue 9: state that must be shared by every instance of the application lives in PostgreSQL,
-- not in one JVM, so that two instances behind a load balancer serve one user interchangeably.

-- HTTP sessions (Spring Session JDBC). Copied from spring-session-jdbc's
-- org/springframework/session/jdbc/schema-postgresql.sql (version 4.0); Flyway owns the schema,
-- so spring.session.jdbc.initialize-schema=never.
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHAR(36) NOT NULL,
    SESSION_ID            CHAR(36) NOT NULL,
    CREATION_TIME         BIGINT   NOT NULL,
    LAST_ACCESS_TIME      BIGINT   NOT NULL,
    MAX_INACTIVE_INTERVAL INT      NOT NULL,
    EXPIRY_TIME           BIGINT   NOT NULL,
    PRINCIPAL_NAME        VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
    ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES    BYTEA        NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID)
        REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);

-- Failed logins, counted per account name and per client address within a window. When a count
-- reaches its limit the key is locked until locked_until. Every timestamp is the database's
-- now(), so instances with skewed clocks agree; rows are updated with INSERT … ON CONFLICT, so
-- concurrent failures on two instances are all counted.
CREATE TABLE login_throttle (
    kind         VARCHAR(8)   NOT NULL,
    throttle_key VARCHAR(128) NOT NULL,
    failures     INT          NOT NULL,
    window_start TIMESTAMPTZ  NOT NULL,
    locked_until TIMESTAMPTZ,
    CONSTRAINT login_throttle_pk PRIMARY KEY (kind, throttle_key),
    CONSTRAINT login_throttle_kind_ck CHECK (kind IN ('ACCOUNT', 'ADDRESS')),
    CONSTRAINT login_throttle_failures_ck CHECK (failures >= 0)
);

CREATE INDEX login_throttle_window_ix ON login_throttle (window_start);
