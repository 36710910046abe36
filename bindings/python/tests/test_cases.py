"""Case handling through both stores: SQLite always, PostgreSQL when LANTERO_PG_URL is set."""

from __future__ import annotations

import uuid

import pytest

import lantero
from lantero.cases import Actor, CaseService, Store, generate_key

TENANT = "ange"


@pytest.fixture(params=["sqlite", "postgres"])
def service(request, tmp_path):
    if request.param == "sqlite":
        store = Store.sqlite(tmp_path / "cases.db")
    else:
        url = request.getfixturevalue("pg_url")
        # A fresh schema per test keeps runs apart on one server.
        store = Store.postgres(url, schema=f"py_{uuid.uuid4().hex[:12]}")
    svc = CaseService(store, generate_key(), insecure_for_tests=True)
    svc.create_tenant(TENANT, "Ånge kommun")
    return svc


admin = Actor("admin-1", TENANT, ["administrator"])
handler = Actor("handlaggare-1", TENANT, ["handler"])
custodian = Actor("custodian-1", TENANT, ["custodian"])
registrar = Actor("registrator-1", TENANT, ["registrar"])


def test_reporter_dialogue_by_receipt(service):
    submission = service.submit_report(TENANT, "whistleblowing", "Fakturor godkänns utan leverans.")
    receipt = submission["receipt"]
    assert len(receipt.replace(" ", "")) == 16
    assert submission["reference"].startswith("VB-")
    view = service.reporter_view(TENANT, receipt, "session-1")
    assert view["text"] == "Fakturor godkänns utan leverans."
    service.reporter_send(TENANT, receipt, "session-1", "Ett tillägg.")
    with pytest.raises(lantero.UnknownReceipt):
        service.reporter_view(TENANT, "1234 5678 9012 3456", "session-1")


def test_deadlines_and_handling(service):
    submission = service.submit_report(TENANT, "whistleblowing", "Fusk med timrapporter.")
    case_id = submission["case_id"]
    deadlines = service.deadlines(admin, "open")
    assert len(deadlines) == 2
    assert deadlines[0]["case_id"] == submission["case_id"]
    service.assign(admin, case_id, "handlaggare-1")
    assert service.case(handler, case_id)["text"] == "Fusk med timrapporter."
    service.acknowledge(handler, case_id, "Vi har tagit emot din rapport.")
    note = service.add_note(handler, case_id, "Intern anteckning")
    assert any(m["id"] == note for m in service.messages(handler, case_id))
    assert len(service.deadlines(admin, "open")) == 1
    closed = service.close(handler, case_id, "completed")
    assert closed["status"] == "closed"


def test_access_is_denied_by_default_and_audited(service):
    case_id = service.submit_report(TENANT, "tip", "Tips om bidragsfusk.")["case_id"]
    with pytest.raises(lantero.AccessDenied, match="access denied: handlaggare-1 may not"):
        service.case(handler, case_id)  # not assigned
    events = service.audit_log(admin)
    assert any(e["action"] == "access.denied" for e in events)


def test_invalid_transition(service):
    case_id = service.submit_report(TENANT, "whistleblowing", "Text")["case_id"]
    service.assign(admin, case_id, "handlaggare-1")
    with pytest.raises(lantero.InvalidTransition):
        service.set_status(handler, case_id, "in_progress")  # acknowledge first


def test_identity_reveal_needs_a_custodian(service):
    submission = service.submit_report(
        TENANT, "whistleblowing", "Text", identity={"name": "Anna A", "email": None, "phone": None, "other": None}
    )
    case_id = submission["case_id"]
    service.assign(admin, case_id, "handlaggare-1")
    service.assign(admin, case_id, "custodian-1")
    rid = service.request_identity_reveal(handler, case_id, "Behövs för utredningen")
    service.decide_identity_reveal(custodian, rid, True)
    assert service.reveal_identity(handler, rid)["name"] == "Anna A"


def test_attachments_round_trip(service):
    case_id = service.submit_report(TENANT, "tip", "Med bilaga")["case_id"]
    service.assign(admin, case_id, "handlaggare-1")
    aid = service.attach(handler, case_id, "kvitto.txt", "text/plain", b"hemligt innehall")
    meta, name, data = service.attachment(handler, case_id, aid)
    assert (name, data) == ("kvitto.txt", b"hemligt innehall")
    assert isinstance(meta, dict)


def test_records_request_and_ncnd(service):
    case = service.register_records_request(
        registrar, "Protokoll från socialnämnden", [{"description": "Protokoll 2025-03-12", "registry_ref": None}]
    )
    assert case["kind"] == "records_request"
    answer = service.answer_register_query(
        registrar, {"subject": {"type": "person", "value": "Anna Andersson"}, "period": None}
    )
    assert isinstance(answer, dict)


def test_statistics_and_purge(service):
    service.submit_report(TENANT, "tip", "Tips")
    stats = service.statistics(admin)
    assert isinstance(stats, dict)
    report = service.purge(admin, dry_run=True)
    assert isinstance(report, dict)


def test_bad_values_are_typed_errors(service, tmp_path):
    with pytest.raises(lantero.InvalidValue):
        Actor("x", "Inte Giltig", ["handler"])
    with pytest.raises(ValueError, match="invalid role"):
        Actor("x", TENANT, ["kung"])
    with pytest.raises(lantero.AlreadyExists):
        service.create_tenant(TENANT, "Igen")
    with pytest.raises(lantero.CryptoError):
        CaseService(Store.sqlite(tmp_path / "other.db"), "not-hex")
