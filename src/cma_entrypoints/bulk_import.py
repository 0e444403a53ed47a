"""Back-office bulk import of clients, cases and debts from another system's CSV export.

The column format is documented in ``docs/BULK-IMPORT.md`` (examples in
``examples/import/``). Every row is checked by the domain's own constructors, the ones the
API's use cases call (``Client.register``, ``Case.open``/``add_note``/``close``,
``DebtService.build_debt``: names, dates, NI number, postcode, money bounds, enums, text
lengths, health-data consent), so what the API refuses the import refuses, with the file,
line and column. Nothing is written unless every row is valid (``skip_invalid`` writes
the valid rows and reports the rest; a case whose client row is invalid is skipped too).

The valid rows are written in one transaction through ``BulkWriter`` (many rows per
statement): personal data sealed and blind-indexed exactly as the client repository does,
one audit entry per record with the API's action and field names (plus one
``import.completed``), the aggregates' events to the outbox (the worker makes each case's
initial-contact task and search documents, as for a case opened through the API).
Idempotent: each row's ``external_id`` is kept (``import_refs``) and a re-run skips rows
already imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define, field, frozen

from cma_adapters.sqlalchemy.bulk import BulkWriter
from cma_core.audit.service import record_audit
from cma_core.cases.model import MAX_NOTE_LENGTH, Case, CloseReason
from cma_core.clients.model import Client, PostalAddress, Vulnerability
from cma_core.debts.model import DebtAdded, DebtType, EnforcementStage, Ownership
from cma_core.debts.ports import DebtEntry
from cma_core.debts.service import DEBT_FIELDS, DebtDetails
from cma_core.identity.model import TenantContext
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId, CentreId, ClientId, NoteId, UserId
from cma_core.shared.money import Money
from cma_core.shared.text import check_line, check_text

if TYPE_CHECKING:
    from cma_entrypoints.container import Container

E = TypeVar("E")

KINDS = ("clients", "cases", "debts")
MAX_EXTERNAL_ID = 64
#: The largest file accepted, in rows (a bigger export is split into several runs).
MAX_ROWS = 1_000_000

#: Per kind: (required columns, optional columns).
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "clients": (
        ("external_id", "first_name", "last_name", "date_of_birth"),
        (
            "email",
            "phone",
            "ni_number",
            "address_line_1",
            "address_line_2",
            "address_line_3",
            "address_line_4",
            "address_line_5",
            "postcode",
            "address_suppressed",
            "address_suppression_reason",
            "vulnerabilities",
            "vulnerability_notes",
            "health_notes",
            "health_data_consent_at",
        ),
    ),
    "cases": (
        ("external_id", "client_external_id"),
        (
            "adviser_email",
            "opened_at",
            "status",
            "close_reason",
            "closed_at",
            "note",
            "note_sensitive",
        ),
    ),
    "debts": (
        ("external_id", "case_external_id", "debt_type", "balance"),
        (
            "arrears",
            "contractual_payment",
            "ownership",
            "account_reference",
            "ccj",
            "enforcement_stage",
            "last_payment_date",
            "last_acknowledgment_date",
            "hp_goods_essential",
            "ccj_date",
            "ccj_paid_date",
            "notes",
        ),
    ),
}

#: A domain error's field, as the column of the file that holds it.
FIELD_COLUMNS = {
    "address.lines": "address_line_1",
    "address.postcode": "postcode",
    "balance_pence": "balance",
    "arrears_pence": "arrears",
    "contractual_payment_pence": "contractual_payment",
    "body": "note",
    "adviser_id": "adviser_email",
}


@frozen
class RowError:
    file: str
    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return (
            f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


class RowInvalid(Exception):
    def __init__(self, column: str | None, message: str) -> None:
        super().__init__(message)
        self.column, self.message = column, message


@frozen
class CsvFile:
    """One input: its kind, the name errors give, and its bytes."""

    kind: str
    name: str
    data: bytes


@frozen
class Row:
    line: int
    values: Mapping[str, str]

    def get(self, column: str) -> str | None:
        """The cell, stripped; ``None`` when empty or absent."""
        value = (self.values.get(column) or "").strip()
        return value or None

    def need(self, column: str) -> str:
        value = self.get(column)
        if value is None:
            raise RowInvalid(column, "must not be empty")
        return value


def read_rows(file: CsvFile) -> tuple[list[Row], list[RowError]]:
    """The rows of ``file`` with their line numbers, or the header's errors."""
    try:
        text = file.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [RowError(file.name, 1, None, f"not UTF-8 text ({exc.reason})")]
    reader = csv.DictReader(io.StringIO(text, newline=""), restkey="\x00extra")
    required, optional = COLUMNS[file.kind]
    header = [h.strip() for h in reader.fieldnames or ()]
    errors = [RowError(file.name, 1, c, "column missing") for c in required if c not in header]
    errors += [
        RowError(file.name, 1, c, f"unknown column (expected {', '.join(required + optional)})")
        for c in header
        if c not in required and c not in optional
    ]
    if len(set(header)) != len(header):
        errors.append(RowError(file.name, 1, None, "a column appears twice"))
    if errors:
        return [], errors
    reader.fieldnames = header
    rows: list[Row] = []
    try:
        for values in reader:
            if "\x00extra" in values:
                errors.append(RowError(file.name, reader.line_num, None, "more cells than columns"))
                continue
            if any((v or "").strip() for v in values.values()):
                rows.append(Row(reader.line_num, values))
            if len(rows) > MAX_ROWS:
                return [], [RowError(file.name, reader.line_num, None, f"over {MAX_ROWS} rows")]
    except csv.Error as exc:
        errors.append(RowError(file.name, reader.line_num, None, f"not valid CSV: {exc}"))
    return rows, errors


