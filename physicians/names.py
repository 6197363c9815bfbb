"""
Whether a physician's profile and an admin account name the same person. Patients see the
profile's name on every page the account approves, so a site admin is warned of a mismatch.
"""

import re
import unicodedata


TITLES = {"dr", "doctor"}


def name_words(text):
    """The words of a name, as compared: no accents, case, punctuation, "Dr." or degrees."""
    text = text.split(",")[0]  # "Jane Doe, M.D." → "Jane Doe"
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return [word for word in re.findall(r"\w+", text) if word not in TITLES]


def account_name(account):
    """An account as a site admin knows it: "Riley Reviewer (riley)"."""
    full_name = account.get_full_name().strip()
    username = account.get_username()
    return f"{full_name} ({username})" if full_name else username


def same_person(physician, account):
    """The same first name and family name (middle names and initials aside)."""
    given = name_words(physician.title)
    family = name_words(physician.family_name) or given[-1:]
    account_given = name_words(account.first_name)
    return bool(
        given
        and account_given
        and given[0] == account_given[0]
        and family == name_words(account.last_name)
    )


def mismatch_warning(physician, account):
    """What a site admin is told when `account` is linked to someone else's profile, or None."""
    if same_person(physician, account):
        return None
    person = account.get_full_name().strip()
    owner = person or f"“{account.get_username()}”, which has no name"
    approver = person or account.get_username()
    return (
        f"This profile is {physician.display_name} but the account belongs to {owner}: the "
        f"pages {approver} approves will say {physician.display_name} reviewed them. Check "
        "that this is the physician's own account."
    )
