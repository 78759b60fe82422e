"""GitHub App used to open pull requests with agent-generated fixes."""
import time

import jwt
import requests

GITHUB_APP_ID = 412345
GITHUB_CLIENT_ID = "Iv23li{{alnum:14}}"
GITHUB_CLIENT_SECRET = "{{hex:40}}" {{secret:github-oauth-client-secret}}
GITHUB_APP_PRIVATE_KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA{{b64:48}}\n{{b64:64}}\n{{b64:64}}\n{{b64:64}}\n-----END RSA PRIVATE KEY-----\n" {{secret:github-app-private-key}}
WEBHOOK_SECRET_HEADER = "X-Hub-Signature-256"


def app_jwt() -> str:
    now = int(time.time())
    return jwt.encode({"iat": now - 60, "exp": now + 540, "iss": GITHUB_APP_ID}, GITHUB_APP_PRIVATE_KEY, algorithm="RS256")


def installation_token(installation_id: int) -> str:
    res = requests.post(
        f"https://api.github.com/app/installations/{installation_id}/access_tokens",
        headers={"Authorization": f"Bearer {app_jwt()}", "Accept": "application/vnd.github+json"},
        timeout=10,
    )
    res.raise_for_status()
    return res.json()["token"]
