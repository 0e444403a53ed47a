"""Standard Financial Statement interchange: SFS-DDS v1.1 JSON and XML (data entry).

The schema files in ``schemas/`` are copies of the Money Advice Service SFS developer
toolkit's ``dds/v1.1`` (LGPL-3.0, see ``schemas/LICENSE``), shipped so the app does not
depend on anything outside the package at run time.
"""

from cma_adapters.sfs.codec import (
    SfsDdsCodec,
    json_validator,
    validate_json,
    validate_xml,
    xml_schema,
)

__all__ = ["SfsDdsCodec", "json_validator", "validate_json", "validate_xml", "xml_schema"]
