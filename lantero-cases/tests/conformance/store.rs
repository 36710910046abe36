//! Store-level checks: the `CaseStore` and `Tx` contracts.

use std::sync::Arc;

use chrono::TimeDelta;
use lantero_cases::case::{
    Attachment, AttachmentId, Author, CaseId, CaseKind, CaseLink, LinkRelation, Message, MessageId,
    Status, Visibility,
};
use lantero_cases::crypto::{DataKey, Sealed};
use lantero_cases::policy::ActorId;
use lantero_cases::reporter::{RevealId, RevealRequest, RevealState};
use lantero_cases::store::CaseStore;
use lantero_cases::{Error, Tenant};
use lantero_core::audit::verify_chain;

use super::{anchor, draft, insert_case, reference, t0, tenant};

pub fn tenants_round_trip_and_duplicates_are_refused(store: Arc<dyn CaseStore>) {
    let a = tenant(store.as_ref(), "alfa");
    let got = store.tenant(&a).unwrap().unwrap();
    assert_eq!(got.name, "alfa kommun");
    let dup = Tenant {
        name: "other".into(),
        ..got
    };
    assert!(matches!(
        store.insert_tenant(&dup),
        Err(Error::AlreadyExists { .. })
    ));
    tenant(store.as_ref(), "beta");
    let ids: Vec<String> = store
        .tenants()
        .unwrap()
        .into_iter()
        .map(|t| t.id.to_string())
        .collect();
    assert_eq!(ids, ["alfa", "beta"]);
    assert!(store.tenant(&"gamma".parse().unwrap()).unwrap().is_none());
}

pub fn unknown_tenant_cannot_transact(store: Arc<dyn CaseStore>) {
    let err = store
        .record(&"nobody".parse().unwrap(), &anchor(), draft("x", "y"))
        .unwrap_err();
    assert!(
        matches!(err, Error::NotFound { what: "tenant", .. }),
        "{err}"
    );
}

pub fn references_are_gap_free_per_tenant_kind_and_year(store: Arc<dyn CaseStore>) {
    let a = tenant(store.as_ref(), "a");
    let b = tenant(store.as_ref(), "b");
    let mut got = Vec::new();
    store
        .transact(&a, &anchor(), &mut |tx| {
            got.push(tx.next_reference(CaseKind::Whistleblowing, 2025)?);
            got.push(tx.next_reference(CaseKind::Whistleblowing, 2025)?);
            got.push(tx.next_reference(CaseKind::Tip, 2025)?);
            got.push(tx.next_reference(CaseKind::Whistleblowing, 2026)?);
            Ok(draft("n", "n"))
        })
        .unwrap();
    store
        .transact(&b, &anchor(), &mut |tx| {
            got.push(tx.next_reference(CaseKind::Whistleblowing, 2025)?);
            Ok(draft("n", "n"))
        })
        .unwrap();
    let shown: Vec<String> = got.iter().map(|r| r.to_string()).collect();
    assert_eq!(
        shown,
        [
            "VB-2025-0001",
            "VB-2025-0002",
            "TIPS-2025-0001",
            "VB-2026-0001",
            "VB-2025-0001"
        ]
    );
}

pub fn failed_work_writes_nothing(store: Arc<dyn CaseStore>) {
    let a = tenant(store.as_ref(), "a");
    let err = store
        .transact(&a, &anchor(), &mut |tx| {
            let r = tx.next_reference(CaseKind::Tip, 2025)?;
            let case = lantero_cases::case::Case::new(
                CaseId::generate()?,
                a.clone(),
                CaseKind::Tip,
                lantero_cases::case::Channel::Web,
                r,
                t0(),
            );
            tx.insert_case(&case)?;
            Err(Error::InvalidValue {
                field: "test",
                value: "x".into(),
                reason: "abort".into(),
            })
        })
        .unwrap_err();
    assert!(matches!(err, Error::InvalidValue { .. }));
    assert!(store.cases(&a).unwrap().is_empty());
    assert!(store.audit_events(&a, &anchor()).unwrap().is_empty());
    // The counter rolled back too: the next number is still 1.
    let c = insert_case(store.as_ref(), &a, CaseKind::Tip);
    assert_eq!(c.reference, reference(CaseKind::Tip, 1));
}

