"""Production settings refuse to start half-configured and pass Django's deployment checklist."""

from tests.conftest import run_manage


def production(*args, **env):
    """manage.py with the production settings, as a server starts it."""
    return run_manage(*args, settings="clinic.settings.production", **env)


def test_production_refuses_to_start_without_a_secret_key():
    result = production("check", ALLOWED_HOSTS="clinic.example")
    assert result.returncode != 0
    assert "Production settings need SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = production("check", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "Production settings need ALLOWED_HOSTS" in result.stderr


def test_production_passes_the_deployment_checklist():
    result = production(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-" + "k9Xq2" * 8,
        ALLOWED_HOSTS="clinic.example,www.clinic.example",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
