from __future__ import annotations

import hashlib

import pytest

from cma_core.documents.files import (
    ContentType,
    UploadInspector,
    inspect_upload,
    sanitise_filename,
    sniff_content_type,
)
from cma_core.shared.errors import ValidationError

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00"
TIFF_LE = b"II*\x00\x08\x00\x00\x00" + bytes(8)
TIFF_BE = b"MM\x00*\x00\x00\x00\x08" + bytes(8)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (PDF, ContentType.PDF),
        (PNG, ContentType.PNG),
        (JPEG, ContentType.JPEG),
        (TIFF_LE, ContentType.TIFF),
        (TIFF_BE, ContentType.TIFF),
    ],
)
def test_sniffs_supported_types(head: bytes, expected: ContentType) -> None:
    assert sniff_content_type(head) is expected


@pytest.mark.parametrize(
    "head",
    [
        b"PK\x03\x04" + bytes(12),  # zip / docx
        b"GIF89a" + bytes(10),
        b"<html><body>%PDF-",
        b" %PDF-1.4 leading space",  # polyglot trick: PDF must start at byte 0
        b"II+\x00" + bytes(12),  # BigTIFF
        b"MZ\x90\x00" + bytes(12),  # Windows executable
        b"\xef\xbb\xbf%PDF-1.4",  # BOM before PDF
    ],
)
def test_refuses_other_types_naming_file(head: bytes) -> None:
    with pytest.raises(ValidationError) as err:
        sniff_content_type(head)
    assert err.value.field == "file"


def test_empty_file_is_refused() -> None:
    with pytest.raises(ValidationError, match="empty") as err:
        inspect_upload(b"")
    assert err.value.field == "file"


def test_declared_extension_does_not_matter_only_bytes() -> None:
    facts = inspect_upload(PNG + b"rest")
    assert facts.content_type is ContentType.PNG
    assert sanitise_filename("scan.pdf", facts.content_type) == "scan.pdf.png"


def test_inspector_gathers_facts_from_chunks() -> None:
    data = PDF + bytes(range(256)) * 100
    inspector = UploadInspector()
    for i in range(0, len(data), 7):
        inspector.feed(data[i : i + 7])
    facts = inspector.finish()
    assert facts.content_type is ContentType.PDF
    assert facts.size == len(data)
    assert facts.sha256 == hashlib.sha256(data).hexdigest()
    assert facts == inspect_upload(data)


def test_inspector_stops_early_on_wrong_type_and_on_size() -> None:
    inspector = UploadInspector()
    with pytest.raises(ValidationError):
        inspector.feed(b"PK\x03\x04" + bytes(100))
    small = UploadInspector(max_bytes=20)
    small.feed(PNG)
    with pytest.raises(ValidationError, match="at most") as err:
        small.feed(bytes(10))
    assert err.value.field == "file"


def test_short_file_is_sniffed_at_finish() -> None:
    assert inspect_upload(b"%PDF-").content_type is ContentType.PDF
    with pytest.raises(ValidationError):
        inspect_upload(b"%PD")


@pytest.mark.parametrize(
    ("name", "content_type", "expected"),
    [
        ("letter.pdf", ContentType.PDF, "letter.pdf"),
        ("Letter.PDF", ContentType.PDF, "Letter.pdf"),
        ("../../etc/passwd", ContentType.PDF, "passwd.pdf"),
        ("C:\\Users\\me\\scan 1.jpeg", ContentType.JPEG, "scan 1.jpeg"),
        ("photo.jpg", ContentType.JPEG, "photo.jpg"),
        ("invoice.exe", ContentType.PDF, "invoice.exe.pdf"),
        ("cod\u202eexe.pdf", ContentType.PDF, "codexe.pdf"),  # right-to-left override
        ("zero\u200bwidth.png", ContentType.PNG, "zerowidth.png"),
        ('a"b;c<d>e|f?.pdf', ContentType.PDF, "a_b_c_d_e_f_.pdf"),
        ("bad\r\nheader: x.pdf", ContentType.PDF, "bad header_ x.pdf"),
        ("...", ContentType.PNG, "document.png"),
        ("", ContentType.TIFF, "document.tif"),
        ("   .pdf", ContentType.PDF, "pdf.pdf"),
        ("CON.pdf", ContentType.PDF, "_CON.pdf"),
        ("lpt1.tar.pdf", ContentType.PDF, "_lpt1.tar.pdf"),
        ("ｆｕｌｌｗｉｄｔｈ.pdf", ContentType.PDF, "fullwidth.pdf"),
        ("scan.tiff", ContentType.TIFF, "scan.tiff"),
        ("name. .pdf", ContentType.PDF, "name.pdf"),
    ],
)
def test_sanitise_filename(name: str, content_type: ContentType, expected: str) -> None:
    assert sanitise_filename(name, content_type) == expected


