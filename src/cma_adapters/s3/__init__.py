"""Documents in S3 (or any S3 API: MinIO, Ceph, moto) via boto3: the production store."""

from cma_adapters.s3.store import S3DocumentStore

__all__ = ["S3DocumentStore"]
