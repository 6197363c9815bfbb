from .home import HomePage, HomePageFeaturedProcedure
from .regions import BodyRegionIndexPage
from .standard import ContactPage, StandardPage


__all__ = [
    "BodyRegionIndexPage",
    "ContactPage",
    "HomePage",
    "HomePageFeaturedProcedure",
    "StandardPage",
]
