"""Known-answer tests for the webhook signer (RFC 4231 and FIPS-197 vectors)."""
import hashlib
import hmac

RFC4231_KEY = bytes.fromhex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b")
RFC4231_DATA = b"Hi There"
RFC4231_SHA256 = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
AES128_KEY = "2b7e151628aed2a6abf7158809cf4f3c"
secret_key = "000102030405060708090a0b0c0d0e0f"


def test_hmac_sha256_vector():
    assert hmac.new(RFC4231_KEY, RFC4231_DATA, hashlib.sha256).hexdigest() == RFC4231_SHA256
