-- 0001: schema for agents, api keys and audit log
CREATE TABLE agents (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text NOT NULL,
    vm_id       text NOT NULL,            -- e.g. vm_abc123
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id    uuid NOT NULL REFERENCES agents(id),
    key_prefix  text NOT NULL,            -- first 12 chars, e.g. mbd_live_a1b
    key_sha256  bytea NOT NULL,
    revoked_at  timestamptz
);

CREATE ROLE app_readonly LOGIN PASSWORD '{{alnum:24}}'; {{secret:generic-password-assignment}}
CREATE USER reporting WITH ENCRYPTED PASSWORD 'SCRAM-SHA-256$4096:{{b64:24}}${{b64:44}}:{{b64:44}}';
GRANT SELECT ON ALL TABLES IN SCHEMA public TO app_readonly;
