-- One-off: seed the integration credentials for the staging environment.
INSERT INTO integrations (provider, config) VALUES
    ('slack', '{"bot_token": "xoxb-{{digits:11}}-{{digits:13}}-{{alnum:24}}", "channel": "C{{upper:10}}"}'), {{secret:slack-bot-token}}
    ('github', '{"app_id": 412345, "installation_id": {{digits:8}}, "webhook_secret": "{{hex:40}}"}'), {{secret:generic-hex-secret-assignment}}
    ('linear', '{"team_id": "{{uuid:4}}"}');
