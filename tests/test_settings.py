"""Settings are declared once and reachable as config file, environment variable and flag."""

from __future__ import annotations

import pytest

from sitroom.cli import main
from sitroom.errors import ConfigError
from sitroom.settings import SETTINGS, Settings, load_settings


def test_every_setting_is_a_field_with_the_declared_default():
    defaults = Settings()
    assert {s.name for s in SETTINGS} == set(Settings.__dataclass_fields__)
    for setting in SETTINGS:
        assert getattr(defaults, setting.name) == setting.default
        assert setting.help


def test_file_then_environment_then_override(tmp_path):
    config = tmp_path / "sitroom.toml"
    config.write_text('http_timeout = 3.5\nretries = 7\nhost_delay = 0.25\n', encoding="utf-8")
    settings = load_settings(
        {"retries": "1"},
        environ={"SITROOM_HTTP_TIMEOUT": "9", "SITROOM_RESPECT_ROBOTS": "no"},
        config_path=config,
    )
    assert settings.http_timeout == 9.0  # environment beats file
    assert settings.retries == 1  # override beats file
    assert settings.host_delay == 0.25  # file beats default
    assert settings.respect_robots is False


@pytest.mark.parametrize(
    ("overrides", "message"),
    [({"nope": 1}, "unknown setting"), ({"retries": "many"}, "is not a int")],
)
def test_bad_settings_are_named(overrides, message):
    with pytest.raises(ConfigError, match=message):
        load_settings(overrides, environ={})


def test_bad_config_file_is_a_clear_error(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text("http_timeout = [", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.toml"):
        load_settings(environ={}, config_path=config)
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(environ={}, config_path=tmp_path / "missing.toml")


def test_cli_reports_a_bad_flag_without_a_traceback(capsys):
    assert main(["--set", "retries"]) == 2
    assert "NAME=VALUE" in capsys.readouterr().err
