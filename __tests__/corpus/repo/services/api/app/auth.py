import hashlib
import hmac
import secrets

import jwt

JWT_ALGORITHM = "HS256"
JWT_SECRET = "{{b64url:48}}" {{secret:jwt-signing-secret}}
JWT_AUDIENCE = "https://agents.agentco.io"
TOKEN_PREFIX = "Bearer "
PASSWORD_HASH_SCHEME = "argon2id"


def new_api_key() -> str:
    # 32 random bytes, shown once, stored only as a hash.
    return "mbd_live_" + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def verify_webhook(body: bytes, signature: str, secret: str) -> bool:
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def issue(user_id: str) -> str:
    return jwt.encode({"sub": user_id, "aud": JWT_AUDIENCE}, JWT_SECRET, algorithm=JWT_ALGORITHM)


def bearer(header: str) -> str:
    if not header.startswith(TOKEN_PREFIX):
        raise ValueError("expected a bearer token")
    return header[len(TOKEN_PREFIX):]