pub fn audit_chain_is_per_tenant_and_verifies(store: Arc<dyn CaseStore>) {
    let a = tenant(store.as_ref(), "a");
    let b = tenant(store.as_ref(), "b");
    for i in 0..5 {
        store
            .record(&a, &anchor(), draft("read", &format!("a{i}")))
            .unwrap();
        if i % 2 == 0 {
            store
                .record(&b, &anchor(), draft("read", &format!("b{i}")))
                .unwrap();
        }
    }
    let ea = store.audit_events(&a, &anchor()).unwrap();
    let eb = store.audit_events(&b, &anchor()).unwrap();
    assert_eq!(
        ea.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [0, 1, 2, 3, 4]
    );
    assert_eq!(eb.len(), 3);
    assert!(ea.iter().all(|e| e.object.starts_with('a')));
    verify_chain(&ea).unwrap();
    verify_chain(&eb).unwrap();
    // Microsecond times survive the round trip (the hash covers them).
    let with_nanos = t0() + TimeDelta::nanoseconds(123_456_789);
    let ev = store
        .record(
            &a,
            &anchor(),
            lantero_cases::store::AuditDraft {
                time: with_nanos,
                ..draft("x", "y")
            },
        )
        .unwrap();
    let back = store.audit_events(&a, &anchor()).unwrap();
    assert_eq!(back.last().unwrap(), &ev);
    verify_chain(&back).unwrap();
}

pub fn tenants_are_isolated(store: Arc<dyn CaseStore>) {
    let a = tenant(store.as_ref(), "a");
    let b = tenant(store.as_ref(), "b");
    let mut case = insert_case(store.as_ref(), &a, CaseKind::Whistleblowing);
    case.receipt_hash = Some("h".repeat(64));
    let key = DataKey::generate().unwrap();
    let msg = Message {
        id: MessageId::generate().unwrap(),
        case_id: case.id.clone(),
        author: Author::Reporter,
        visibility: Visibility::Shared,
        sent_at: t0(),
        body: key.seal(b"x", b"c").unwrap(),
    };
    let att = Attachment {
        id: AttachmentId::generate().unwrap(),
        case_id: case.id.clone(),
        added_by: Author::Reporter,
        visibility: Visibility::Internal,
        added_at: t0(),
        media_type: "text/plain".into(),
        size: 1,
        file_name: key.seal(b"n", b"c").unwrap(),
    };
    let reveal = RevealRequest {
        id: RevealId::generate().unwrap(),
        case_id: case.id.clone(),
        requested_by: ActorId::new("h"),
        requested_at: t0(),
        ground: "g".into(),
        state: RevealState::Pending,
    };
    let link = CaseLink {
        from: case.id.clone(),
        to: CaseId("ext-1".into()),
        relation: LinkRelation::BecameControlCase,
        created_by: None,
        created_at: t0(),
    };
    store
        .transact(&a, &anchor(), &mut |tx| {
            tx.update_case(&case)?;
            tx.insert_message(&msg)?;
            tx.insert_attachment(&att, &key.seal(b"x", b"c")?)?;
            tx.put_reveal(&reveal)?;
            tx.insert_link(&link)?;
            Ok(draft("w", "w"))
        })
        .unwrap();

    // Tenant b sees none of it, by any route.
    assert!(store.case(&b, &case.id).unwrap().is_none());
    assert!(store.cases(&b).unwrap().is_empty());
    assert!(
        store
            .case_by_receipt(&b, &"h".repeat(64))
            .unwrap()
            .is_none()
    );
    assert!(store.messages(&b, &case.id).unwrap().is_empty());
    assert!(store.attachments(&b, &case.id).unwrap().is_empty());
    assert!(store.attachment_content(&b, &att.id).unwrap().is_none());
    assert!(store.links(&b, &case.id).unwrap().is_empty());
    assert!(store.reveal(&b, &reveal.id).unwrap().is_none());
    assert!(store.audit_events(&b, &anchor()).unwrap().is_empty());
    // And b cannot change a's case from its own transaction.
    let err = store
        .transact(&b, &anchor(), &mut |tx| {
            assert!(tx.case(&case.id)?.is_none());
            tx.update_case(&case)?;
            Ok(draft("w", "w"))
        })
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { what: "case", .. }));
    // While a sees everything.
    assert!(
        store
            .case_by_receipt(&a, &"h".repeat(64))
            .unwrap()
            .is_some()
    );
    assert_eq!(store.messages(&a, &case.id).unwrap().len(), 1);
}

