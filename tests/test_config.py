"""Settings: one class, every field documented in .env.example, secrets kept secret."""

from __future__ import annotations

import re

from bot.config import Settings
from tests.conftest import PROJECT, run_cli


def test_every_setting_is_documented_in_env_example():
    lines = (PROJECT / ".env.example").read_text().splitlines()
    documented = {}
    for number, line in enumerate(lines):
        match = re.match(r"^([A-Z_]+)=", line)
        if match:
            documented[match.group(1)] = lines[number - 1].startswith("#")
    fields = {name.upper() for name in Settings.model_fields}
    assert fields == set(documented)
    assert all(documented.values()), "each setting has a comment line above it"


def test_env_file_is_read_and_secrets_are_not_shown(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("SLACK_BOT_TOKEN=xoxb-secret-value-123\nSEEDS_DIR=elsewhere\n")
    settings = Settings()
    assert str(settings.seeds_dir) == "elsewhere"
    assert settings.slack_bot_token.get_secret_value() == "xoxb-secret-value-123"
    assert "xoxb-secret-value-123" not in repr(settings) and "xoxb-secret-value-123" not in str(settings)


def test_an_invalid_setting_is_named(tmp_path):
    result = run_cli("ask", "x", env={"MAX_ARTICLE_BYTES": "lots"}, cwd=tmp_path)
    assert result.code == 2
    assert "MAX_ARTICLE_BYTES" in result.err and "Traceback" not in result.err
