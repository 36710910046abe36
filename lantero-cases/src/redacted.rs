//! Hand-written `Debug` for the types that hold case content or identities.
//!
//! A `Debug` line ends up in logs, panic messages and error reports, none of which are
//! encrypted at rest or covered by the case's retention: these show the shape of a value
//! (kinds, ids, dates, lengths), never report text, names, topics or file names. They live
//! together so that one review covers them, with one test over all of them.
//! ([`ReporterIdentity`](crate::reporter::ReporterIdentity),
//! [`Receipt`](crate::reporter::Receipt), [`Sealed`](crate::crypto::Sealed) and
//! [`DataKey`](crate::crypto::DataKey) redact in their own modules.)

use std::fmt;

use crate::records::{DecisionDocument, QuerySubject, RegisterQuery, RequestedDocument};
use crate::service::{
    AttachmentUpload, CaseView, MessageView, NewRecordsRequest, NewReport, ReporterView,
};

/// Stands in for a secret in a `Debug` line: its length only.
struct Redacted(usize);

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} bytes>", self.0)
    }
}

fn len(s: &str) -> Redacted {
    Redacted(s.len())
}

impl fmt::Debug for NewReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewReport")
            .field("kind", &self.kind)
            .field("channel", &self.channel)
            .field("text", &len(&self.text))
            .field("identity", &self.identity)
            .finish()
    }
}

impl fmt::Debug for NewRecordsRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewRecordsRequest")
            .field("channel", &self.channel)
            .field("text", &len(&self.text))
            .field("documents", &self.documents)
            .field("requester", &self.requester)
            .finish()
    }
}

impl fmt::Debug for AttachmentUpload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The media type stays: it is chosen from a short list and helps debugging.
        f.debug_struct("AttachmentUpload")
            .field("file_name", &len(&self.file_name))
            .field("media_type", &self.media_type)
            .field("bytes", &Redacted(self.bytes.len()))
            .field("visibility", &self.visibility)
            .finish()
    }
}

impl fmt::Debug for CaseView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CaseView")
            .field("case", &self.case)
            .field("text", &len(&self.text))
            .field("links", &self.links)
            .finish()
    }
}

impl fmt::Debug for MessageView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MessageView")
            .field("id", &self.id)
            .field("author", &self.author)
            .field("visibility", &self.visibility)
            .field("sent_at", &self.sent_at)
            .field("text", &len(&self.text))
            .finish()
    }
}

impl fmt::Debug for ReporterView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReporterView")
            .field("reference", &self.reference)
            .field("status", &self.status)
            .field("received_at", &self.received_at)
            .field("text", &len(&self.text))
            .field("messages", &self.messages)
            .finish()
    }
}

impl fmt::Debug for QuerySubject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Person(p) => f.debug_tuple("Person").field(&len(p)).finish(),
            Self::Topic(t) => f.debug_tuple("Topic").field(&len(t)).finish(),
        }
    }
}

impl fmt::Debug for RegisterQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RegisterQuery")
            .field("subject", &self.subject)
            .field("period", &self.period.as_deref().map(len))
            .finish()
    }
}

impl fmt::Debug for RequestedDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestedDocument")
            .field("description", &len(&self.description))
            .field("registry_ref", &self.registry_ref)
            .finish()
    }
}

