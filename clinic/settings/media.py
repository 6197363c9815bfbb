"""Media storage settings built from the environment (used by clinic.settings.base)."""


def s3_media(environ):
    """
    Uploads, image renditions and documents in an S3-compatible bucket (django-storages), when
    MEDIA_S3_BUCKET is set: (the default storage, the origins images are shown from). Images
    are linked without signatures, so the bucket must let anyone read images/ (the renditions
    pages show); documents are served through Django, which checks their privacy first.
    """
    # Imported here: only a bucket needs botocore, which every process would load for nothing.
    from botocore.config import Config

    endpoint = environ.get("MEDIA_S3_ENDPOINT_URL", "").rstrip("/") or None
    bucket = environ["MEDIA_S3_BUCKET"]
    region = environ.get("MEDIA_S3_REGION") or None
    custom_domain = environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None  # a CDN in front of the bucket
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": region,
        "access_key": environ.get("MEDIA_S3_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("MEDIA_S3_SECRET_ACCESS_KEY") or None,
        "custom_domain": custom_domain,
        "querystring_auth": False,
        "file_overwrite": False,
        # Path-style addresses on a self-hosted endpoint (MinIO, Ceph, moto): endpoint/bucket/key.
        "addressing_style": "path" if endpoint else None,
        "object_parameters": {"CacheControl": "public, max-age=86400"},
        # A bucket that hangs costs an upload or a new rendition seconds, not a worker.
        "client_config": Config(
            connect_timeout=2, read_timeout=10, retries={"max_attempts": 2, "mode": "standard"}
        ),
    }
    if custom_domain:
        origins = [f"https://{custom_domain}"]
    elif endpoint:
        origins = [endpoint]
    else:
        origins = [f"https://{bucket}.s3.amazonaws.com"]
        if region:
            origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return {"BACKEND": "clinic.operations.storage.MediaStorage", "OPTIONS": options}, origins
