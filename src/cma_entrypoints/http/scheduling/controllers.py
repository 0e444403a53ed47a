"""Controllers of the case clock: appointments, availability, the adviser iCalendar feed,
client contact consent and closure days (facts and deadlines: ``clock``)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from litestar import Controller, Response, delete, get, patch, post, put
from litestar.params import Body, Parameter

from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.scheduling.appointments import AppointmentId
from cma_core.scheduling.service import (
    BookAppointment,
    SchedulingService,
    SetAvailability,
)
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId, ClientId, UserId
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import example_body, with_example
from cma_entrypoints.http.common.params import (
    USER_OR_ME,
    Cursor,
    IfMatch,
    Limit,
    Offset,
    parse_if_match,
    user_or_me,
)
from cma_entrypoints.http.common.responses import (
    created,
    page_out,
    versioned,
    versioned_change,
)
from cma_entrypoints.http.scheduling.examples import (
    APPOINTMENT,
    AVAILABILITY,
    AVAILABILITY_BODIES,
    BOOKING_BODIES,
    CLOSURE,
    CONSENT,
    appointment_example,
)
from cma_entrypoints.http.scheduling.schemas import (
    AppointmentIn,
    AppointmentOut,
    AppointmentPage,
    AvailabilityIn,
    AvailabilityOut,
    CancelIn,
    ClosureIn,
    ClosureOut,
    ConsentIn,
    ConsentOut,
    ReschedulePatch,
)


def _aware(value: dt.datetime | None, field: str) -> dt.datetime | None:
    # A naive time would be read in the server's zone: refuse it, naming the field.
    if value is not None and value.tzinfo is None:
        raise ValidationError(field, "must include a timezone, e.g. Z or +01:00")
    return value


class AppointmentController(Controller):
    path = "/api/v1/appointments"
    tags = ["appointments"]

    @post(
        "/",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Book an appointment",
        operation_class=with_example(APPOINTMENT, "A phone appointment"),
        description="409 `double-booking` if the adviser already has a booked appointment "
        "overlapping the slot; 422 `adviser-unavailable` outside their own hours, on leave or "
        "on a day the centre is closed (when they have set their availability). With "
        "`allow_conflict: true` it is booked anyway. Either way the answer lists the "
        "appointment's `conflicts`: the client's other appointments at that time, a closure "
        "or bank holiday, outside the centre's working hours, the adviser's leave — these "
        "warn and never refuse.",
    )
    async def book(
        self,
        ctx: TenantContext,
        data: Annotated[
            AppointmentIn,
            Body(
                examples=BOOKING_BODIES,
            ),
        ],
        scheduling: SchedulingService,
    ) -> Response[AppointmentOut]:
        stored = await scheduling.book(
            ctx,
            BookAppointment(
                case_id=CaseId(data.case_id),
                kind=data.kind,
                start=_aware(data.start, "start") or data.start,
                end=_aware(data.end, "end") or data.end,
                adviser_id=UserId(data.adviser_id) if data.adviser_id else None,
                location=data.location,
                allow_conflict=data.allow_conflict,
            ),
        )
        return created(
            AppointmentOut.of(stored), stored.version, f"/api/v1/appointments/{stored.id}"
        )

    @get(
        "/",
        guards=[requires(Permission.CASE_READ)],
        summary="The calendar: the centre's appointments or one adviser's",
        operation_class=with_example(ex.page(APPOINTMENT), "One appointment"),
        description="Earliest first. `from` inclusive, `to` exclusive (by start). Each "
        "appointment carries its `conflicts`, computed now. `has_conflicts=true` keeps those "
        "with any (`false`: without); it is computed over at most 92 days (`from` defaults to "
        "today, `to` to 92 days later; 422 naming `to` for a wider window).",
    )
    async def list_appointments(
        self,
        ctx: TenantContext,
        scheduling: SchedulingService,
        limit: Limit = 50,
        offset: Offset = 0,
        adviser_id: Annotated[
            str | None,
            Parameter(max_length=36, pattern=USER_OR_ME, description='A user id, or "me".'),
        ] = None,
        case_id: uuid.UUID | None = None,
        start_from: Annotated[dt.datetime | None, Parameter(query="from")] = None,
        start_to: Annotated[dt.datetime | None, Parameter(query="to")] = None,
        cursor: Cursor = None,
        has_conflicts: bool | None = None,
    ) -> AppointmentPage:
        page = await scheduling.list_appointments(
            ctx,
            limit=limit,
            offset=offset,
            cursor=cursor,
            adviser_id=user_or_me(ctx, adviser_id, "adviser_id"),
            case_id=CaseId(case_id) if case_id else None,
            start_from=_aware(start_from, "from"),
            start_to=_aware(start_to, "to"),
            has_conflicts=has_conflicts,
        )
        return page_out(AppointmentPage, AppointmentOut.of, page)

    @get(
        "/{appointment_id:uuid}",
        guards=[requires(Permission.CASE_READ)],
        summary="An appointment",
        operation_class=with_example(APPOINTMENT, "Booked"),
    )
    async def get_appointment(
        self,
        ctx: TenantContext,
        appointment_id: uuid.UUID,
        scheduling: SchedulingService,
    ) -> Response[AppointmentOut]:
        stored = await scheduling.get_appointment(ctx, AppointmentId(appointment_id))
        return versioned(AppointmentOut.of(stored), stored.version)

    @patch(
        "/{appointment_id:uuid}",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Reschedule an appointment",
        operation_class=with_example(
            appointment_example(
                start=dt.datetime(2026, 12, 1, 14, 0, tzinfo=dt.UTC),
                end=dt.datetime(2026, 12, 1, 15, 0, tzinfo=dt.UTC),
                sequence=1,
                version=2,
            ),
            "Moved to the afternoon",
        ),
        description="Send `If-Match` with the ETag you read; 412 if it changed since, 428 "
        "without it; 409 or 422 if the new slot is refused like a booking, unless "
        "`allow_conflict: true`. The answer lists the appointment's `conflicts`.",
    )
    async def reschedule(
        self,
        ctx: TenantContext,
        appointment_id: uuid.UUID,
        data: Annotated[
            ReschedulePatch,
            example_body(
                "Move to the afternoon",
                {"start": "2026-12-01T14:00:00Z", "end": "2026-12-01T15:00:00Z"},
            ),
        ],
        scheduling: SchedulingService,
        if_match: IfMatch = None,
    ) -> Response[AppointmentOut]:
        expected = parse_if_match(if_match, required=True)
        stored = await scheduling.reschedule(
            ctx,
            AppointmentId(appointment_id),
            _aware(data.start, "start") or data.start,
            _aware(data.end, "end") or data.end,
            expected_version=expected,
            allow_conflict=data.allow_conflict,
        )
        return versioned(AppointmentOut.of(stored), stored.version)

    @post(
        "/{appointment_id:uuid}/cancel",
        guards=[requires(Permission.CASE_WRITE)],
        status_code=200,
        summary="Cancel an appointment",
        operation_class=with_example(
            appointment_example(
                status="cancelled", cancel_reason="client is unwell", sequence=1, version=2
            ),
            "Client asked",
        ),
        description="`If-Match` is checked when sent.",
    )
    async def cancel(
        self,
        ctx: TenantContext,
        appointment_id: uuid.UUID,
        data: Annotated[
            CancelIn,
            example_body("Client asked", {"reason": "client is unwell"}),
        ],
        scheduling: SchedulingService,
        if_match: IfMatch = None,
    ) -> Response[AppointmentOut]:
        return await versioned_change(
            scheduling.cancel,
            AppointmentOut.of,
            ctx,
            AppointmentId(appointment_id),
            data.reason,
            if_match=if_match,
        )

    @post(
        "/{appointment_id:uuid}/complete",
        guards=[requires(Permission.CASE_WRITE)],
        status_code=200,
        summary="Record that an appointment took place",
        operation_class=with_example(
            appointment_example(status="completed", version=2), "Took place"
        ),
        description="Only a booked appointment that has started. `If-Match` is checked when sent.",
    )
    async def complete(
        self,
        ctx: TenantContext,
        appointment_id: uuid.UUID,
        scheduling: SchedulingService,
        if_match: IfMatch = None,
    ) -> Response[AppointmentOut]:
        return await versioned_change(
            scheduling.complete,
            AppointmentOut.of,
            ctx,
            AppointmentId(appointment_id),
            if_match=if_match,
        )

    @post(
        "/{appointment_id:uuid}/no-show",
        guards=[requires(Permission.CASE_WRITE)],
        status_code=200,
        summary="Record that the client did not come",
        operation_class=with_example(appointment_example(status="no_show", version=2), "No show"),
        description="Only a booked appointment that has started. `If-Match` is checked when sent.",
    )
    async def no_show(
        self,
        ctx: TenantContext,
        appointment_id: uuid.UUID,
        scheduling: SchedulingService,
        if_match: IfMatch = None,
    ) -> Response[AppointmentOut]:
        return await versioned_change(
            scheduling.no_show,
            AppointmentOut.of,
            ctx,
            AppointmentId(appointment_id),
            if_match=if_match,
        )


class AdviserController(Controller):
    path = "/api/v1/advisers"
    tags = ["appointments"]

    @get(
        "/{user_id:uuid}/availability",
        guards=[requires(Permission.CASE_READ)],
        summary="An adviser's working hours and leave",
        operation_class=with_example(AVAILABILITY, "Mornings, a week off"),
    )
    async def get_availability(
        self, ctx: TenantContext, user_id: uuid.UUID, scheduling: SchedulingService
    ) -> Response[AvailabilityOut]:
        stored = await scheduling.get_availability(ctx, UserId(user_id))
        return versioned(AvailabilityOut.of(stored), stored.version)

    @put(
        "/{user_id:uuid}/availability",
        guards=[requires(Permission.CASE_READ)],
        summary="Set an adviser's working hours and leave",
        operation_class=with_example(AVAILABILITY, "Mornings, a week off"),
        description="Weekdays are 0 (Monday) to 6. Advisers set their own; supervisors "
        'anyone\'s. Needs `If-Match`: `"0"` the first time (the GET is 404 until then), '
        "then the ETag read.",
    )
    async def put_availability(
        self,
        ctx: TenantContext,
        user_id: uuid.UUID,
        data: Annotated[
            AvailabilityIn,
            Body(
                examples=AVAILABILITY_BODIES,
            ),
        ],
        scheduling: SchedulingService,
        if_match: IfMatch = None,
    ) -> Response[AvailabilityOut]:
        hours: dict[int, list[tuple[dt.time, dt.time]]] = {}
        for key, windows in data.weekly_hours.items():
            if not key.isdigit():
                raise ValidationError("weekly_hours", "keys are weekdays 0 (Monday) to 6")
            hours[int(key)] = [(w.start, w.end) for w in windows]
        availability = SetAvailability(
            weekly_hours=hours,
            leave=[(p.first_day, p.last_day) for p in data.leave],
            timezone=data.timezone,
        )
        return await versioned_change(
            scheduling.set_availability,
            AvailabilityOut.of,
            ctx,
            UserId(user_id),
            availability,
            if_match=if_match,
        )

    @get(
        "/{user_id:uuid}/calendar.ics",
        guards=[requires(Permission.CASE_READ)],
        summary="An adviser's appointments as an iCalendar feed",
        media_type="text/calendar",
    )
    async def calendar_feed(
        self, ctx: TenantContext, user_id: uuid.UUID, scheduling: SchedulingService
    ) -> Response[str]:
        body = await scheduling.adviser_calendar(ctx, UserId(user_id))
        return Response(
            body,
            media_type="text/calendar",  # Litestar adds "; charset=utf-8"
            headers={"Content-Disposition": f'inline; filename="adviser-{user_id}.ics"'},
        )


class ConsentController(Controller):
    path = "/api/v1/clients"
    tags = ["clients"]

    @get(
        "/{client_id:uuid}/contact-consent",
        guards=[requires(Permission.CLIENT_READ)],
        summary="The client's consent to reminders per channel",
        operation_class=with_example(CONSENT, "Texts yes, email no"),
        description="Version 0 (nothing asked) until first recorded: send its ETag back.",
    )
    async def get_consent(
        self, ctx: TenantContext, client_id: uuid.UUID, scheduling: SchedulingService
    ) -> Response[ConsentOut]:
        stored = await scheduling.get_consent(ctx, ClientId(client_id))
        return versioned(ConsentOut.of(stored), stored.version)

    @put(
        "/{client_id:uuid}/contact-consent",
        guards=[requires(Permission.CLIENT_WRITE)],
        summary="Record the client's consent to reminders per channel",
        operation_class=with_example(CONSENT, "Texts yes, email no"),
        description='`null`: not asked (treated as no). Needs `If-Match` (`"0"` the first time).',
    )
    async def put_consent(
        self,
        ctx: TenantContext,
        client_id: uuid.UUID,
        data: Annotated[
            ConsentIn,
            example_body("Texts yes, email no", {"sms": True, "email": False}),
        ],
        scheduling: SchedulingService,
        if_match: IfMatch = None,
    ) -> Response[ConsentOut]:
        expected = parse_if_match(if_match, required=True)
        stored = await scheduling.record_consent(
            ctx, ClientId(client_id), email=data.email, sms=data.sms, expected_version=expected
        )
        return versioned(ConsentOut.of(stored), stored.version)


class CalendarController(Controller):
    path = "/api/v1/calendar/closures"
    tags = ["appointments"]

    @post(
        "/",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="Close the centre on a day",
        operation_class=with_example(CLOSURE, "Staff training"),
        description="The day stops being a working day for this centre: deadlines counted "
        "in working days and bookings skip it from now on. 409 if already closed.",
    )
    async def add(
        self,
        ctx: TenantContext,
        data: Annotated[
            ClosureIn,
            example_body("Staff training", {"day": "2026-12-29", "reason": "Training"}),
        ],
        scheduling: SchedulingService,
    ) -> Response[ClosureOut]:
        closure = await scheduling.add_closure(ctx, data.day, data.reason)
        return Response(
            ClosureOut.of(closure),
            status_code=201,
            headers={"Location": f"/api/v1/calendar/closures/{closure.day.isoformat()}"},
        )

    @get(
        "/",
        guards=[requires(Permission.CASE_READ)],
        summary="The centre's closure days",
        operation_class=with_example([CLOSURE], "One closure"),
        description="In date order; `from` and `to` inclusive.",
    )
    async def list_closures(
        self,
        ctx: TenantContext,
        scheduling: SchedulingService,
        start: Annotated[dt.date | None, Parameter(query="from")] = None,
        end: Annotated[dt.date | None, Parameter(query="to")] = None,
    ) -> list[ClosureOut]:
        items = await scheduling.list_closures(ctx, start=start, end=end)
        return [ClosureOut.of(c) for c in items]

    @delete(
        "/{day:date}",
        guards=[requires(Permission.CASE_ASSIGN)],
        summary="Reopen a closed day",
        status_code=204,
    )
    async def remove(self, ctx: TenantContext, day: dt.date, scheduling: SchedulingService) -> None:
        await scheduling.remove_closure(ctx, day)
