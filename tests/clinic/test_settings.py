"""Production settings refuse to start half-configured and pass Django's deployment checklist."""

from tests.conftest import run_manage


def production(*args, **env):
    """manage.py with the production settings, as a server starts it."""
    return run_manage(*args, settings="clinic.settings.production", **env)


REDIS = "redis://127.0.0.1:6379/0"


def test_production_refuses_to_start_without_a_secret_key():
    result = production("check", ALLOWED_HOSTS="clinic.example", REDIS_URL=REDIS)
    assert result.returncode != 0
    assert "Production settings need SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = production("check", SECRET_KEY="x" * 60, REDIS_URL=REDIS)
    assert result.returncode != 0
    assert "Production settings need ALLOWED_HOSTS" in result.stderr


def test_production_refuses_to_start_without_a_shared_cache():
    """Without Redis each worker process would count appointment requests on its own."""
    result = production("check", SECRET_KEY="x" * 60, ALLOWED_HOSTS="clinic.example")
    assert result.returncode != 0
    assert "Production settings need REDIS_URL" in result.stderr


def test_production_passes_the_deployment_checklist():
    result = production(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-" + "k9Xq2" * 8,
        ALLOWED_HOSTS="clinic.example,www.clinic.example",
        REDIS_URL=REDIS,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_caches_in_front_are_chosen_from_the_environment():
    """Varnish (PURGE, with a time limit), Cloudflare and CloudFront, as Wagtail builds them."""
    show = (
        "from wagtail.contrib.frontend_cache.utils import get_backends; "
        "print(sorted(type(backend).__name__ for backend in get_backends().values()))"
    )
    result = production(
        "shell",
        "--no-imports",
        "-c",
        show,
        SECRET_KEY="x" * 60,
        SITE_URL="https://clinic.example",
        REDIS_URL=REDIS,
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081",
        CLOUDFLARE_ZONE_ID="zone",
        CLOUDFLARE_API_TOKEN="token",
        CLOUDFRONT_DISTRIBUTION_ID="E2EXAMPLE",
        AWS_ACCESS_KEY_ID="key",
        AWS_SECRET_ACCESS_KEY="secret",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "['CloudflareBackend', 'CloudfrontBackend', 'TimedHTTPBackend']"
    )
