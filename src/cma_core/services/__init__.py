"""Use cases. Each service method takes the ``TenantContext`` of the caller first."""
