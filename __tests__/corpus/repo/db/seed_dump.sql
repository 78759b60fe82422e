--
-- PostgreSQL database dump (staging, anonymised)
--
SET statement_timeout = 0;
SET client_encoding = 'UTF8';

COPY public.users (id, email, password_hash, created_at) FROM stdin;
{{uuid:4}}	ada@example.com	$2b$12${{b64:53}}	2024-05-01 10:00:00+00
{{uuid:4}}	grace@example.com	$2b$12${{b64:53}}	2024-05-02 11:30:00+00
\.

COPY public.api_tokens (id, agent_id, token, created_at) FROM stdin;
{{uuid:4}}	{{uuid:4}}	mbd_live_{{alnum:40}}	2024-05-03 09:00:00+00 {{secret:moltbotden-live-api-key}}
\.

COPY public.sessions (id, user_id, token_sha256, expires_at) FROM stdin;
{{uuid:4}}	{{uuid:4}}	{{hex:64}}	2024-05-04 09:00:00+00
\.
