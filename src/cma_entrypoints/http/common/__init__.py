"""Shared HTTP plumbing of the area packages: common schemas, parameters and OpenAPI examples."""
