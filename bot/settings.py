"""Settings from the environment or a .env file (see .env.example for every one)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_database_path() -> Path:
    """SQLite's file in the user's data folder (~/.local/share/stillnight on Linux, or
    $XDG_DATA_HOME/stillnight): the same database whichever folder the bot starts in."""
    return user_data_path("stillnight", appauthor=False) / "stillnight.db"


def default_database_url() -> str:
    return f"sqlite+aiosqlite:///{default_database_path()}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str = "https://api.telegram.org"
    database_url: str = Field(default_factory=default_database_url)
    database_pool_size: int = 20  # PostgreSQL: connections per process (up to twice at peaks)
    log_level: str = "INFO"
    reminder_check_seconds: float = 30.0
    send_rate_per_second: float = 30.0
    send_per_chat_seconds: float = 1.0
    reminder_lease_seconds: float = 300.0
    tap_answer_seconds: float = 8.0  # a tap still unanswered then is answered with no text
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"  # all interfaces: a server behind a load balancer
    webhook_port: int = 8080

    @field_validator("webhook_url", "webhook_secret", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return value or None

    @field_validator("database_url", mode="before")
    @classmethod
    def _blank_is_default(cls, value: object) -> object:
        return value or default_database_url()

    @property
    def bot_api_url(self) -> str:
        """PTB's base_url: the token is appended to it."""
        return f"{self.telegram_base_url.rstrip('/')}/bot"

    @property
    def bot_file_url(self) -> str:
        return f"{self.telegram_base_url.rstrip('/')}/file/bot"
