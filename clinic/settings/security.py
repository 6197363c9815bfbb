"""
Staff sign-in (passwords, lockouts, sessions) and the security headers every environment
sends. Part of clinic.settings.base, which imports it whole.
"""

import datetime


AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff accounts guard patients' appointment requests.
# django-axes (8.3.1): after 5 wrong passwords for one username from one address, that pair is
# locked out for 15 minutes; a correct password resets the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "clinic.operations.client.client_address"
AXES_LOCKOUT_CALLABLE = "clinic.views.signed_out_for_a_while"
AXES_VERBOSE = False
# Sessions: at most 12 hours after signing in, and 30 minutes without a request to the admin
# (clinic.middleware.StaffSessionMiddleware). Password-reset e-mails: 3 per address per hour.
SESSION_COOKIE_AGE = 12 * 60 * 60
STAFF_IDLE_TIMEOUT = datetime.timedelta(minutes=30)
STAFF_SESSION_LIMIT = datetime.timedelta(hours=12)
PASSWORD_RESET_RATE_LIMIT = (3, 60 * 60)
# "Forgotten password?" queues the e-mail for the task worker (home.password_reset).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "home.password_reset.QueuedPasswordResetForm"  # noqa: S105
# Wrong privacy passwords of a page or a document collection, per address and restriction.
PRIVACY_PASSWORD_RATE_LIMIT = (5, 15 * 60)

# Security headers that hold in every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Browser features the site never uses, turned off for every page and for anything it frames
# (django-permissions-policy's middleware, the package wagtail.org uses; an empty list is "=()").
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}
