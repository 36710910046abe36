//! Purge destroys: after it, no byte of the case's sealed values or keys is in the files.

use chrono::TimeDelta;
use lantero_cases::case::{CaseKind, Channel, ClosureReason, Visibility};
use lantero_cases::policy::Role;
use lantero_cases::reporter::{ReporterIdentity, ThrottleConfig};
use lantero_cases::service::{AttachmentUpload, NewReport};

use crate::engine::{Engine, scan};
use crate::{actor, service, tenant};

/// Two slices of a stored sealed value (its nonce and its tag), long enough to be unique and
/// found even if a page kept only part of the value.
fn needles_of(stored: &str, out: &mut Vec<String>) {
    let hex = stored.trim_start_matches("x1:");
    assert!(hex.len() >= 96, "unexpected sealed form {stored:?}");
    out.push(hex[..40].to_owned());
    out.push(hex[hex.len() - 40..].to_owned());
}

pub fn purge_leaves_no_byte_of_the_case_in_the_files(engine: &Engine) {
    let store = engine.open();
    let (svc, clock) = service(store.clone(), ThrottleConfig::default());
    let t = tenant();
    svc.create_tenant(t.clone(), "Testby kommun").unwrap();
    let admin = actor("admin", Role::Administrator);
    let h = actor("h1", Role::Handler);
    let sub = svc
        .submit_report(
            &t,
            NewReport {
                kind: CaseKind::Tip,
                channel: Channel::Web,
                text: "Grannen har svart inkomst, TIPSTEXT-7f3a".into(),
                identity: Some(ReporterIdentity {
                    name: Some("Tipsare Tipsson".into()),
                    email: Some("tips@example.se".into()),
                    phone: None,
                    other: None,
                }),
            },
        )
        .unwrap();
    svc.assign(&admin, &sub.case_id, &h.id).unwrap();
    svc.add_note(&h, &sub.case_id, "Intern anteckning ANTECKNING-51c2")
        .unwrap();
    svc.attach(
        &h,
        &sub.case_id,
        AttachmentUpload {
            file_name: "kvitto-BILAGA-88d0.pdf".into(),
            media_type: "application/pdf".into(),
            bytes: b"%PDF-1.7 BILAGEINNEHALL".repeat(40),
            visibility: Visibility::Internal,
        },
    )
    .unwrap();

    // Everything sealed for the case, as stored: text, identity, keys, note, attachment.
    let case = store.case(&t, &sub.case_id).unwrap().unwrap();
    let content = case.content.clone().unwrap();
    let mut needles = Vec::new();
    needles_of(content.summary.as_str(), &mut needles);
    needles_of(content.identity.as_ref().unwrap().as_str(), &mut needles);
    needles_of(&content.case_key.wrapped, &mut needles);
    needles_of(
        &content.identity_key.as_ref().unwrap().wrapped,
        &mut needles,
    );
    for m in store.messages(&t, &sub.case_id).unwrap() {
        needles_of(m.body.as_str(), &mut needles);
    }
    for a in store.attachments(&t, &sub.case_id).unwrap() {
        needles_of(a.file_name.as_str(), &mut needles);
        needles_of(
            store
                .attachment_content(&t, &a.id)
                .unwrap()
                .unwrap()
                .as_str(),
            &mut needles,
        );
    }
    assert!(needles.len() >= 14);

    // The scan must be able to fail: before purge the values are in the files.
    let before = scan(&engine.files(), &needles);
    assert!(
        before.len() >= needles.len() / 2,
        "the scan finds too little before purge ({} of {}): it proves nothing",
        before.len(),
        needles.len()
    );

    svc.close(&h, &sub.case_id, ClosureReason::NoLegalBasis)
        .unwrap();
    clock.advance(TimeDelta::days(1));
    let report = svc.purge(&admin, false).unwrap();
    assert_eq!(report.purged.len(), 1);
    assert!(
        store
            .case(&t, &sub.case_id)
            .unwrap()
            .unwrap()
            .content
            .is_none()
    );

    let after = scan(&engine.files(), &needles);
    assert!(
        after.is_empty(),
        "{} purged value(s) still in the files, e.g. {:?}",
        after.len(),
        after.first()
    );
    // The store still works after the scrub, and its audit log still verifies.
    assert!(svc.audit_log(&admin).unwrap().len() > 5);
}
