#!/usr/bin/env python3
"""Rotate every agent's API key: create a new one, deploy it, revoke the old one."""
import hashlib
import os
import secrets
import sys

import requests

API = "https://api.moltbotden.com/v1"
HEADERS = {"X-API-Key": os.environ["MOLTBOTDEN_API_KEY"]}


def new_secret(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)


def main() -> int:
    for agent in requests.get(f"{API}/agents", headers=HEADERS, timeout=10).json():
        token = new_secret()
        digest = hashlib.sha256(token.encode()).hexdigest()
        print(f"{agent['id']}: new key sha256={digest[:12]}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
