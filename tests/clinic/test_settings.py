"""Production settings refuse to start half-configured and pass Django's deployment checklist."""

from tests.processes import run_manage


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


def test_the_proxy_named_in_the_environment_is_the_one_purged(purge_listener):
    """FRONTEND_CACHE_PURGE_URL: a production process's purges reach that proxy, and only then."""
    address, received = purge_listener
    # Each purger the settings built, called as the worker's purge task calls it.
    purge = (
        "from wagtail.contrib.frontend_cache.utils import get_backends\n"
        "for backend in get_backends().values(): backend.purge('https://clinic.example/procedures/')"
    )
    environment = {"SECRET_KEY": "x" * 60, "SITE_URL": "https://clinic.example", "REDIS_URL": REDIS}
    result = production("shell", "--no-imports", "-c", purge, **environment)
    assert result.returncode == 0, result.stderr
    assert received == []
    result = production(
        "shell", "--no-imports", "-c", purge, FRONTEND_CACHE_PURGE_URL=address, **environment
    )
    assert result.returncode == 0, result.stderr
    assert received == [("/procedures/", "clinic.example")]


def test_a_cdn_named_in_the_environment_is_set_up_at_start():
    """Cloudflare and CloudFront with their variables: the site starts with a purger for each."""
    show = (
        "from wagtail.contrib.frontend_cache.utils import get_backends; print(len(get_backends()))"
    )
    result = production(
        "shell",
        "--no-imports",
        "-c",
        show,
        SECRET_KEY="x" * 60,
        SITE_URL="https://clinic.example",
        REDIS_URL=REDIS,
        CLOUDFLARE_ZONE_ID="zone",
        CLOUDFLARE_API_TOKEN="token",
        CLOUDFRONT_DISTRIBUTION_ID="E2EXAMPLE",
        AWS_ACCESS_KEY_ID="key",
        AWS_SECRET_ACCESS_KEY="secret",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2"
