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


def keystore_beside(database_url: str) -> str:
    """The key store's default: a SQLite file of its own beside a SQLite database (never
    inside it, so a backup of the database does not carry the keys that open it:
    docs/DEPLOY.md), or in the user's data folder for a database on a server."""
    scheme, _, rest = database_url.partition(":///")
    database = rest.split("?")[0]
    if scheme.startswith("sqlite") and database not in ("", ":memory:"):
        path = Path(database)
    else:
        path = default_database_path()
    return f"sqlite+aiosqlite:///{path.with_name(f'{path.stem}-keys.db')}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str = "https://api.telegram.org"
    database_url: str = Field(default_factory=default_database_url)
    # The master key that wraps every user's data key (bot/keys): base64 text, or a file of
    # them, one a line, the current one first (`python -m bot make-key` makes one).
    master_key: SecretStr | None = None
    master_key_file: Path | None = None
    keystore_url: str | None = None  # None: beside the database (keystore_beside)
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

    @field_validator(
        "webhook_url", "webhook_secret", "master_key", "master_key_file", mode="before"
    )
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return value or None

    @field_validator("database_url", mode="before")
    @classmethod
    def _blank_is_default(cls, value: object) -> object:
        return value or default_database_url()

    @property
    def key_store(self) -> str:
        return self.keystore_url or keystore_beside(self.database_url)

    @property
    def bot_api_url(self) -> str:
        """PTB's base_url: the token is appended to it."""
        return f"{self.telegram_base_url.rstrip('/')}/bot"

    @property
    def bot_file_url(self) -> str:
        return f"{self.telegram_base_url.rstrip('/')}/file/bot"
