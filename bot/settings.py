"""Settings from the environment or a .env file (see .env.example for every one)."""

from __future__ import annotations

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/stillnight.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str = "https://api.telegram.org"
    database_url: str = DEFAULT_DATABASE_URL
    log_level: str = "INFO"
    reminder_check_seconds: float = 30.0
    send_rate_per_second: float = 30.0
    send_per_chat_seconds: float = 1.0
    reminder_lease_seconds: float = 300.0
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"  # all interfaces: a server behind a load balancer
    webhook_port: int = 8080

    @field_validator("webhook_url", "webhook_secret", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return value or None

    @property
    def bot_api_url(self) -> str:
        """PTB's base_url: the token is appended to it."""
        return f"{self.telegram_base_url.rstrip('/')}/bot"

    @property
    def bot_file_url(self) -> str:
        return f"{self.telegram_base_url.rstrip('/')}/file/bot"
