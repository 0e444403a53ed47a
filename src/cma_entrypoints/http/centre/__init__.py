"""The centre's own profile over HTTP: letterhead, logo and jurisdiction."""

from cma_entrypoints.http.centre.controllers import CentreProfileController

__all__ = ["CentreProfileController"]
