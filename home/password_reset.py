"""
"Forgotten password?" in the admin, sent by the task worker: the request only queues the
address, the same work whether or not a member of staff has it, so how long the answer takes
says nothing about which addresses exist. The worker looks the address up and sends the link.
"""

import logging

from django.tasks import task

from wagtail.admin.forms.auth import PasswordResetForm


logger = logging.getLogger(__name__)


class QueuedPasswordResetForm(PasswordResetForm):
    """WAGTAILADMIN_USER_PASSWORD_RESET_FORM: queues the e-mail instead of sending it."""

    def save(self, domain_override=None, use_https=False, request=None, **templates):
        domain = domain_override or (request.get_host() if request else "")
        try:
            send_password_reset.enqueue(
                email=self.cleaned_data["email"],
                domain=domain,
                use_https=use_https,
                subject_template_name=templates["subject_template_name"],
                email_template_name=templates["email_template_name"],
            )
        except Exception:  # a queue that is down: the answer is the same, and it is logged
            logger.exception("Could not queue a password reset e-mail")


@task
def send_password_reset(email, domain, use_https, subject_template_name, email_template_name):
    """The worker's half: e-mail the reset link to the staff with this address, if any."""
    form = PasswordResetForm({"email": email})
    if form.is_valid():
        form.save(
            domain_override=domain,
            use_https=use_https,
            subject_template_name=subject_template_name,
            email_template_name=email_template_name,
        )
