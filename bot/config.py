"""Every setting newsbot reads, from the environment or a `.env` file (see .env.example)."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class SettingError(ValueError):
    """A setting is missing or malformed; the message names it and says how to fix it."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Articles
    seeds_dir: Path = Field(Path("seeds"), description="Folder of article files, read recursively.")
    max_article_bytes: int = Field(2_000_000, gt=0, description="Larger files are skipped with a message.")

    # Slack
    slack_bot_token: SecretStr | None = Field(None, description="Bot token, xoxb-...")
    slack_signing_secret: SecretStr | None = Field(None, description="Signing secret (HTTP mode).")
    slack_app_token: SecretStr | None = Field(None, description="App-level token, xapp-... (Socket Mode).")
    slack_api_url: str = Field("https://slack.com/api/", description="Base URL of the Slack Web API.")
    port: int = Field(3000, ge=1, le=65535, description="HTTP port in HTTP mode.")

    # Daily digest
    digest_channel: str | None = Field(None, description="Channel ID to post the digest to; unset = no digest.")
    digest_time: str = Field("09:00", description="Local time of day, HH:MM.")
    digest_timezone: str = Field("UTC", description="IANA time zone name, e.g. Europe/London.")
    digest_days: str = Field("mon-fri", description="Cron day-of-week: mon-fri, mon,wed,fri, *.")
    digest_size: int = Field(5, ge=1, le=15, description="Articles per digest.")
    digest_when_nothing_new: str = Field("archive", description="skip, or archive (re-feature the least recent).")
    digest_catch_up: bool = Field(True, description="Post later the same day if the bot was down at the time.")
    data_dir: Path = Field(Path("data"), description="Folder for the bot's state (SQLite).")
    rescan_seconds: int = Field(30, ge=0, description="How often to look for new article files; 0 = never.")

    log_level: str = Field("INFO", description="DEBUG, INFO, WARNING or ERROR.")

    @field_validator("digest_channel", mode="before")
    @classmethod
    def _channel_id(cls, value):
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        value = str(value).strip()
        if not re.fullmatch(r"[CGD][A-Z0-9]{6,}", value):
            raise ValueError("must be a channel ID such as C0123456789 (channel details > About), not a name")
        return value

    @field_validator("digest_time")
    @classmethod
    def _hh_mm(cls, value: str) -> str:
        match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", value.strip())
        if not match:
            raise ValueError("must be a time of day as HH:MM, e.g. 09:00")
        return f"{int(match.group(1)):02d}:{match.group(2)}"

    @field_validator("digest_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value.strip())
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("must be an IANA time zone name such as Europe/London or America/New_York") from None
        return value.strip()

    @field_validator("digest_days")
    @classmethod
    def _cron_days(cls, value: str) -> str:
        from apscheduler.triggers.cron import CronTrigger

        try:
            CronTrigger(day_of_week=value.strip().lower())
        except ValueError:
            raise ValueError("must be cron day-of-week, e.g. mon-fri or mon,wed,fri or *") from None
        return value.strip().lower()

    @field_validator("digest_when_nothing_new")
    @classmethod
    def _policy(cls, value: str) -> str:
        if value.strip().lower() not in {"skip", "archive"}:
            raise ValueError("must be skip or archive")
        return value.strip().lower()

    @field_validator("slack_api_url")
    @classmethod
    def _api_url_ends_with_slash(cls, value: str) -> str:
        if not re.match(r"^https?://\S+$", value):
            raise ValueError("must be an http(s) URL such as https://slack.com/api/")
        return value if value.endswith("/") else value + "/"

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be DEBUG, INFO, WARNING or ERROR")
        return level

    @field_validator("slack_bot_token", "slack_signing_secret", "slack_app_token", mode="before")
    @classmethod
    def _blank_is_unset(cls, value):
        return None if isinstance(value, str) and not value.strip() else value

    def require_slack_token(self) -> None:
        bot = _secret(self.slack_bot_token)
        if not bot:
            raise SettingError("SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-...) into .env")
        if not re.fullmatch(r"xoxb-[A-Za-z0-9-]+", bot):
            raise SettingError("SLACK_BOT_TOKEN does not look like a bot token: it should start with xoxb-")

    def require_slack(self, *, socket: bool) -> None:
        """Raise SettingError naming the first Slack setting that is missing or malformed."""
        self.require_slack_token()
        if socket:
            app = _secret(self.slack_app_token)
            if not app:
                raise SettingError("SLACK_APP_TOKEN is not set: Socket Mode needs an app-level token (xapp-...)")
            if not re.fullmatch(r"xapp-[A-Za-z0-9-]+", app):
                raise SettingError("SLACK_APP_TOKEN does not look like an app-level token: it should start with xapp-")
        else:
            secret = _secret(self.slack_signing_secret)
            if not secret:
                raise SettingError("SLACK_SIGNING_SECRET is not set: copy it from Basic Information > App Credentials")
            if not re.fullmatch(r"[A-Za-z0-9]{16,}", secret):
                raise SettingError("SLACK_SIGNING_SECRET looks malformed: it is a string of letters and digits")


def _secret(value: SecretStr | None) -> str:
    return value.get_secret_value().strip() if value else ""


def load_settings(**overrides) -> Settings:
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
