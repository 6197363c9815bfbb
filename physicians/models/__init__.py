from .index import PhysicianIndexPage
from .physician import PhysicianPage, PhysicianQualification, PhysicianQuerySet


__all__ = ["PhysicianIndexPage", "PhysicianPage", "PhysicianQualification", "PhysicianQuerySet"]
