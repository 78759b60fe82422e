import uuid

import pytest

from app.auth import bearer, hash_key, issue, verify_webhook

# The example token from jwt.io, used to check the parser only.
JWT_IO_EXAMPLE = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
FAKE_API_KEY = "test-api-key"
REQUEST_ID = "{{uuid:4}}"
WEBHOOK_SECRET = "test_webhook_secret"
SIGNATURE = "{{hex:64}}"


def test_bearer_strips_prefix():
    assert bearer("Bearer abc.def.ghi") == "abc.def.ghi"


def test_hash_is_stable():
    assert hash_key("mbd_live_a1b2c3d4...") == hash_key("mbd_live_a1b2c3d4...")
    assert len(hash_key("x")) == 64


def test_issue_roundtrip(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "not-a-real-secret")
    token = issue(str(uuid.UUID("{{uuid:4}}")))
    assert token.count(".") == 2


@pytest.mark.parametrize("sig", ["", "00" * 32, SIGNATURE])
def test_verify_rejects_bad_signatures(sig):
    assert not verify_webhook(b"{}", sig, WEBHOOK_SECRET)
