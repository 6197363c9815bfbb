"""
The people who run the site and what each may do, as Wagtail groups and workflows.

- Editors write and edit news, general pages and clinical pages (procedures, conditions).
  They publish news and general pages themselves; clinical pages go to medical review.
- Medical reviewers approve clinical pages, or send them back with a comment.
- Site admins look after physician profiles, locations, the shared lists, the clinic's details
  and users; they also see appointment requests and who looked at them.
- The front desk reads patients' appointment requests and marks them contacted or booked.

configure_roles() sets all of this up and can run any number of times: a data migration calls
it, and so does every later `migrate` (post_migrate) and the demo loader, so sections created
after the first migration get their permissions and workflows too. It takes an app registry so
that the migration can pass its historical one.
"""

from appointments.models import FRONT_DESK
from medical_review.models import MEDICAL_REVIEWERS


EDITORS = "Editors"
SITE_ADMINS = "Site admins"
ROLES = [EDITORS, MEDICAL_REVIEWERS, SITE_ADMINS, FRONT_DESK]

MEDICAL_REVIEW = "Medical review"
EDITORIAL_REVIEW = "Editorial review"

# Model permissions, as "app_label.codename".
MODEL_PERMISSIONS = {
    # Editors translate pages too (wagtail-localize): a translation publishes only where they
    # may publish, so clinical translations still need a medical reviewer.
    EDITORS: ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
    MEDICAL_REVIEWERS: ["wagtailadmin.access_admin"],
    SITE_ADMINS: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "clinic.change_clinicsettings",
        "first_visit.change_firstvisitsettings",
        *[
            f"{app_label}.{action}_{model}"
            for app_label, model in [
                ("clinic", "bodyregion"),
                ("clinic", "specialty"),
                ("clinic", "language"),
                ("news", "newscategory"),
                ("site_search", "searchsynonym"),
            ]
            for action in ["add", "change", "delete", "view"]
        ],
        *[
            f"wagtailsearchpromotions.{action}_searchpromotion"
            for action in ["add", "change", "delete", "view"]
        ],
        *[f"wagtailredirects.{action}_redirect" for action in ["add", "change", "delete"]],
        *[f"appointments.{action}_appointmentrequest" for action in ["view", "change", "delete"]],
        "appointments.view_appointmentaccesslog",
        # Correct a medical review record (approvals make them); each correction is logged.
        "medical_review.change_medicalreview",
        "medical_review.view_medicalreview",
    ],
    # Patients' appointment requests: read them, mark them contacted or booked. Nothing else.
    FRONT_DESK: [
        "wagtailadmin.access_admin",
        "appointments.view_appointmentrequest",
        "appointments.change_appointmentrequest",
    ],
}

# Image and document permissions on the root collection.
COLLECTION_PERMISSIONS = {
    EDITORS: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
    MEDICAL_REVIEWERS: ["choose_image", "choose_document"],
    SITE_ADMINS: [
        "add_image",
        "change_image",
        "delete_image",
        "choose_image",
        "add_document",
        "change_document",
        "delete_document",
        "choose_document",
    ],
}

# Section index page (app_label, model) -> {group: page permissions on that section}.
EDIT_AND_PUBLISH = ["add", "change", "publish", "lock", "unlock"]
EDIT_ONLY = ["add", "change", "lock"]
# Reviewers get "lock" only: it lets them into the admin's page views (where they approve) and
# lets them hold a page still while they read it, but not edit or publish it outside a review.
REVIEW_ONLY = ["lock"]
SECTION_PERMISSIONS = {
    ("procedures", "ProcedureIndexPage"): {EDITORS: EDIT_ONLY, MEDICAL_REVIEWERS: REVIEW_ONLY},
    ("conditions", "ConditionIndexPage"): {EDITORS: EDIT_ONLY, MEDICAL_REVIEWERS: REVIEW_ONLY},
    # Site admins approve news in its editorial review: they see, edit and schedule it too.
    ("news", "NewsIndexPage"): {EDITORS: EDIT_AND_PUBLISH, SITE_ADMINS: EDIT_AND_PUBLISH},
    ("home", "StandardPage"): {EDITORS: EDIT_AND_PUBLISH},  # the sections under home only
    ("home", "BodyRegionIndexPage"): {EDITORS: EDIT_AND_PUBLISH},
    ("physicians", "PhysicianIndexPage"): {SITE_ADMINS: [*EDIT_AND_PUBLISH, "bulk_delete"]},
    ("locations", "LocationIndexPage"): {SITE_ADMINS: EDIT_AND_PUBLISH},
    ("home", "ContactPage"): {EDITORS: ["change", "publish", "lock", "unlock"]},
}
SECTION_WORKFLOWS = {
    ("procedures", "ProcedureIndexPage"): MEDICAL_REVIEW,
    ("conditions", "ConditionIndexPage"): MEDICAL_REVIEW,
    ("news", "NewsIndexPage"): EDITORIAL_REVIEW,
}


