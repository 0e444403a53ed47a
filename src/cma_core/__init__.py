"""CMA core: the framework-free domain and application layer of CMA.

Depends on ``attrs`` and the standard library only. Another Python system can use it with
its own adapters (implement the Protocols in each area's ``ports`` module, e.g.
:mod:`cma_core.cases.ports`, and :mod:`cma_core.shared.uow`) or with the in-memory ones in
``cma_adapters.memory``.

Public API:

- Domain: :mod:`cma_core.clients.model`, :mod:`cma_core.cases.model`,
  :mod:`cma_core.identity.model`, :mod:`cma_core.tasks.model`, :mod:`cma_core.audit.model`
- Ports: ``cma_core.<area>.ports`` and :mod:`cma_core.shared.uow` (the unit of work)
- Services: :class:`~cma_core.clients.service.ClientService`,
  :class:`~cma_core.cases.service.CaseService`,
  :class:`~cma_core.identity.service.IdentityService`,
  :class:`~cma_core.shared.handlers.EventHandlers`
"""

__version__ = "0.1.0"
