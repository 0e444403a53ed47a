"""The centre's own settings over HTTP: letterhead, logo and jurisdiction; the roles that
must use a second factor."""

from cma_entrypoints.http.centre.controllers import CentreProfileController
from cma_entrypoints.http.centre.second_factor import CentreSecondFactorController

__all__ = ["CentreProfileController", "CentreSecondFactorController"]