def configure_roles(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    # Wagtail's installer creates a "Moderators" group; this site's roles replace it.
    Group.objects.filter(name="Moderators", user__isnull=True).delete()

    for name, codenames in MODEL_PERMISSIONS.items():
        permissions = []
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:  # apps not migrated yet get theirs on a later run
                permissions.append(permission)
        groups[name].permissions.set(permissions)

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        image_type = ContentType.objects.filter(app_label="wagtailimages", model="image").first()
        document_type = ContentType.objects.filter(
            app_label="wagtaildocs", model="document"
        ).first()
        for name, codenames in COLLECTION_PERMISSIONS.items():
            wanted = Permission.objects.filter(
                content_type__in=[t for t in (image_type, document_type) if t],
                codename__in=codenames,
            )
            GroupCollectionPermission.objects.filter(group=groups[name]).exclude(
                permission__in=wanted
            ).delete()
            for permission in wanted:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root_collection, permission=permission
                )

    workflows = configure_workflows(apps, groups)
    configure_sections(apps, groups, workflows)


def configure_workflows(apps, groups):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    MedicalReviewTask = apps.get_model("medical_review", "MedicalReviewTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    def task(model, name, group):
        content_type, _ = ContentType.objects.get_or_create(
            app_label=model._meta.app_label, model=model._meta.model_name
        )
        existing = model.objects.filter(name=name).first()
        if existing is None:
            existing = model.objects.create(name=name, content_type=content_type)
            existing.groups.set([group])
        return existing

    medical_task = task(MedicalReviewTask, "Medical review", groups[MEDICAL_REVIEWERS])
    editorial_task = task(GroupApprovalTask, "Editorial review", groups[SITE_ADMINS])

    # Wagtail's installer puts a "Moderators approval" workflow on the whole tree; the
    # sections' own workflows replace it, and its group is gone.
    Workflow.objects.filter(name="Moderators approval").update(active=False)
    apps.get_model("wagtailcore", "WorkflowPage").objects.filter(
        page__depth=1, workflow__name="Moderators approval"
    ).delete()

    workflows = {}
    for name, first_task in [(MEDICAL_REVIEW, medical_task), (EDITORIAL_REVIEW, editorial_task)]:
        workflow, created = Workflow.objects.get_or_create(name=name)
        if created:
            WorkflowTask.objects.create(workflow=workflow, task_id=first_task.pk, sort_order=0)
        workflows[name] = workflow
    return workflows


def configure_sections(apps, groups, workflows):
    """Page permissions and workflows on each section under the home page, if it exists yet."""
    Page = apps.get_model("wagtailcore", "Page")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ContentType = apps.get_model("contenttypes", "ContentType")

    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    if page_type is None:
        return
    managed = [groups[name] for name in ROLES]
    # Start from nothing for these groups: a permission given by an earlier version goes.
    GroupPagePermission.objects.filter(group__in=managed).exclude(
        page__depth=3, page__content_type__in=section_content_types(ContentType)
    ).delete()

    for (app_label, model), grants in SECTION_PERMISSIONS.items():
        content_type = ContentType.objects.filter(app_label=app_label, model=model.lower()).first()
        if content_type is None:
            continue
        sections = Page.objects.filter(content_type=content_type, depth=3)
        for section in sections:
            for group in managed:
                codenames = grants.get(group.name, [])
                wanted = Permission.objects.filter(
                    content_type=page_type, codename__in=[f"{c}_page" for c in codenames]
                )
                GroupPagePermission.objects.filter(group=group, page=section).exclude(
                    permission__in=wanted
                ).delete()
                for permission in wanted:
                    GroupPagePermission.objects.get_or_create(
                        group=group, page=section, permission=permission
                    )
            workflow_name = SECTION_WORKFLOWS.get((app_label, model))
            if workflow_name:
                WorkflowPage.objects.update_or_create(
                    page=section, defaults={"workflow": workflows[workflow_name]}
                )


def section_content_types(ContentType):
    types = []
    for app_label, model in SECTION_PERMISSIONS:
        content_type = ContentType.objects.filter(app_label=app_label, model=model.lower()).first()
        if content_type is not None:
            types.append(content_type)
    return types