def test_sanitise_limits_length_keeping_extension() -> None:
    out = sanitise_filename("x" * 500 + ".pdf", ContentType.PDF)
    assert len(out) == 120
    assert out.endswith("x.pdf")


def test_sanitised_names_are_idempotent() -> None:
    for name in ["a/b/c.pdf", "weird\u202e.png", "CON", "x" * 300]:
        once = sanitise_filename(name, ContentType.PDF)
        assert sanitise_filename(once, ContentType.PDF) == once


# -- HEIC (ISO BMFF ``ftyp`` box: size, "ftyp", major brand, minor version, compatible brands)

HEIC_IPHONE = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00\x00\x0c\x4dmeta"
HEIC_IPHONE_15 = b"\x00\x00\x00\x2cftypheic\x00\x00\x00\x00mif1MiHBMiHEMiPrmiafheictmap"
HEIC_LIBHEIF = b"\x00\x00\x00\x1cftypheix\x00\x00\x00\x00mif1heixmiaf\x00\x00\x01Nmeta"
HEIF_GENERIC_HEVC = b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heic"
HEIC_SEQUENCE = b"\x00\x00\x00\x18ftypmsf1\x00\x00\x00\x00msf1hevc"
HEIC_BURST = b"\x00\x00\x00\x18ftyphevc\x00\x00\x00\x00msf1hevc"


@pytest.mark.parametrize(
    "head",
    [HEIC_IPHONE, HEIC_IPHONE_15, HEIC_LIBHEIF, HEIF_GENERIC_HEVC, HEIC_SEQUENCE, HEIC_BURST],
)
def test_sniffs_heic_from_its_ftyp_box(head: bytes) -> None:
    assert sniff_content_type(head) is ContentType.HEIC
    assert ContentType.HEIC == "image/heic"


@pytest.mark.parametrize(
    "head",
    [
        b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41",  # MP4 video
        b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ",  # QuickTime / iPhone .MOV
        b"\x00\x00\x00\x18ftypM4A \x00\x00\x00\x00M4A isom",  # audio
        b"\x00\x00\x00\x14ftyp3gp4\x00\x00\x00\x003gp4",  # phone video
        b"\x00\x00\x00\x20ftypavif\x00\x00\x00\x00avifmif1miafMA1B",  # AVIF (AV1, not HEVC)
        b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1avifmiaf",  # generic HEIF holding AV1
        b"\x00\x00\x00\x10ftypmif1\x00\x00\x00\x00" + b"heic" * 4,  # "heic" is past the box
        b"\x00\x00\x00\x19ftypheic\x00\x00\x00\x00mif1heic!",  # size not a multiple of 4
        b"\x00\x00\x00\x0cftypheic\x00\x00\x00\x00mif1heic",  # box shorter than its fields
        b"\x00\x00\x00\x00ftypheic\x00\x00\x00\x00mif1heic",  # size 0 ("to end of file")
        b"\x00\x00\x00\x18FTYPheic\x00\x00\x00\x00mif1heic",  # box type is case-sensitive
        b"\x00\x00\x00\x18ftypHEIC\x00\x00\x00\x00mif1heic",  # so are brands
        b"\x00\x00\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",  # ftyp not at offset 4
        b"\x00\x00\x00\x18ftypheic",  # cut short: no minor version
    ],
)
def test_refuses_iso_bmff_files_that_are_not_heic(head: bytes) -> None:
    with pytest.raises(ValidationError, match="HEIC") as err:
        sniff_content_type(head)
    assert err.value.field == "file"


def test_heic_header_split_across_chunks_is_sniffed() -> None:
    data = HEIC_IPHONE_15 + bytes(range(256)) * 4
    inspector = UploadInspector()
    for i in range(0, len(data), 5):
        inspector.feed(data[i : i + 5])
    assert inspector.finish().content_type is ContentType.HEIC
    assert inspect_upload(HEIF_GENERIC_HEVC).content_type is ContentType.HEIC  # < SNIFF_BYTES


def test_inspector_refuses_mp4_early() -> None:
    inspector = UploadInspector()
    with pytest.raises(ValidationError):
        inspector.feed(b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41" + bytes(100))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("IMG_0042.HEIC", "IMG_0042.heic"),
        ("letter.heif", "letter.heif"),
        ("scan.hif", "scan.hif"),
        ("letter.jpg", "letter.jpg.heic"),
        ("", "document.heic"),
    ],
)
def test_sanitise_filename_for_heic(name: str, expected: str) -> None:
    assert sanitise_filename(name, ContentType.HEIC) == expected