pub fn messages_attachments_links_and_reveals_round_trip(store: Arc<dyn CaseStore>) {
    let a = tenant(store.as_ref(), "a");
    let c1 = insert_case(store.as_ref(), &a, CaseKind::Tip);
    let c2 = insert_case(store.as_ref(), &a, CaseKind::Tip);
    let key = DataKey::generate().unwrap();
    let msgs: Vec<Message> = (0..5)
        .map(|i| Message {
            id: MessageId::generate().unwrap(),
            case_id: c1.id.clone(),
            author: if i % 2 == 0 {
                Author::Reporter
            } else {
                Author::Staff(ActorId::new("h1"))
            },
            visibility: if i % 2 == 0 {
                Visibility::Shared
            } else {
                Visibility::Internal
            },
            sent_at: t0() + TimeDelta::minutes(i),
            body: key.seal(format!("m{i}").as_bytes(), b"c").unwrap(),
        })
        .collect();
    for m in &msgs {
        store
            .transact(&a, &anchor(), &mut |tx| {
                tx.insert_message(m).map(|_| draft("m", "m"))
            })
            .unwrap();
    }
    assert_eq!(store.messages(&a, &c1.id).unwrap(), msgs);
    assert!(store.messages(&a, &c2.id).unwrap().is_empty());

    let att = Attachment {
        id: AttachmentId::generate().unwrap(),
        case_id: c1.id.clone(),
        added_by: Author::Reporter,
        visibility: Visibility::Shared,
        added_at: t0(),
        media_type: "application/pdf".into(),
        size: 3,
        file_name: key.seal(b"a.pdf", b"n").unwrap(),
    };
    let content: Sealed = key.seal(b"pdf", b"x").unwrap();
    store
        .transact(&a, &anchor(), &mut |tx| {
            tx.insert_attachment(&att, &content)
                .map(|_| draft("a", "a"))
        })
        .unwrap();
    assert_eq!(store.attachments(&a, &c1.id).unwrap(), vec![att.clone()]);
    assert_eq!(
        store.attachment_content(&a, &att.id).unwrap(),
        Some(content)
    );

    let link = CaseLink {
        from: c1.id.clone(),
        to: c2.id.clone(),
        relation: LinkRelation::Related,
        created_by: Some(ActorId::new("h1")),
        created_at: t0(),
    };
    store
        .transact(&a, &anchor(), &mut |tx| {
            tx.insert_link(&link).map(|_| draft("l", "l"))
        })
        .unwrap();
    assert_eq!(store.links(&a, &c1.id).unwrap(), vec![link.clone()]);
    assert_eq!(store.links(&a, &c2.id).unwrap(), vec![link]);

    let mut r = RevealRequest {
        id: RevealId::generate().unwrap(),
        case_id: c1.id.clone(),
        requested_by: ActorId::new("h1"),
        requested_at: t0(),
        ground: "court order".into(),
        state: RevealState::Pending,
    };
    store
        .transact(&a, &anchor(), &mut |tx| {
            tx.put_reveal(&r).map(|_| draft("r", "r"))
        })
        .unwrap();
    r.state = RevealState::Denied {
        by: ActorId::new("c1"),
        at: t0(),
    };
    store
        .transact(&a, &anchor(), &mut |tx| {
            tx.put_reveal(&r).map(|_| draft("r", "r"))
        })
        .unwrap();
    assert_eq!(store.reveal(&a, &r.id).unwrap(), Some(r));

    let mut updated = store.case(&a, &c1.id).unwrap().unwrap();
    updated.status = Status::InProgress;
    store
        .transact(&a, &anchor(), &mut |tx| {
            tx.update_case(&updated).map(|_| draft("u", "u"))
        })
        .unwrap();
    assert_eq!(store.case(&a, &c1.id).unwrap(), Some(updated));
    assert_eq!(store.cases(&a).unwrap().len(), 2);
}

