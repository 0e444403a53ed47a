"""The audit hash chain: pure functions to link entries and to verify a centre's chain.

Every entry's hash is SHA-256 over a canonical JSON document of its content, its position
(``chain_seq``) and the previous entry's hash. Changing any stored field, deleting an
entry, inserting one or swapping two breaks a link; cutting entries off the end is caught
by comparing with the chain head the store keeps separately. A plain hash chain does not
stop someone who can rewrite the whole log *and* the head: that is what off-site copies of
the head (``cma audit verify --json`` output, backups) are for; see docs/SECURITY.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable

import attrs
from attrs import frozen

from cma_core.audit.model import AuditEntry, ChainHead

GENESIS = "0" * 64
#: Bump when the canonical form changes; it is part of every hashed document.
CHAIN_VERSION = 1


def _instant(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(entry: AuditEntry, seq: int, prev_hash: str) -> bytes:
    """The exact bytes that are hashed: sorted keys, no whitespace, UTF-8."""
    doc = {
        "v": CHAIN_VERSION,
        "centre_id": str(entry.centre_id),
        "seq": seq,
        "prev": prev_hash,
        "id": str(entry.id),
        "actor_id": str(entry.actor_id) if entry.actor_id else None,
        "action": entry.action,
        "entity_type": entry.entity_type,
        "entity_id": entry.entity_id,
        "at": _instant(entry.at),
        "fields": list(entry.fields),
        "source_event_id": str(entry.source_event_id) if entry.source_event_id else None,
    }
    if entry.source_address is not None:
        # Only when present, so entries written before addresses were kept hash as before.
        doc["source_address"] = entry.source_address
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: AuditEntry, seq: int, prev_hash: str) -> str:
    return hashlib.sha256(canonical(entry, seq, prev_hash)).hexdigest()


def link(entry: AuditEntry, head: ChainHead | None) -> tuple[AuditEntry, ChainHead]:
    """``entry`` as the next link after ``head`` (``None``: the centre's first entry),
    and the new head."""
    seq = (head.seq if head else 0) + 1
    prev = head.hash if head else GENESIS
    digest = entry_hash(entry, seq, prev)
    linked = attrs.evolve(entry, chain_seq=seq, prev_hash=prev, hash=digest)
    return linked, ChainHead(centre_id=entry.centre_id, seq=seq, hash=digest)


@frozen(kw_only=True)
class ChainProblem:
    """The first place the chain does not hold."""

    seq: int | None
    entry_id: str | None
    reason: str

    def describe(self) -> str:
        where = f"entry #{self.seq}" if self.seq is not None else "the chain head"
        if self.entry_id:
            where += f" (id {self.entry_id})"
        return f"{where}: {self.reason}"


@frozen(kw_only=True)
class ChainReport:
    checked: int
    head_seq: int
    problem: ChainProblem | None = None
    #: Entries written (views, searches) and not yet sealed into the chain.
    unsealed: int = 0
    #: The head's hash: a client that remembers it can tell when the head itself was
    #: rolled back along with the entries (which no check inside the store can see).
    head_hash: str | None = None

    @property
    def intact(self) -> bool:
        return self.problem is None


class ChainVerifier:
    """Feed entries in chain order (in batches if you like), then ``finish`` with the head.

    Stops at the first problem; later entries are not judged against a broken link.
    """

    def __init__(self) -> None:
        self.expected_seq = 1
        self.prev_hash = GENESIS
        self.checked = 0
        self.problem: ChainProblem | None = None

    def feed(self, entries: Iterable[AuditEntry]) -> bool:
        """Check more entries; ``False`` once a problem is found."""
        for e in entries:
            if self.problem is not None:
                return False
            self.problem = self._check(e)
            if self.problem is None:
                self.checked += 1
                self.expected_seq += 1
                self.prev_hash = e.hash or ""
        return self.problem is None

    def _check(self, e: AuditEntry) -> ChainProblem | None:
        def bad(reason: str) -> ChainProblem:
            return ChainProblem(seq=e.chain_seq, entry_id=str(e.id), reason=reason)

        if e.chain_seq is None or e.hash is None or e.prev_hash is None:
            return bad("entry is not part of the chain (no sequence or hash)")
        if e.chain_seq < self.expected_seq:
            return bad(f"sequence {e.chain_seq} repeats or goes backwards")
        if e.chain_seq > self.expected_seq:
            missing = self.expected_seq
            return bad(f"entry #{missing} is missing (deleted?) before this one")
        if e.prev_hash != self.prev_hash:
            return bad("previous-hash link does not match the entry before (reordered?)")
        if entry_hash(e, e.chain_seq, e.prev_hash) != e.hash:
            return bad("content does not match its hash (edited)")
        return None

    def finish(self, head: ChainHead | None) -> ChainReport:
        head_seq = head.seq if head else 0
        if self.problem is None:
            last = self.expected_seq - 1
            if last < head_seq:
                self.problem = ChainProblem(
                    seq=last + 1,
                    entry_id=None,
                    reason=f"the head says {head_seq} entries but only {last} remain "
                    "(entries cut off the end)",
                )
            elif last > head_seq or (head is not None and head.hash != self.prev_hash):
                self.problem = ChainProblem(
                    seq=None, entry_id=None, reason="the chain head does not match the last entry"
                )
        return ChainReport(
            checked=self.checked,
            head_seq=head_seq,
            problem=self.problem,
            head_hash=head.hash if head else None,
        )


def verify_chain(entries: Iterable[AuditEntry], head: ChainHead | None) -> ChainReport:
    """Verify a whole chain held in memory."""
    verifier = ChainVerifier()
    verifier.feed(entries)
    return verifier.finish(head)
