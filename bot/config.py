"""Every setting newsbot reads, from the environment or a `.env` file (see .env.example)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    seeds_dir: Path = Field(Path("seeds"), description="Folder of article files, read recursively.")
    max_article_bytes: int = Field(2_000_000, gt=0, description="Files larger than this are skipped with a message.")
    log_level: str = Field("INFO", description="DEBUG, INFO, WARNING or ERROR.")


def load_settings(**overrides) -> Settings:
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
