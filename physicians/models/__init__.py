from .account import PhysicianAccount
from .index import PhysicianIndexPage
from .physician import PhysicianPage, PhysicianQualification, PhysicianQuerySet


__all__ = [
    "PhysicianAccount",
    "PhysicianIndexPage",
    "PhysicianPage",
    "PhysicianQualification",
    "PhysicianQuerySet",
]