# -- cells ------------------------------------------------------------------------------------


def date_cell(row: Row, column: str) -> dt.date | None:
    value = row.get(column)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RowInvalid(column, "must be a date like 2024-03-31") from None


def datetime_cell(row: Row, column: str) -> dt.datetime | None:
    value = row.get(column)
    if value is None:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise RowInvalid(
            column, "must be a date, or a date and time like 2024-03-31T09:30Z"
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def money_cell(row: Row, column: str) -> Money | None:
    """Pounds with at most two decimals (``1234.56``; a leading ``£`` and commas allowed)."""
    value = row.get(column)
    if value is None:
        return None
    try:
        pounds = Decimal(value.removeprefix("£").replace(",", ""))
    except InvalidOperation:
        raise RowInvalid(column, "must be an amount in pounds like 1234.56") from None
    if not pounds.is_finite() or pounds != pounds.quantize(Decimal("0.01")):
        raise RowInvalid(column, "must be an amount in pounds with at most two decimals")
    try:
        return Money.of(int(pounds * 100), field=column)
    except ValidationError as exc:
        raise RowInvalid(column, exc.detail) from None


def bool_cell(row: Row, column: str) -> bool | None:
    value = row.get(column)
    if value is None:
        return None
    lowered = value.lower()
    if lowered in ("true", "yes", "y", "1"):
        return True
    if lowered in ("false", "no", "n", "0"):
        return False
    raise RowInvalid(column, "must be true or false")


def enum_cell(row: Row, column: str, kind: type[E]) -> E | None:
    value = row.get(column)
    if value is None:
        return None
    try:
        return kind(value.lower())  # type: ignore[call-arg]
    except ValueError:
        allowed = ", ".join(v.value for v in kind)  # type: ignore[attr-defined]
        raise RowInvalid(column, f"must be one of {allowed}") from None


def required(value: E | None, column: str) -> E:
    if value is None:
        raise RowInvalid(column, "must not be empty")
    return value


def external_id(row: Row, column: str = "external_id") -> str:
    value = row.need(column)
    try:
        return check_line(value, column, max_length=MAX_EXTERNAL_ID)
    except ValidationError as exc:
        raise RowInvalid(column, exc.detail) from None


# -- records ----------------------------------------------------------------------------------


@define
class Batch:
    """What the files hold, checked: the records to write, and what was left out."""

    centre_id: CentreId
    now: dt.datetime
    new_id: Callable[[], uuid.UUID] = uuid.uuid4
    staff: Mapping[str, UserId] = field(factory=dict)
    clients: list[tuple[str, Client]] = field(factory=list)
    cases: list[tuple[str, Case]] = field(factory=list)
    debts: list[tuple[str, DebtEntry]] = field(factory=list)
    #: External ids known before this run (imported earlier), per kind, to their record.
    known: dict[str, dict[str, uuid.UUID]] = field(factory=dict)
    skipped: dict[str, int] = field(factory=lambda: dict.fromkeys(KINDS, 0))
    errors: list[RowError] = field(factory=list)
    rows: dict[str, int] = field(factory=lambda: dict.fromkeys(KINDS, 0))


def client_of(batch: Batch, row: Row) -> Client:
    lines = [row.get(f"address_line_{i}") or "" for i in range(1, 6)]
    postcode = row.get("postcode")
    details: dict[str, object] = {}
    if postcode or any(lines):
        details["address"] = PostalAddress.of(lines, postcode or "")
    for column in ("address_suppression_reason", "health_notes", "vulnerability_notes"):
        if row.get(column) is not None:
            details[column] = row.get(column)
    if (suppressed := bool_cell(row, "address_suppressed")) is not None:
        details["address_suppressed"] = suppressed
    if (raw := row.get("vulnerabilities")) is not None:
        details["vulnerabilities"] = [v.strip().lower() for v in raw.split(";") if v.strip()]
        allowed = {v.value for v in Vulnerability}
        for value in details["vulnerabilities"]:  # type: ignore[attr-defined]
            if value not in allowed:
                raise RowInvalid("vulnerabilities", f"each must be one of {', '.join(allowed)}")
    if (consent := datetime_cell(row, "health_data_consent_at")) is not None:
        details["health_data_consent_at"] = consent
    born = required(date_cell(row, "date_of_birth"), "date_of_birth")
    return Client.register(
        client_id=ClientId(batch.new_id()), centre_id=batch.centre_id,
        first_name=row.need("first_name"), last_name=row.need("last_name"),
        date_of_birth=born, email=row.get("email"), phone=row.get("phone"),
        ni_number=row.get("ni_number"), now=batch.now, by=None, **details,
    )  # fmt: skip


def case_of(batch: Batch, row: Row, client_id: ClientId) -> Case:
    adviser: UserId | None = None
    if (email := row.get("adviser_email")) is not None:
        adviser = batch.staff.get(email.lower())
        if adviser is None:
            raise RowInvalid("adviser_email", "no active user of this centre has this email")
    opened = datetime_cell(row, "opened_at") or batch.now
    if opened > batch.now:
        raise RowInvalid("opened_at", "must not be in the future")
    case = Case.open(
        case_id=CaseId(batch.new_id()), centre_id=batch.centre_id, client_id=client_id,
        reference="", adviser_id=adviser, now=opened, by=None,
    )  # fmt: skip
    if (note := row.get("note")) is not None:
        check_text(note, "note", max_length=MAX_NOTE_LENGTH)
        sensitive = bool_cell(row, "note_sensitive") or False
        case.add_note(
            note_id=NoteId(batch.new_id()), body=note, author_id=None, now=opened,
            sensitive=sensitive,
        )  # fmt: skip
    status = row.get("status") or "open"
    if status.lower() == "closed":
        reason = enum_cell(row, "close_reason", CloseReason)
        if reason is None:
            raise RowInvalid("close_reason", "a closed case needs a close reason")
        closed = datetime_cell(row, "closed_at") or batch.now
        if not opened <= closed <= batch.now:
            raise RowInvalid("closed_at", "must be between opened_at and now")
        case.close(reason=reason, now=closed, by=None)
    elif status.lower() != "open":
        raise RowInvalid("status", "must be one of open, closed")
    return case


def debt_of(batch: Batch, row: Row, case_id: CaseId, build: Any) -> DebtEntry:
    debt_type = required(enum_cell(row, "debt_type", DebtType), "debt_type")
    balance = required(money_cell(row, "balance"), "balance")
    details = DebtDetails(
        debt_type=debt_type, balance=balance, arrears=money_cell(row, "arrears"),
        contractual_payment=money_cell(row, "contractual_payment"),
        ownership=enum_cell(row, "ownership", Ownership),
        account_reference=row.get("account_reference"), ccj=bool_cell(row, "ccj"),
        enforcement_stage=enum_cell(row, "enforcement_stage", EnforcementStage),
        last_payment_date=date_cell(row, "last_payment_date"),
        last_acknowledgment_date=date_cell(row, "last_acknowledgment_date"),
        hp_goods_essential=bool_cell(row, "hp_goods_essential"),
        ccj_date=date_cell(row, "ccj_date"), ccj_paid_date=date_cell(row, "ccj_paid_date"),
        notes=row.get("notes"),
    )  # fmt: skip
    debt = build(TenantContext.system(batch.centre_id), case_id, details, today=batch.now.date())
    notes = details.notes
    return DebtEntry(debt=debt, notes=notes, created_at=batch.now, updated_at=batch.now)


def _checked(batch: Batch, file: str, row: Row, make: Callable[[], E]) -> E | None:
    try:
        return make()
    except RowInvalid as exc:
        batch.errors.append(RowError(file, row.line, exc.column, exc.message))
    except ValidationError as exc:
        column = FIELD_COLUMNS.get(exc.field or "", exc.field)
        batch.errors.append(RowError(file, row.line, column, exc.detail))
    return None


def _new_rows(batch: Batch, file: CsvFile, rows: list[Row]) -> Iterator[tuple[Row, str]]:
    """Rows not imported before, with their external id; a repeated id is an error."""
    kind = file.kind
    seen: set[str] = set()
    for row in rows:
        ext = _checked(batch, file.name, row, partial(external_id, row))
        if ext is None:
            continue
        if ext in seen:
            batch.errors.append(
                RowError(file.name, row.line, "external_id", "repeated in this file")
            )
            continue
        seen.add(ext)
        if ext in batch.known[kind]:
            batch.skipped[kind] += 1
            continue
        yield row, ext


def check_files(
    batch: Batch, parsed: Mapping[str, tuple[CsvFile, list[Row]]], build_debt: Any
) -> None:
    """Turn every row into its record (``batch.clients`` …) or an error (``batch.errors``)."""
    clients: dict[str, ClientId] = {k: ClientId(v) for k, v in batch.known["clients"].items()}
    cases: dict[str, CaseId] = {k: CaseId(v) for k, v in batch.known["cases"].items()}
    if "clients" in parsed:
        file, rows = parsed["clients"]
        for row, ext in _new_rows(batch, file, rows):
            client = _checked(batch, file.name, row, partial(client_of, batch, row))
            if client is not None:
                batch.clients.append((ext, client))
                clients[ext] = client.id
    if "cases" in parsed:
        file, rows = parsed["cases"]
        for row, ext in _new_rows(batch, file, rows):
            owner = _checked(
                batch, file.name, row, partial(_ref, row, "client_external_id", clients)
            )
            case = owner and _checked(batch, file.name, row, partial(case_of, batch, row, owner))
            if case:
                batch.cases.append((ext, case))
                cases[ext] = case.id
    if "debts" in parsed:
        file, rows = parsed["debts"]
        for row, ext in _new_rows(batch, file, rows):
            on = _checked(batch, file.name, row, partial(_ref, row, "case_external_id", cases))
            entry = on and _checked(
                batch, file.name, row, partial(debt_of, batch, row, on, build_debt)
            )
            if entry:
                batch.debts.append((ext, entry))


def _ref(row: Row, column: str, known: Mapping[str, E]) -> E:
    ext = external_id(row, column)
    if ext not in known:
        raise RowInvalid(
            column, f"{ext!r} is not in this import (or its row has errors) nor imported before"
        )
    return known[ext]


# -- the run ----------------------------------------------------------------------------------


@frozen
class Receipt:
    import_id: uuid.UUID
    centre_id: CentreId
    files: Mapping[str, Mapping[str, Any]]
    imported: Mapping[str, int]
    skipped_existing: Mapping[str, int]
    errors: Sequence[RowError]
    written: bool
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        count = sum(self.imported.values())
        return {
            "import_id": str(self.import_id), "centre_id": str(self.centre_id),
            "written": self.written, "files": self.files, "imported": self.imported,
            "skipped_existing": self.skipped_existing,
            "invalid_rows": len({(e.file, e.line) for e in self.errors}),
            "errors": [e.as_dict() for e in self.errors], "seconds": round(self.seconds, 3),
            "records_per_second": round(count / self.seconds) if self.seconds else None,
        }  # fmt: skip


Progress = Callable[[str, int, int], None]


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


async def run_import(
    c: Container,
    centre_id: CentreId,
    files: Sequence[CsvFile],
    *,
    skip_invalid: bool = False,
    progress: Progress = _no_progress,
) -> Receipt:
    """Check every row of ``files``; unless a row is invalid (or ``skip_invalid``), write
    every new record in one transaction, audited. Returns what was done."""
    started = time.perf_counter()
    import_id = uuid.uuid4()
    parsed, errors, described = {}, [], {}
    for file in files:
        rows, header_errors = read_rows(file)
        errors += header_errors
        parsed[file.kind] = (file, rows)
        described[file.kind] = {"name": file.name, "rows": len(rows),
                                "sha256": hashlib.sha256(file.data).hexdigest()}  # fmt: skip
    staff = {
        u.email.lower(): u.id
        for u in await c.identity_store().list_users(centre_id)
        if u.active and centre_id in u.centre_ids
    }
    batch = Batch(centre_id=centre_id, now=c.clock().now(), staff=staff, errors=errors)
    async with c.uow()(centre_id) as uow:
        writer = BulkWriter(uow)
        for kind, ids in _referenced(parsed).items():
            batch.known[kind] = await writer.known(kind[:-1], ids)
        progress("check", 0, 1)
        check_files(batch, parsed, c.debts().build_debt)
        progress("check", 1, 1)
        # A file whose header is wrong is never half-read: nothing is written then.
        write = not batch.errors or (skip_invalid and not any(e.line == 1 for e in errors))
        if write:
            await _write(uow, writer, batch, import_id, progress)
            await uow.commit()
    imported = {"clients": len(batch.clients), "cases": len(batch.cases), "debts": len(batch.debts)}
    return Receipt(
        import_id=import_id, centre_id=centre_id, files=described,
        imported=imported if write else dict.fromkeys(KINDS, 0),
        skipped_existing=batch.skipped, errors=batch.errors, written=write,
        seconds=time.perf_counter() - started,
    )  # fmt: skip


def _referenced(parsed: Mapping[str, tuple[CsvFile, list[Row]]]) -> dict[str, list[str]]:
    """Per kind, the external ids the files give or refer to (a cases file names its
    clients, a debts file its cases): those imported before are looked up."""
    columns = {"clients": (("clients", "external_id"), ("cases", "client_external_id")),
               "cases": (("cases", "external_id"), ("debts", "case_external_id")),
               "debts": (("debts", "external_id"),)}  # fmt: skip
    return {
        kind: [
            v[:MAX_EXTERNAL_ID]
            for source, column in sources
            for r in parsed.get(source, (None, []))[1]
            if (v := r.get(column))
        ]
        for kind, sources in columns.items()
    }


async def _write(
    uow: Any, writer: BulkWriter, batch: Batch, import_id: uuid.UUID, progress: Progress
) -> None:
    ctx = TenantContext.system(batch.centre_id)
    now, new_id = batch.now, batch.new_id
    total = len(batch.clients) + len(batch.cases) + len(batch.debts)
    done = 0
    progress("write", 0, total)
    client_fields = ("first_name", "last_name", "date_of_birth", "email", "phone", "ni_number")
    for start in range(0, len(batch.clients), 1000):
        chunk = batch.clients[start : start + 1000]
        done += await writer.add_clients(chunk, now)
        for _, client in chunk:
            await record_audit(uow, ctx, new_id, "client.created", "client", client.id, now,
                               client_fields)  # fmt: skip
        progress("write", done, total)
    if batch.cases:
        first = await writer.reserve_case_numbers(len(batch.cases))
        for number, (_, case) in enumerate(batch.cases, first):
            case.reference = f"C-{number:06d}"
    for start in range(0, len(batch.cases), 1000):
        case_chunk = batch.cases[start : start + 1000]
        done += await writer.add_cases(case_chunk, now)
        for _, case in case_chunk:
            await record_audit(uow, ctx, new_id, "case.created", "case", case.id, now,
                               ("client_id", "adviser_id"))  # fmt: skip
        progress("write", done, total)
    for start in range(0, len(batch.debts), 1000):
        debt_chunk = batch.debts[start : start + 1000]
        done += await writer.add_debts(debt_chunk, now)
        for _, entry in debt_chunk:
            d = entry.debt
            await record_audit(uow, ctx, new_id, "debt.created", "debt", d.id, now, DEBT_FIELDS)
            added = DebtAdded(centre_id=d.centre_id, occurred_at=now, case_id=d.case_id,
                              debt_id=d.id, debt_type=d.debt_type.value, added_by=None)  # fmt: skip
            uow.emit(added)
        progress("write", done, total)
    await record_audit(uow, ctx, new_id, "import.completed", "import", import_id, now,
                       tuple(k for k in KINDS if getattr(batch, k)))  # fmt: skip


def read_files(paths: Mapping[str, Path]) -> list[CsvFile]:
    """The inputs named on the command line, by kind (``OSError`` if one cannot be read)."""
    return [CsvFile(kind, str(path), path.read_bytes()) for kind, path in paths.items()]
