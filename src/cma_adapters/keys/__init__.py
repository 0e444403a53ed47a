"""Key management adapters: a local keyring file (embedded default) and AWS KMS."""

from cma_adapters.keys.aws_kms import AwsKmsKeyManagement
from cma_adapters.keys.local import LocalKeyringKeyManagement

__all__ = ["AwsKmsKeyManagement", "LocalKeyringKeyManagement"]
