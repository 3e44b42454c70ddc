"""Settings, declared once with name, default and help.

Each setting is reachable three ways, later ones winning: a ``sitroom.toml`` config file (or the
file named by ``--config`` / ``SITROOM_CONFIG``), an environment variable ``SITROOM_<NAME>``, and
the command-line flag ``--set name=value`` (``--db URL`` for the database).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitroom.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("database_url", "sqlite:///sitroom.sqlite",
            "SQLAlchemy URL of the store: a SQLite file (default) or postgresql+psycopg://…"),
    Setting("user_agent", "sitroom/0.1 (+https://github.com/sitroom; situation-room monitor)",
            "User-Agent sent with every request and matched against robots.txt"),
    Setting("http_timeout", 20.0, "Seconds before one request is abandoned (connect and read)"),
    Setting("max_response_bytes", 10_000_000,
            "Largest response body read; a larger one is cut off and recorded as an error"),
    Setting("max_redirects", 5, "Redirects followed before a request is recorded as a loop"),
    Setting("host_delay", 1.0, "Seconds between two requests to the same host (politeness)"),
    Setting("host_concurrency", 2, "Requests at once to the same host"),
    Setting("concurrency", 16, "Requests at once in all"),
    Setting("retries", 2, "Retries, with exponential backoff, after a timeout or 5xx answer"),
    Setting("respect_robots", True, "Obey robots.txt"),
    Setting("fetch_pages", True, "Follow each feed item's link and extract the article page"),
    Setting("near_duplicate_threshold", 0.8,
            "Share of the longer text's word 3-shingles that another report must also have for "
            "the two to be linked as near-duplicates (a wire copy and its original)"),
    Setting("alert_webhook_url", "", "URL that receives each alert as a JSON POST (empty: none)"),
    Setting("alert_timeout", 10.0, "Seconds before one webhook or mail delivery is abandoned"),
    Setting("alert_retries", 4,
            "Retries of a failed alert delivery, with exponential backoff, before it is "
            "recorded as failed"),
    Setting("alert_backoff", 30.0, "Seconds before the first retry of a delivery (doubled each "
            "time)"),
    Setting("alert_rate_limit", 10,
            "Alerts of one watch sent per window; more are stored as suppressed (0: no limit)"),
    Setting("alert_rate_window", 3600, "Seconds of the rate-limit window"),
    Setting("alert_digest_minutes", 0,
            "0: send each alert on its own; N: `sitroom run` sends one digest every N minutes"),
    Setting("smtp_host", "", "Mail server for alerts (empty: no email)"),
    Setting("smtp_port", 25, "Mail server port"),
    Setting("smtp_from", "", "From address of alert mail"),
    Setting("smtp_to", "", "Recipients of alert mail, comma-separated"),
    Setting("smtp_starttls", False, "Upgrade the mail connection with STARTTLS"),
    Setting("smtp_username", "", "Login for the mail server (empty: no login)"),
    Setting("smtp_password", "", "Password for the mail server (prefer SITROOM_SMTP_PASSWORD)"),
    Setting("coding_processes", 2,
            "Processes `sitroom code` and `recode` code on (1: this process only); never more "
            "than the cores available; the claims are the same whatever the number"),
    Setting("web_public", False,
            "Let anyone read the web room without an account (read-only; writes still need one)"),
    Setting("tip_rate_limit", 5, "Tips one address may send through the web form per hour"),
    Setting("session_hours", 12, "Hours a web login lasts"),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, value: Any) -> Any:
    """Give a raw string or TOML value the type of the setting's default."""
    kind = type(setting.default)
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    text = str(value).strip()
    try:
        if kind is bool:
            if text.lower() in ("1", "true", "yes", "on"):
                return True
            if text.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(text)
        return kind(text)
    except ValueError as exc:
        raise ConfigError(
            f"setting {setting.name!r}: {value!r} is not a {kind.__name__}"
        ) from exc


@dataclass(frozen=True)
class Settings:
    database_url: str = _BY_NAME["database_url"].default
    user_agent: str = _BY_NAME["user_agent"].default
    http_timeout: float = _BY_NAME["http_timeout"].default
    max_response_bytes: int = _BY_NAME["max_response_bytes"].default
    max_redirects: int = _BY_NAME["max_redirects"].default
    host_delay: float = _BY_NAME["host_delay"].default
    host_concurrency: int = _BY_NAME["host_concurrency"].default
    concurrency: int = _BY_NAME["concurrency"].default
    retries: int = _BY_NAME["retries"].default
    respect_robots: bool = _BY_NAME["respect_robots"].default
    fetch_pages: bool = _BY_NAME["fetch_pages"].default
    near_duplicate_threshold: float = _BY_NAME["near_duplicate_threshold"].default
    alert_webhook_url: str = _BY_NAME["alert_webhook_url"].default
    alert_timeout: float = _BY_NAME["alert_timeout"].default
    alert_retries: int = _BY_NAME["alert_retries"].default
    alert_backoff: float = _BY_NAME["alert_backoff"].default
    alert_rate_limit: int = _BY_NAME["alert_rate_limit"].default
    alert_rate_window: int = _BY_NAME["alert_rate_window"].default
    alert_digest_minutes: int = _BY_NAME["alert_digest_minutes"].default
    smtp_host: str = _BY_NAME["smtp_host"].default
    smtp_port: int = _BY_NAME["smtp_port"].default
    smtp_from: str = _BY_NAME["smtp_from"].default
    smtp_to: str = _BY_NAME["smtp_to"].default
    smtp_starttls: bool = _BY_NAME["smtp_starttls"].default
    smtp_username: str = _BY_NAME["smtp_username"].default
    smtp_password: str = _BY_NAME["smtp_password"].default
    coding_processes: int = _BY_NAME["coding_processes"].default
    web_public: bool = _BY_NAME["web_public"].default
    tip_rate_limit: int = _BY_NAME["tip_rate_limit"].default
    session_hours: int = _BY_NAME["session_hours"].default

    def replace(self, **changes: Any) -> Settings:
        """A copy with some settings changed (values coerced to the declared types)."""
        for name in changes:
            if name not in _BY_NAME:
                raise ConfigError(f"unknown setting {name!r}")
        coerced = {k: _coerce(_BY_NAME[k], v) for k, v in changes.items()}
        return dataclasses.replace(self, **coerced)


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    config_path: str | Path | None = None,
) -> Settings:
    """Defaults, then the config file, then ``SITROOM_*`` variables, then explicit overrides."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = Path(config_path or environ.get("SITROOM_CONFIG") or "sitroom.toml")
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from exc
        for key, value in data.items():
            if key not in _BY_NAME:
                raise ConfigError(f"{path}: unknown setting {key!r}")
            values[key] = value
    elif config_path:
        raise ConfigError(f"config file {path} does not exist")
    for setting in SETTINGS:
        env_name = "SITROOM_" + setting.name.upper()
        if env_name in environ:
            values[setting.name] = environ[env_name]
    values.update(overrides or {})
    return Settings().replace(**values)
