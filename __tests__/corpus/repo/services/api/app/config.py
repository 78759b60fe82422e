"""Settings read from the environment; nothing secret lives in this file."""
import os
from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    moltbotden_api_key: SecretStr = Field(alias="MOLTBOTDEN_API_KEY")
    openai_api_key: SecretStr = Field(alias="OPENAI_API_KEY")
    database_url: str = Field(alias="DATABASE_URL")
    telegram_bot_token: SecretStr | None = None
    secret_key: str = os.environ.get("SECRET_KEY", "")
    api_key_header: str = "X-API-Key"
    token_ttl: int = 3600
    password_min_length: int = 12


API_KEY = os.environ["MOLTBOTDEN_API_KEY"]
STRIPE_KEY = os.getenv("STRIPE_SECRET_KEY", "sk_test_placeholder")
ANTHROPIC_KEY = os.environ.get("ANTHROPIC_API_KEY")


@lru_cache
def get_settings() -> Settings:
    return Settings()