pub fn receipt_hashes_are_unique_within_a_tenant_only(store: Arc<dyn CaseStore>) {
    let a = tenant(store.as_ref(), "a");
    let b = tenant(store.as_ref(), "b");
    let hash = "ab".repeat(32);
    for t in [&a, &b] {
        let mut c = insert_case(store.as_ref(), t, CaseKind::Whistleblowing);
        c.receipt_hash = Some(hash.clone());
        store
            .transact(t, &anchor(), &mut |tx| {
                tx.update_case(&c).map(|_| draft("u", "u"))
            })
            .unwrap();
    }
    let mut dup = insert_case(store.as_ref(), &a, CaseKind::Whistleblowing);
    dup.receipt_hash = Some(hash.clone());
    let err = store.transact(&a, &anchor(), &mut |tx| {
        tx.update_case(&dup).map(|_| draft("u", "u"))
    });
    assert!(err.is_err());
    assert_eq!(store.case_by_receipt(&a, &hash).unwrap().unwrap().tenant, a);
    assert_eq!(store.case_by_receipt(&b, &hash).unwrap().unwrap().tenant, b);
}

pub fn deleting_content_keeps_case_and_links(store: Arc<dyn CaseStore>) {
    let a = tenant(store.as_ref(), "a");
    let c = insert_case(store.as_ref(), &a, CaseKind::Tip);
    let other = insert_case(store.as_ref(), &a, CaseKind::Tip);
    let key = DataKey::generate().unwrap();
    let msg = |case: &CaseId| Message {
        id: MessageId::generate().unwrap(),
        case_id: case.clone(),
        author: Author::Reporter,
        visibility: Visibility::Shared,
        sent_at: t0(),
        body: key.seal(b"x", b"c").unwrap(),
    };
    let (m1, m2) = (msg(&c.id), msg(&other.id));
    let link = CaseLink {
        from: c.id.clone(),
        to: other.id.clone(),
        relation: LinkRelation::Related,
        created_by: None,
        created_at: t0(),
    };
    store
        .transact(&a, &anchor(), &mut |tx| {
            tx.insert_message(&m1)?;
            tx.insert_message(&m2)?;
            tx.insert_link(&link)?;
            Ok(draft("w", "w"))
        })
        .unwrap();
    store
        .transact(&a, &anchor(), &mut |tx| {
            tx.delete_case_content(&c.id).map(|_| draft("d", "d"))
        })
        .unwrap();
    assert!(store.messages(&a, &c.id).unwrap().is_empty());
    assert_eq!(store.messages(&a, &other.id).unwrap().len(), 1);
    assert!(store.case(&a, &c.id).unwrap().is_some());
    assert_eq!(store.links(&a, &c.id).unwrap().len(), 1);
}

pub fn concurrent_writers_keep_chain_and_numbers_consistent(store: Arc<dyn CaseStore>) {
    let a = tenant(store.as_ref(), "a");
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let store = store.clone();
            let a = a.clone();
            std::thread::spawn(move || {
                for _ in 0..10 {
                    insert_case(store.as_ref(), &a, CaseKind::RecordsRequest);
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let mut numbers: Vec<u32> = store
        .cases(&a)
        .unwrap()
        .iter()
        .map(|c| c.reference.number)
        .collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=40).collect::<Vec<_>>());
    let events = store.audit_events(&a, &anchor()).unwrap();
    assert_eq!(events.len(), 40);
    verify_chain(&events).unwrap();
}
