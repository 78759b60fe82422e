INSERT INTO agents (id, name, vm_id) VALUES
    ('{{uuid:4}}', 'support-bot', 'vm_{{lower:12}}'),
    ('{{uuid:4}}', 'billing-bot', 'vm_{{lower:12}}'),
    ('{{uuid:4}}', 'triage-bot', 'vm_{{lower:12}}');

INSERT INTO api_keys (agent_id, key_prefix, key_sha256) VALUES
    ('{{uuid:4}}', 'mbd_live_7f2', decode('{{hex:64}}', 'hex')),
    ('{{uuid:4}}', 'mbd_test_0a9', decode('{{hex:64}}', 'hex'));

INSERT INTO settings (name, value) VALUES ('session_secret_rotated_at', '2024-06-01'), ('token_ttl', '3600');
