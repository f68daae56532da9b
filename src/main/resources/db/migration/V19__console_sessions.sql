-- Operations console sessions that can be ended, and login throttling (README "Operations console").
-- In the shared database, so every node sees a logout, a "log out everywhere", a role change and a lock-out at once.

-- One row per signed-in console session; the signed cookie names its id. Ended by logout, by "log out everywhere"
-- and when the user's roles or password change in the configuration.
CREATE TABLE console_session (
    id         VARCHAR(64)  PRIMARY KEY,
    username   VARCHAR(64)  NOT NULL,
    roles      VARCHAR(256) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_console_session_user ON console_session (username);
CREATE INDEX ix_console_session_expires ON console_session (expires_at);

-- What each configured console user looked like when a node last started (a hash of roles and password hash):
-- a change ends the user's sessions on every node.
CREATE TABLE console_user_state (
    username    VARCHAR(64) PRIMARY KEY,
    fingerprint VARCHAR(64) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Failed logins per user name ('user:<name>') and per address ('address:<ip>') in the current window, and the
-- lock-out they caused.
CREATE TABLE console_login_throttle (
    throttle_key VARCHAR(200) PRIMARY KEY,
    failures     INTEGER      NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE
);