impl fmt::Debug for DecisionDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecisionDocument")
            .field("schema", &self.schema)
            .field("reference", &self.reference)
            .field("date", &self.date)
            .field("provisions", &self.provisions)
            .field("text", &len(&self.text))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};
    use zeroize::Zeroizing;

    use super::*;
    use crate::case::{
        Author, CaseId, CaseKind, Channel, MessageId, Reference, Status, Visibility,
    };
    use crate::records::{Outcome, RecordsDecision};
    use crate::reporter::ReporterIdentity;
    use crate::service::NcndAnswer;

    const SECRETS: [&str; 8] = [
        "Fakturabedrägeri",
        "Per Persson",
        "per@example.se",
        "070-1234567",
        "Ekonomiavdelningen",
        "bevis.pdf",
        "PDFSECRETBYTES",
        "Protokoll SN",
    ];

    fn identity() -> Option<ReporterIdentity> {
        Some(ReporterIdentity {
            name: Some("Per Persson".into()),
            email: Some("per@example.se".into()),
            phone: Some("070-1234567".into()),
            other: Some("Ekonomiavdelningen".into()),
        })
    }

    fn message() -> MessageView {
        MessageView {
            id: MessageId("msg-1".into()),
            author: Author::Reporter,
            visibility: Visibility::Shared,
            sent_at: Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap(),
            text: Zeroizing::new("Per Persson har fler fakturor".into()),
        }
    }

    fn document() -> DecisionDocument {
        DecisionDocument {
            schema: "lantero.records-decision/v1".into(),
            reference: "RR-2025-0001".into(),
            date: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
            provisions: vec!["OSL 30:4 b".into()],
            text: "Ni har begärt handlingar om Per Persson".into(),
        }
    }

    #[test]
    fn debug_shows_no_content() {
        let reference = Reference::new(CaseKind::Whistleblowing, 2025, 1);
        let docs = vec![RequestedDocument {
            description: "Protokoll SN om Per Persson".into(),
            registry_ref: Some("SN 2025/14".into()),
        }];
        let rendered: Vec<(&str, String)> = vec![
            (
                "NewReport",
                format!(
                    "{:?}",
                    NewReport {
                        kind: CaseKind::Whistleblowing,
                        channel: Channel::Web,
                        text: "Fakturabedrägeri av Per Persson".into(),
                        identity: identity(),
                    }
                ),
            ),
            (
                "NewRecordsRequest",
                format!(
                    "{:?}",
                    NewRecordsRequest {
                        channel: Channel::Web,
                        text: "Protokoll SN om Per Persson".into(),
                        documents: docs.clone(),
                        requester: identity(),
                    }
                ),
            ),
            (
                "AttachmentUpload",
                format!(
                    "{:?}",
                    AttachmentUpload {
                        file_name: "bevis.pdf".into(),
                        media_type: "application/pdf".into(),
                        bytes: b"PDFSECRETBYTES".to_vec(),
                        visibility: Visibility::Internal,
                    }
                ),
            ),
            ("MessageView", format!("{:?}", message())),
            (
                "ReporterView",
                format!(
                    "{:?}",
                    ReporterView {
                        reference,
                        status: Status::Received,
                        received_at: Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap(),
                        text: Zeroizing::new("Fakturabedrägeri av Per Persson".into()),
                        messages: vec![message()],
                    }
                ),
            ),
            (
                "RegisterQuery(person)",
                format!(
                    "{:?}",
                    RegisterQuery {
                        subject: QuerySubject::Person("Per Persson".into()),
                        period: Some("Fakturabedrägeri-perioden".into()),
                    }
                ),
            ),
            (
                "QuerySubject(topic)",
                format!("{:?}", QuerySubject::Topic("Fakturabedrägeri".into())),
            ),
            ("RequestedDocument", format!("{:?}", docs)),
            (
                "NcndAnswer",
                format!(
                    "{:?}",
                    NcndAnswer {
                        case_id: CaseId("case-1".into()),
                        reference,
                        document: document(),
                    }
                ),
            ),
            (
                "RecordsDecision",
                format!(
                    "{:?}",
                    RecordsDecision {
                        outcome: Outcome::Release,
                        decided_by: crate::policy::ActorId("h1".into()),
                        decided_at: Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap(),
                        document: document(),
                    }
                ),
            ),
        ];
        for (what, line) in &rendered {
            for secret in SECRETS {
                assert!(!line.contains(secret), "{what} shows {secret:?}: {line}");
            }
        }
        // Not just empty: the shape is there, with lengths, for debugging.
        let upload = &rendered[2].1;
        assert!(upload.contains("file_name: <9 bytes>"), "{upload}");
        assert!(upload.contains("application/pdf"), "{upload}");
        assert!(
            rendered[5].1.contains("Person(<11 bytes>)"),
            "{}",
            rendered[5].1
        );
        assert!(rendered[8].1.contains("OSL 30:4 b"), "{}", rendered[8].1);
    }
}
