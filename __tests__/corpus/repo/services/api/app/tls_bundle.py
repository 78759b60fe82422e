"""Client certificate for the bank's mTLS API, embedded because the Lambda has no disk."""
import base64

CLIENT_CERT_PFX_BASE64 = "MII{{b64:2}}AIBAzCC{{b64:900}}==" {{secret:pkcs12-base64}}
CLIENT_KEY_PEM_BASE64 = "{{b64of:-----BEGIN RSA PRIVATE KEY-----\n[[b64:64]]\n[[b64:64]]\n-----END RSA PRIVATE KEY-----}}" {{secret:base64-encoded-private-key}}
CA_BUNDLE_PEM_BASE64 = "{{b64of:-----BEGIN CERTIFICATE-----\n[[b64:64]]\n[[b64:64]]\n-----END CERTIFICATE-----}}"


def pfx() -> bytes:
    return base64.b64decode(CLIENT_CERT_PFX_BASE64)
